#include "native_nifti_reader.h"

#include "file_descriptor.h"
#include "gzip_members.h"
#include "voxel_buffer.h"
#include "worker_threads.h"
#include "vitask/common/error.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

namespace vitask::imaging::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::int32_t kNifti1HeaderSize = 348;
constexpr std::int32_t kNifti2HeaderSize = 540;

struct GzCloser {
    void operator()(gzFile_s* f) const { gzclose(f); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

// zlib reads compressed and uncompressed files alike. `buffer` bytes of input at a time:
// small for a header, large for the data.
GzFile open(const fs::path& file, unsigned buffer) {
    GzFile f(gzopen(file.c_str(), "rb"));
    if (f) gzbuffer(f.get(), buffer);
    return f;
}

// Reads exactly `size` bytes; false on a short read.
bool readExactly(gzFile f, void* out, std::size_t size) {
    char* bytes = static_cast<char*>(out);
    while (size > 0) {
        const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(size, 1u << 30));
        const int got = gzread(f, bytes, chunk);
        if (got <= 0) return false;
        bytes += got;
        size -= static_cast<std::size_t>(got);
    }
    return true;
}

struct DeflateCloser {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

void swapBytes(void* data, std::size_t size) {
    auto* b = static_cast<unsigned char*>(data);
    std::reverse(b, b + size);
}

template <typename T>
T field(const unsigned char* raw, std::size_t offset, bool swap) {
    T value;
    std::memcpy(&value, raw + offset, sizeof(T));
    if (swap) swapBytes(&value, sizeof(T));
    return value;
}

// The header fields that matter here, NIfTI-1 (int16 dims, float32 values) and NIfTI-2
// (int64 dims, float64 values) alike.
struct Header {
    int version = 0;                 // 1 or 2
    std::int32_t size = 0;           // 348 or 540
    bool swap = false;
    bool singleFile = false;         // "n+1"/"n+2": data in the same file
    char magic[4] = {};
    std::int16_t datatype = 0;
    std::int64_t dim[8] = {};
    double pixdim[8] = {};
    std::int64_t voxOffset = 0;
    double sclSlope = 0, sclInter = 0;
    std::int32_t qformCode = 0, sformCode = 0;
    double quatern[3] = {}, qoffset[3] = {};
    double srow[3][4] = {};
};

// sizeof_hdr in either byte order: the version and whether fields need swapping.
bool identify(std::int32_t sizeofHdr, Header& h) {
    std::int32_t swapped = sizeofHdr;
    swapBytes(&swapped, sizeof swapped);
    for (const std::int32_t size : {kNifti1HeaderSize, kNifti2HeaderSize}) {
        if (sizeofHdr == size || swapped == size) {
            h.size = size;
            h.version = size == kNifti1HeaderSize ? 1 : 2;
            h.swap = sizeofHdr != size;
            return true;
        }
    }
    return false;
}

void parseNifti1(const unsigned char* raw, Header& h) {
    const bool swap = h.swap;
    std::memcpy(h.magic, raw + 344, 4);
    h.singleFile = std::memcmp(h.magic, "n+1\0", 4) == 0;
    for (int i = 0; i < 8; ++i) h.dim[i] = field<std::int16_t>(raw, 40 + 2 * i, swap);
    h.datatype = field<std::int16_t>(raw, 70, swap);
    for (int i = 0; i < 8; ++i) h.pixdim[i] = field<float>(raw, 76 + 4 * i, swap);
    const float voxOffset = field<float>(raw, 108, swap);
    // NaN and negative read as 0; an offset past any file (it is checked against the file's
    // size later) is clamped before the conversion, which would overflow.
    h.voxOffset = !(voxOffset > 0) ? 0 : voxOffset < 1e15f ? std::int64_t(voxOffset) : std::int64_t{1} << 50;
    h.sclSlope = field<float>(raw, 112, swap);
    h.sclInter = field<float>(raw, 116, swap);
    h.qformCode = field<std::int16_t>(raw, 252, swap);
    h.sformCode = field<std::int16_t>(raw, 254, swap);
    for (int i = 0; i < 3; ++i) h.quatern[i] = field<float>(raw, 256 + 4 * i, swap);
    for (int i = 0; i < 3; ++i) h.qoffset[i] = field<float>(raw, 268 + 4 * i, swap);
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 4; ++c) h.srow[r][c] = field<float>(raw, 280 + 16 * r + 4 * c, swap);
    }
}

