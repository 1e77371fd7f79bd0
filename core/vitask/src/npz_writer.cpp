#include "vitask/vitask/npz_writer.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"

#include <zip.h>

#include <cstdio>
#include <cstring>
#include <memory>

namespace vitask::recipe {
namespace {

// The .npy format 1.0 header NumPy writes: magic, version, little-endian header length,
// then a Python dict literal padded with spaces to a multiple of 64 bytes and ended by '\n'.
std::vector<uint8_t> npyHeader(const std::string& descr, const std::vector<int64_t>& shape) {
    std::string shapeText = "(";
    for (size_t i = 0; i < shape.size(); ++i) shapeText += (i ? ", " : "") + std::to_string(shape[i]);
    shapeText += shape.size() == 1 ? ",)" : ")";
    std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
    const size_t prefix = 10;  // magic (6) + version (2) + length (2)
    const size_t padded = (prefix + dict.size() + 1 + 63) / 64 * 64;
    dict.append(padded - prefix - dict.size() - 1, ' ');
    dict += '\n';
    const std::string magic("\x93NUMPY\x01\x00", 8);
    std::string header = magic + static_cast<char>(dict.size() & 0xff) + static_cast<char>(dict.size() >> 8) + dict;
    return {header.begin(), header.end()};
}

int64_t elementCount(const std::vector<int64_t>& shape) {
    int64_t n = 1;
    for (const auto d : shape) n *= d;
    return n;
}

struct ArchiveDiscarder {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct SourceFreer {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};

}  // namespace

void NpzWriter::add(const std::string& key, const std::string& descr, int itemSize, const std::vector<int64_t>& shape,
                    const uint8_t* data, size_t byteCount) {
    const int64_t count = elementCount(shape);
    if (static_cast<size_t>(count) * static_cast<size_t>(itemSize) != byteCount)
        throw Error("holds " + std::to_string(byteCount / static_cast<size_t>(itemSize)) + " values for a shape of " +
                        std::to_string(count),
                    key);
    const std::string name = key + ".npy";
    for (const auto& member : members_)
        if (member.name == name) throw Error("the archive already has an array of this name", key);
    Member member{name, npyHeader(descr, shape)};
    member.bytes.insert(member.bytes.end(), data, data + byteCount);
    members_.push_back(std::move(member));
}

void NpzWriter::addUint8(const std::string& key, const std::vector<int64_t>& shape, std::vector<uint8_t> values) {
    add(key, "|u1", 1, shape, values.data(), values.size());
}

void NpzWriter::addInt64(const std::string& key, const std::vector<int64_t>& shape, const std::vector<int64_t>& values) {
    // Little-endian on disk whatever the host: '<i8'.
    std::vector<uint8_t> bytes(values.size() * 8);
    for (size_t i = 0; i < values.size(); ++i)
        for (int b = 0; b < 8; ++b) bytes[i * 8 + b] = static_cast<uint8_t>(static_cast<uint64_t>(values[i]) >> (8 * b));
    add(key, "<i8", 8, shape, bytes.data(), bytes.size());
}

void NpzWriter::write(const std::filesystem::path& file, bool compress) const {
    const std::string subject = file.string();
    const auto fail = [&](const std::string& what, zip_error_t* error) {
        const std::string reason = error ? zip_error_strerror(error) : "";
        throw Error("cannot build the .npz archive (" + what + (reason.empty() ? "" : ": " + reason) + ")", subject,
                    "Check the free memory.");
    };
    zip_error_t error;
    zip_error_init(&error);
    // The archive is assembled in a libzip memory buffer, then written atomically.
    std::unique_ptr<zip_source_t, SourceFreer> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) fail("buffer", &error);
    std::unique_ptr<zip_t, ArchiveDiscarder> archive(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error));
    if (!archive) fail("open", &error);
    zip_source_keep(buffer.get());  // the archive releases it on close; we still read it after
    // DOS date 1980-01-01 00:00 (NumPy's zipfile default): no clock and no time zone in the bytes.
    const zip_uint16_t dosDate = (0 << 9) | (1 << 5) | 1;
    for (const auto& member : members_) {
        zip_source_t* source = zip_source_buffer(archive.get(), member.bytes.data(), member.bytes.size(), 0);
        if (!source) fail(member.name, zip_get_error(archive.get()));
        const zip_int64_t index = zip_file_add(archive.get(), member.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            fail(member.name, zip_get_error(archive.get()));
        }
        const auto i = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(archive.get(), i, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) != 0 ||
            zip_file_set_dostime(archive.get(), i, 0, dosDate, 0) != 0)
            fail(member.name, zip_get_error(archive.get()));
    }
    if (zip_close(archive.get()) != 0) fail("close", zip_get_error(archive.get()));
    archive.release();  // zip_close freed it

    if (zip_source_open(buffer.get()) != 0) fail("read back", zip_source_error(buffer.get()));
    std::vector<uint8_t> bytes;
    uint8_t chunk[65536];
    zip_int64_t got = 0;
    while ((got = zip_source_read(buffer.get(), chunk, sizeof chunk)) > 0) bytes.insert(bytes.end(), chunk, chunk + got);
    zip_source_close(buffer.get());
    if (got < 0) fail("read back", zip_source_error(buffer.get()));

    AtomicFile out(file);
    out.write(bytes.data(), bytes.size());
    out.commit();
}

}  // namespace vitask::recipe
