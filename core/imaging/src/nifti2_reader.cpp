#include "nifti2_reader.h"

#include "vitask/common/error.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

namespace vitask::imaging::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::int32_t kHeaderSize = 540;

struct GzCloser {
    void operator()(gzFile_s* f) const { gzclose(f); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

GzFile open(const fs::path& file) {
    GzFile f(gzopen(file.c_str(), "rb"));
    if (f) gzbuffer(f.get(), 1 << 20);
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

void swapBytes(void* data, std::size_t size) {
    auto* b = static_cast<unsigned char*>(data);
    std::reverse(b, b + size);
}

// The fields of the 540-byte header that matter here, at their offsets.
struct Header {
    std::int16_t datatype = 0;
    std::int64_t dim[8] = {};
    double pixdim[8] = {};
    std::int64_t voxOffset = 0;
    double sclSlope = 0, sclInter = 0;
    std::int32_t qformCode = 0, sformCode = 0;
    double quatern[3] = {}, qoffset[3] = {};
    double srow[3][4] = {};
    char magic[8] = {};
};

template <typename T>
T field(const unsigned char* raw, std::size_t offset, bool swap) {
    T value;
    std::memcpy(&value, raw + offset, sizeof(T));
    if (swap) swapBytes(&value, sizeof(T));
    return value;
}

Header parse(const unsigned char* raw, bool swap) {
    Header h;
    std::memcpy(h.magic, raw + 4, 8);
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
    return h;
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

}  // namespace

bool Nifti2Reader::isNifti2(const fs::path& file) {
    GzFile f = open(file);
    std::int32_t size = 0;
    if (!f || !readExactly(f.get(), &size, sizeof size)) return false;
    std::int32_t swapped = size;
    swapBytes(&swapped, sizeof swapped);
    return size == kHeaderSize || swapped == kHeaderSize;
}

Volume Nifti2Reader::read(const fs::path& file) {
    const std::string name = file.string();
    GzFile f = open(file);
    unsigned char raw[kHeaderSize];
    if (!f || !readExactly(f.get(), raw, sizeof raw)) {
        throw Error("cannot read a 540-byte NIfTI-2 header", name, "The file may be truncated; copy it again.");
    }
    std::int32_t size = field<std::int32_t>(raw, 0, false);
    const bool swap = size != kHeaderSize;
    if (swap && field<std::int32_t>(raw, 0, true) != kHeaderSize) {
        throw Error("not a NIfTI-2 header (sizeof_hdr is not 540)", name, "Check the file type.");
    }
    const Header h = parse(raw, swap);
    const bool single = std::memcmp(h.magic, "n+2\0", 4) == 0;
    if (!single && std::memcmp(h.magic, "ni2\0", 4) != 0) {
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

    // Data: after vox_offset in a .nii, at the start (or vox_offset) of the .img partner.
    GzFile dataFile;
    gzFile in = f.get();
    std::int64_t position = kHeaderSize;
    if (!single) {
        const fs::path image = imageFileOf(file);
        dataFile = open(image);
        if (image == file || !dataFile) {
            throw Error("the .img file holding the voxels is missing", name,
                        "Keep the .hdr and .img files together, with the same name.");
        }
        in = dataFile.get();
        position = 0;
    }
    const std::int64_t start = single ? std::max<std::int64_t>(h.voxOffset, kHeaderSize) : h.voxOffset;
    if (start < position) throw Error("invalid vox_offset", name, "The header is damaged.");
    std::vector<unsigned char> buffer(1 << 22);
    for (std::int64_t skip = start - position; skip > 0;) {
        const std::size_t n = static_cast<std::size_t>(std::min<std::int64_t>(skip, std::int64_t(buffer.size())));
        if (!readExactly(in, buffer.data(), n)) {
            throw Error("the file ends before its voxel data", name, "The file is truncated; copy it again.");
        }
        skip -= static_cast<std::int64_t>(n);
    }

    // Converted chunk by chunk, so the stored data is never held twice.
    const std::size_t values = v.voxelCount() * type.components;
    std::vector<float> stored(type.components == 4 ? values : 0);  // RGBA: alpha dropped below
    v.voxels.resize(v.voxelCount() * v.components);
    float* target = type.components == 4 ? stored.data() : v.voxels.data();
    const std::size_t perChunk = buffer.size() / type.bytes;
    for (std::size_t done = 0; done < values;) {
        const std::size_t n = std::min(perChunk, values - done);
        if (!readExactly(in, buffer.data(), n * type.bytes)) {
            throw Error("the voxel data is truncated (fewer than the " + std::to_string(values) +
                            " values the header declares)",
                        name, "Copy the file again from its source; it was cut short.");
        }
        convert(type.components > 1 ? std::int16_t(2) : h.datatype, buffer.data(), n, swap, target + done);
        done += n;
    }
    if (type.components == 4) {
        for (std::size_t i = 0; i < v.voxelCount(); ++i) std::copy_n(&stored[i * 4], 3, &v.voxels[i * 3]);
    }
    // scl_slope 0 (or not finite) means "no scaling", as in nibabel and nifticlib.
    if (type.components == 1 && std::isfinite(h.sclSlope) && h.sclSlope != 0.0 &&
        std::isfinite(h.sclInter) && (h.sclSlope != 1.0 || h.sclInter != 0.0)) {
        for (float& value : v.voxels) value = static_cast<float>(value * h.sclSlope + h.sclInter);
    }
    v.photometric = v.isColour() ? "RGB" : "MONOCHROME2";
    v.source = name;
    return v;
}

}  // namespace vitask::imaging::detail