void parseNifti2(const unsigned char* raw, Header& h) {
    const bool swap = h.swap;
    std::memcpy(h.magic, raw + 4, 4);
    h.singleFile = std::memcmp(h.magic, "n+2\0", 4) == 0;
    h.datatype = field<std::int16_t>(raw, 12, swap);
    for (int i = 0; i < 8; ++i) h.dim[i] = field<std::int64_t>(raw, 16 + 8 * i, swap);
    for (int i = 0; i < 8; ++i) h.pixdim[i] = field<double>(raw, 104 + 8 * i, swap);
    h.voxOffset = field<std::int64_t>(raw, 168, swap);
    h.sclSlope = field<double>(raw, 176, swap);
    h.sclInter = field<double>(raw, 184, swap);
    h.qformCode = field<std::int32_t>(raw, 344, swap);
    h.sformCode = field<std::int32_t>(raw, 348, swap);
    for (int i = 0; i < 3; ++i) h.quatern[i] = field<double>(raw, 352 + 8 * i, swap);
    for (int i = 0; i < 3; ++i) h.qoffset[i] = field<double>(raw, 376 + 8 * i, swap);
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 4; ++c) h.srow[r][c] = field<double>(raw, 400 + 32 * r + 8 * c, swap);
    }
}

// Bytes per stored value and components per voxel of a NIfTI datatype code.
struct DataType {
    std::size_t bytes = 0, components = 1;
    const char* name = "";
};

DataType dataType(std::int16_t code) {
    switch (code) {
        case 2: return {1, 1, "uint8"};
        case 4: return {2, 1, "int16"};
        case 8: return {4, 1, "int32"};
        case 16: return {4, 1, "float32"};
        case 64: return {8, 1, "float64"};
        case 128: return {1, 3, "RGB24"};
        case 256: return {1, 1, "int8"};
        case 512: return {2, 1, "uint16"};
        case 768: return {4, 1, "uint32"};
        case 1024: return {8, 1, "int64"};
        case 1280: return {8, 1, "uint64"};
        case 2304: return {1, 4, "RGBA32"};
        default: return {};
    }
}

template <typename T>
void convertValues(const unsigned char* in, std::size_t count, bool swap, float* out) {
    for (std::size_t i = 0; i < count; ++i) {
        T value;
        std::memcpy(&value, in + i * sizeof(T), sizeof(T));
        if (swap && sizeof(T) > 1) swapBytes(&value, sizeof(T));
        out[i] = static_cast<float>(value);
    }
}

void convert(std::int16_t code, const unsigned char* in, std::size_t count, bool swap, float* out) {
    switch (code) {
        case 2: case 128: convertValues<std::uint8_t>(in, count, swap, out); break;
        case 4: convertValues<std::int16_t>(in, count, swap, out); break;
        case 8: convertValues<std::int32_t>(in, count, swap, out); break;
        case 16: convertValues<float>(in, count, swap, out); break;
        case 64: convertValues<double>(in, count, swap, out); break;
        case 256: convertValues<std::int8_t>(in, count, swap, out); break;
        case 512: convertValues<std::uint16_t>(in, count, swap, out); break;
        case 768: convertValues<std::uint32_t>(in, count, swap, out); break;
        case 1024: convertValues<std::int64_t>(in, count, swap, out); break;
        case 1280: convertValues<std::uint64_t>(in, count, swap, out); break;
        default: break;
    }
}

// NIfTI's RAS+ affine columns (i, j, k) and offset into the volume's LPS geometry.
void setGeometry(Volume& v, const double m[3][3], const double offset[3]) {
    const double flip[3] = {-1.0, -1.0, 1.0};
    for (int c = 0; c < 3; ++c) {
        double norm = 0;
        for (int r = 0; r < 3; ++r) norm += m[r][c] * m[r][c];
        norm = std::sqrt(norm);
        v.spacing[c] = norm > 0 ? norm : 1.0;
        for (int r = 0; r < 3; ++r) v.direction[r * 3 + c] = norm > 0 ? flip[r] * m[r][c] / norm : (r == c ? flip[r] : 0.0);
    }
    for (int r = 0; r < 3; ++r) v.origin[r] = flip[r] * offset[r];
    v.orientationKnown = v.pixelSpacingKnown = true;
}

