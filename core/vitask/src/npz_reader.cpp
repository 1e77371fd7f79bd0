#include "vitask/vitask/npz_reader.h"

#include "vitask/common/error.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <limits>

namespace vitask::recipe {

void NpzReader::ZipCloser::operator()(zip* archive) const {
    if (archive) zip_discard(archive);  // read-only: nothing to write back
}

NpzReader::NpzReader(const std::string& path) : path_(path) {
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (!archive) {
        if (code == ZIP_ER_NOENT) throw Error("file not found", path, "Check the path.");
        if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS) {
            // A zip archive keeps its directory at the end: a file that starts as one but has
            // none was cut short (an interrupted download or copy), not of another format.
            char start[4] = {};
            std::ifstream in(path, std::ios::binary);
            in.read(start, sizeof start);
            if (in.gcount() == 0)
                throw Error("the file is empty (0 bytes)", path,
                            "Download the dataset again, or write it with numpy.savez / numpy.savez_compressed.");
            if (in.gcount() == 4 && std::memcmp(start, "PK\x03\x04", 4) == 0)
                throw Error("the .npz archive is truncated or damaged: it starts as a zip archive but its directory, "
                            "at the end of the file, is missing or unreadable",
                            path, "The download or copy was cut short: download or copy the dataset again.");
            throw Error("not an .npz file (an .npz is a zip archive of .npy arrays; this is not a zip archive)", path,
                        "Download the dataset again, or write it with numpy.savez / numpy.savez_compressed.");
        }
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw Error("cannot open the .npz archive: " + reason, path, "Check that the file is readable and complete.");
    }
    archive_.reset(archive);
}

NpzReader::~NpzReader() = default;
NpzReader::NpzReader(NpzReader&&) noexcept = default;
NpzReader& NpzReader::operator=(NpzReader&&) noexcept = default;

std::vector<std::string> NpzReader::keys() const {
    std::vector<std::string> keys;
    const zip_int64_t n = zip_get_num_entries(archive_.get(), 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        std::string name = zip_get_name(archive_.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".npy") == 0) name.resize(name.size() - 4);
        keys.push_back(std::move(name));
    }
    return keys;
}

bool NpzReader::contains(const std::string& key) const {
    return zip_name_locate(archive_.get(), (key + ".npy").c_str(), 0) >= 0;
}

std::vector<uint8_t> NpzReader::readMember(const std::string& key, size_t limit) const {
    const zip_int64_t index = zip_name_locate(archive_.get(), (key + ".npy").c_str(), 0);
    if (index < 0) {
        std::string present;
        for (const auto& k : keys()) present += (present.empty() ? "" : ", ") + k;
        throw Error("the archive has no array '" + key + "' (it has: " + (present.empty() ? "none" : present) + ")",
                    subject(key), "Use the published MedMNIST file, which holds train/val/test _images and _labels.");
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        throw Error("cannot read the archive's directory entry", subject(key), "The file is corrupt: download it again.");
    const size_t size = static_cast<size_t>(std::min<zip_uint64_t>(stat.size, limit));
    zip_file_t* file = zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0);
    if (!file)
        throw Error(std::string("cannot open the array: ") + zip_strerror(archive_.get()), subject(key),
                    "The file is corrupt or uses an unsupported compression: write it with numpy.savez_compressed.");
    std::vector<uint8_t> bytes(size);
    size_t done = 0;
    while (done < size) {
        const zip_int64_t got = zip_fread(file, bytes.data() + done, size - done);
        if (got <= 0) break;
        done += static_cast<size_t>(got);
    }
    bool bad = done < size;
    // libzip checks a member's CRC-32 when a read reaches its end; the last byte of a stored
    // (uncompressed) member does not get there, so one more read does: damaged bytes must
    // not pass as data.
    uint8_t past = 0;
    if (!bad && size == stat.size) bad = zip_fread(file, &past, 1) < 0;
    const std::string error = bad ? zip_file_strerror(file) : "";
    zip_fclose(file);
    if (bad)
        throw Error("the array is truncated or corrupt (" + error + ")", subject(key), "Download the dataset again.");
    return bytes;
}

NpyArray NpzReader::read(const std::string& key) const {
    return NpyArray::parse(readMember(key, std::numeric_limits<size_t>::max()), subject(key));
}

NpyArray NpzReader::readHeader(const std::string& key) const {
    return NpyArray::parse(readMember(key, NpyArray::kMaxHeaderBytes), subject(key), true);
}

}  // namespace vitask::recipe