void geometry(Volume& v, const Header& h) {
    double pix[3];
    for (int i = 0; i < 3; ++i) pix[i] = h.pixdim[i + 1] > 0 ? h.pixdim[i + 1] : 1.0;
    double m[3][3] = {};
    if (h.sformCode > 0) {
        // Method 3: the affine as stored.
        const double offset[3] = {h.srow[0][3], h.srow[1][3], h.srow[2][3]};
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) m[r][c] = h.srow[r][c];
        setGeometry(v, m, offset);
    } else if (h.qformCode > 0) {
        // Method 2: rotation from the quaternion (b, c, d), qfac = pixdim[0] flips k.
        double b = h.quatern[0], c = h.quatern[1], d = h.quatern[2];
        double a = 1.0 - (b * b + c * c + d * d);
        if (a < 1e-7) {
            const double n = std::sqrt(b * b + c * c + d * d);
            b /= n, c /= n, d /= n;
            a = 0.0;
        } else {
            a = std::sqrt(a);
        }
        const double qfac = h.pixdim[0] < 0 ? -1.0 : 1.0;
        const double r[3][3] = {{a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
                                {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
                                {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
        for (int row = 0; row < 3; ++row) {
            m[row][0] = r[row][0] * pix[0];
            m[row][1] = r[row][1] * pix[1];
            m[row][2] = r[row][2] * pix[2] * qfac;
        }
        setGeometry(v, m, h.qoffset);
    } else {
        // Method 1 (no transform): voxel size only, axes along RAS.
        const double offset[3] = {0, 0, 0};
        for (int i = 0; i < 3; ++i) m[i][i] = pix[i];
        setGeometry(v, m, offset);
    }
}

fs::path imageFileOf(const fs::path& header) {
    std::string name = header.string();
    for (const auto& [from, to] : {std::pair<std::string, std::string>{".hdr.gz", ".img.gz"},
                                   {".HDR.GZ", ".IMG.GZ"}, {".hdr", ".img"}, {".HDR", ".IMG"}}) {
        if (name.size() > from.size() && name.compare(name.size() - from.size(), from.size(), from) == 0) {
            return name.substr(0, name.size() - from.size()) + to;
        }
    }
    return header;
}

// scl_slope 0 (or not finite) means "no scaling", as in nibabel and nifticlib.
bool scales(const Header& h, const DataType& type) {
    return type.components == 1 && std::isfinite(h.sclSlope) && h.sclSlope != 0.0 &&
           std::isfinite(h.sclInter) && (h.sclSlope != 1.0 || h.sclInter != 0.0);
}

void applyScale(const Header& h, float* values, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) values[i] = static_cast<float>(values[i] * h.sclSlope + h.sclInter);
}

// Where the stored values must lie in the voxel block for the front-to-back conversion in
// place, and how large the block must be. Value k is read from byte inStart + k * b and
// written to bytes [4k, 4k + 4); once values [0, k) are converted, the bytes written end at
// 4k, which must not pass the first unread value: 4k <= inStart + k * b for every k up to
// the count n, i.e. inStart >= n * (4 - b). The stored bytes end the block exactly, and the
// bytes before them in the file (header, extensions) fit in front when the block has room.
struct InPlaceLayout {
    std::size_t blockFloats = 0;     // block size while converting (then shrunk to n)
    std::size_t inStart = 0;         // byte offset of the stored values in the block
};

InPlaceLayout inPlaceLayout(std::size_t values, std::size_t bytesPerValue, std::size_t prefix) {
    const std::size_t dataBytes = values * bytesPerValue;
    const std::size_t needed = dataBytes + prefix;
    InPlaceLayout layout;
    layout.blockFloats = std::max(values, (needed + sizeof(float) - 1) / sizeof(float));
    layout.inStart = layout.blockFloats * sizeof(float) - dataBytes;
    return layout;
}

// Converts the `values` stored values at `block + inStart` (see InPlaceLayout) into floats
// at the start of the block, chunk by chunk; a chunk whose output would overlap its own
// input is copied aside first.
void convertInPlace(const Header& h, std::size_t bytesPerValue, std::size_t values, float* block,
                    std::size_t inStart) {
    constexpr std::size_t kChunk = 1 << 14;
    auto* bytes = reinterpret_cast<unsigned char*>(block);
    std::vector<unsigned char> aside(kChunk * bytesPerValue);
    const std::int16_t code = h.datatype == 128 ? std::int16_t(2) : h.datatype;  // RGB24: bytes
    const DataType type = dataType(h.datatype);
    for (std::size_t k = 0; k < values; k += kChunk) {
        const std::size_t n = std::min(kChunk, values - k);
        const unsigned char* in = bytes + inStart + k * bytesPerValue;
        if ((k + n) * sizeof(float) > inStart + k * bytesPerValue) {
            std::memcpy(aside.data(), in, n * bytesPerValue);
            in = aside.data();
        }
        convert(code, in, n, h.swap, block + k);
        if (scales(h, type)) applyScale(h, block + k, n);
    }
}

// The whole compressed file, read into `compressed` and inflated by libdeflate to `at`:
// exactly `expected` bytes from the gzip members that make up the whole file (one, or one
// per block as parallel gzip writers such as pigz and ours make them; ours say their size,
// and are inflated in parallel). False otherwise
// (trailing data, damage): the streaming reader then takes over and reports damage precisely.
bool inflateWhole(const FileDescriptor& file, std::uint64_t fileSize, unsigned char* compressed,
                  unsigned char* at, std::size_t expected) {
    if (fileSize < 18 || !file.readAt(compressed, fileSize, 0)) return false;
    // Members that say their size (our own writer's): all at once, on every core.
    const auto members = sizedMembers(compressed, fileSize);
    if (!members.empty() && members.back().outOffset + members.back().outSize == expected)
        return inflateMembers(compressed, members, at, imagingThreads(64));
    std::unique_ptr<libdeflate_decompressor, DeflateCloser> inflater(libdeflate_alloc_decompressor());
    if (!inflater) return false;
    std::size_t consumed = 0, produced = 0;
    while (consumed < fileSize) {
        std::size_t used = 0, made = 0;
        if (libdeflate_gzip_decompress_ex(inflater.get(), compressed + consumed, fileSize - consumed, at + produced,
                                          expected - produced, &used, &made) != LIBDEFLATE_SUCCESS)
            return false;
        consumed += used;
        produced += made;
    }
    return produced == expected;
}

// The data of a single file read whole into the voxel block and converted in place. False
// when that is not possible; nothing is reported, the streaming path follows.
bool readInPlace(const fs::path& file, const Header& h, const DataType& type, std::size_t start, Volume& v) {
    const std::size_t values = v.voxelCount() * type.components;
    const FileDescriptor fd(file);
    std::error_code ec;
    const std::uint64_t fileSize = fs::file_size(file, ec);
    unsigned char magic[2] = {};
    if (!fd.isOpen() || ec || !fd.readAt(magic, 2, 0)) return false;
    const bool gzip = magic[0] == 0x1f && magic[1] == 0x8b;
    const InPlaceLayout layout = inPlaceLayout(values, type.bytes, gzip ? start : 0);
    allocateVoxels(v.voxels, layout.blockFloats);
    auto* block = reinterpret_cast<unsigned char*>(v.voxels.data());
    const std::size_t dataBytes = values * type.bytes;
    bool read = false;
    if (gzip) {
        // The compressed file goes to the front of the block when it fits before the
        // inflated bytes (for types narrower than float it usually does): the conversion
        // overwrites it once it is spent, so the reader needs no memory beyond the volume.
        unsigned char* at = block + layout.inStart - start;
        std::unique_ptr<unsigned char[]> separate;
        unsigned char* compressed = block;
        if (fileSize > std::uint64_t(at - block)) {
            separate.reset(new unsigned char[fileSize]);
            adviseHugePages(separate.get(), fileSize);
            compressed = separate.get();
        }
        read = inflateWhole(fd, fileSize, compressed, at, start + dataBytes);
    } else {
        read = fd.readAt(block + layout.inStart, dataBytes, start);
    }
    if (!read) return false;
    convertInPlace(h, type.bytes, values, v.voxels.data(), layout.inStart);
    v.voxels.resize(v.voxelCount() * v.components);
    return true;
}

// Any layout: the data streamed through zlib in chunks, each converted as it arrives, so
// the stored data is never held whole. Reports short data.
void readStreaming(const fs::path& file, const Header& h, const DataType& type, std::int64_t start, Volume& v) {
    const std::string name = file.string();
    GzFile dataFile = open(h.singleFile ? file : imageFileOf(file), 1 << 20);
    if (!h.singleFile && (imageFileOf(file) == file || !dataFile)) {
        throw Error("the .img file holding the voxels is missing", name,
                    "Keep the .hdr and .img files together, with the same name.");
    }
    if (!dataFile) throw Error("cannot open the file", name, "Check that it exists and is readable.");
    gzFile in = dataFile.get();
    std::vector<unsigned char> buffer(1 << 22);
    for (std::int64_t skip = start; skip > 0;) {
        const std::size_t n = static_cast<std::size_t>(std::min<std::int64_t>(skip, std::int64_t(buffer.size())));
        if (!readExactly(in, buffer.data(), n)) {
            throw Error("the file ends before its voxel data", name, "The file is truncated; copy it again.");
        }
        skip -= static_cast<std::int64_t>(n);
    }
    const std::size_t values = v.voxelCount() * type.components;
    std::vector<float> stored(type.components == 4 ? values : 0);  // RGBA: alpha dropped below
    allocateVoxels(v.voxels, v.voxelCount() * v.components);
    float* target = type.components == 4 ? stored.data() : v.voxels.data();
    const std::size_t perChunk = buffer.size() / type.bytes;
    const std::int16_t code = type.components > 1 ? std::int16_t(2) : h.datatype;
    for (std::size_t done = 0; done < values;) {
        const std::size_t n = std::min(perChunk, values - done);
        if (!readExactly(in, buffer.data(), n * type.bytes)) {
            throw Error("the voxel data is truncated (fewer than the " + std::to_string(values) +
                            " values the header declares)",
                        name, "Copy the file again from its source; it was cut short.");
        }
        convert(code, buffer.data(), n, h.swap, target + done);
        if (scales(h, type)) applyScale(h, target + done, n);
        done += n;
    }
    if (type.components == 4) {
        for (std::size_t i = 0; i < v.voxelCount(); ++i) std::copy_n(&stored[i * 4], 3, &v.voxels[i * 3]);
    }
}

// The header, or nullopt when the file is not NIfTI-1/2 (or unreadable).
// A magic string ITK's NIfTI library accepts: "n+N" or "niN" with N from 1 to 9.
bool looksLikeNifti(const char* magic) {
    return magic[0] == 'n' && (magic[1] == '+' || magic[1] == 'i') && magic[2] >= '1' && magic[2] <= '9' && magic[3] == 0;
}

// ITK's NIfTI reader aborts the whole process (vnl's assert_finite) on geometry that
// holds NaN or infinity, and its SVD never returns on values near 3.4e38 (both found by
// tests/fuzz/fuzz_nifti); such geometry means nothing to this reader either. So it is
// refused before either reads the file: NaN and infinity, voxel sizes over a kilometre,
// offsets and affine entries over 10 km, quaternion parts outside [-1, 1]. Analyze
// headers have other fields where NIfTI keeps quatern, qoffset and srow: only pixdim is theirs.
void requirePlausibleGeometry(const Header& h, const fs::path& file) {
    const auto check = [&](const char* field, double value, double limit) {
        if (std::isfinite(value) && std::abs(value) <= limit) return;
        char shown[32];
        std::snprintf(shown, sizeof shown, "%g", value);
        throw Error(std::string("the header's ") + field + " holds " + shown + ", which no image's geometry has",
                    file.string(), "The header is damaged: copy the file again, or repair its geometry with a NIfTI tool.");
    };
    check("pixdim[0]", h.pixdim[0], 1e30);  // qfac: only its sign counts
    for (int i = 1; i <= 3; ++i) check("pixdim", h.pixdim[i], 1e6);
    if (!looksLikeNifti(h.magic)) return;
    for (int i = 0; i < 3; ++i) {
        check("quatern", h.quatern[i], 1.0 + 1e-3);
        check("qoffset", h.qoffset[i], 1e7);
        for (int c = 0; c < 4; ++c) check("srow", h.srow[i][c], 1e7);
    }
}

std::optional<Header> readHeader(const fs::path& file) {
    GzFile f = open(file, 1 << 13);
    unsigned char raw[kNifti2HeaderSize];
    std::int32_t sizeofHdr = 0;
    Header h;
    if (!f || !readExactly(f.get(), raw, sizeof(std::int32_t))) return std::nullopt;
    std::memcpy(&sizeofHdr, raw, sizeof sizeofHdr);
    if (!identify(sizeofHdr, h)) {
        // A damaged sizeof_hdr with a NIfTI magic still reaches ITK, which goes by the
        // magic: read it as NIfTI-1 here too, so that its geometry is checked.
        if (!readExactly(f.get(), raw + 4, kNifti1HeaderSize - 4) || !looksLikeNifti(reinterpret_cast<const char*>(raw + 344)))
            return std::nullopt;
        std::int16_t rank = 0;
        std::memcpy(&rank, raw + 40, sizeof rank);
        h.version = 1;
        h.size = kNifti1HeaderSize;
        h.swap = rank < 1 || rank > 7;
    } else if (!readExactly(f.get(), raw + 4, std::size_t(h.size) - 4)) {
        return std::nullopt;
    }
    if (h.version == 1) {
        parseNifti1(raw, h);
    } else {
        parseNifti2(raw, h);
    }
    requirePlausibleGeometry(h, file);
    return h;
}

// Bytes of stored voxel data the header declares (saturating: UINT64_MAX past 2^64).
std::uint64_t declaredBytes(const Volume& v, const DataType& type) {
    std::uint64_t bytes = static_cast<std::uint64_t>(type.bytes) * type.components;
    for (const auto d : v.dims)
        if (__builtin_mul_overflow(bytes, d, &bytes)) return UINT64_MAX;
    return bytes;
}

// NIfTI-1 files this reader takes over from ITK: single files of 2 to 4 dimensions with a
// data type it knows. Everything else keeps ITK's behaviour and messages.
bool nativeNifti1(const Header& h) {
    if (!h.singleFile || h.dim[0] < 2 || h.dim[0] > 7 || dataType(h.datatype).bytes == 0) return false;
    for (std::int64_t d = 1; d <= h.dim[0]; ++d) {
        if (h.dim[d] < 1 || (d > 4 && h.dim[d] > 1)) return false;
    }
    return true;
}

}  // namespace

std::optional<Volume> NativeNiftiReader::read(const fs::path& file) {
    const std::string name = file.string();
    const auto header = readHeader(file);
    if (!header || (header->version == 1 && !nativeNifti1(*header))) return std::nullopt;
    const Header& h = *header;
    if (h.version == 2 && !h.singleFile && std::memcmp(h.magic, "ni2\0", 4) != 0) {
        throw Error("the NIfTI-2 magic is neither 'n+2' nor 'ni2'", name, "The header is damaged.");
    }
    const DataType type = dataType(h.datatype);
    if (type.bytes == 0) {
        throw Error("unsupported NIfTI data type " + std::to_string(h.datatype) +
                        " (complex or otherwise not an image)",
                    name, "Convert the data to an integer, float or RGB type.");
    }
    const std::int64_t rank = h.dim[0];
    if (rank < 2 || rank > 7) {
        throw Error("invalid number of dimensions " + std::to_string(rank), name, "The header is damaged.");
    }
    for (std::int64_t d = 1; d <= rank; ++d) {
        if (h.dim[d] < 1 || h.dim[d] > (std::int64_t(1) << 31)) {
            throw Error("invalid size " + std::to_string(h.dim[d]) + " of dimension " + std::to_string(d), name,
                        "The header is damaged.");
        }
        if (d > 4 && h.dim[d] > 1) {
            throw Error("a NIfTI image with " + std::to_string(rank) +
                            " dimensions is not supported (up to 4 are; CIFTI matrices are not volumes)",
                        name, "Extract the 3D or 4D part with a NIfTI tool first.");
        }
    }

    Volume v;
    for (int d = 0; d < 4; ++d) v.dims[d] = d + 1 <= rank ? static_cast<std::size_t>(h.dim[d + 1]) : 1;
    v.components = type.components == 1 ? 1 : 3;
    geometry(v, h);

    // Data: after vox_offset in a single file, at vox_offset of the .img partner.
    const std::int64_t start = h.singleFile ? std::max<std::int64_t>(h.voxOffset, h.size) : h.voxOffset;
    if (start < 0) throw Error("invalid vox_offset", name, "The header is damaged.");
    requireRoomForVoxels(h.singleFile ? file : imageFileOf(file), static_cast<std::uint64_t>(start), declaredBytes(v, type),
                         std::to_string(v.dims[0]) + "x" + std::to_string(v.dims[1]) + "x" + std::to_string(v.dims[2]) +
                             "x" + std::to_string(v.dims[3]),
                         name);
    // In place needs one float of room per stored value: types up to 4 bytes, alpha-free.
    const bool inPlace = h.singleFile && type.bytes <= sizeof(float) && type.components != 4;
    if (!inPlace || !readInPlace(file, h, type, static_cast<std::size_t>(start), v)) {
        readStreaming(file, h, type, start, v);
    }
    v.photometric = v.isColour() ? "RGB" : "MONOCHROME2";
    v.source = name;
    return v;
}

}  // namespace vitask::imaging::detail
