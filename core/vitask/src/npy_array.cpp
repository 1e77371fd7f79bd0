#include "vitask/vitask/npy_array.h"

#include "vitask/common/error.h"

#include <cstring>

namespace vitask::recipe {
namespace {

const char kRemedy[] = "Write the array with numpy.save/numpy.savez from a plain numeric array "
                       "(np.ascontiguousarray(x).astype(np.uint8) for images).";

// The value that follows 'key': in the header dict, starting after the colon.
size_t valueStart(const std::string& header, const std::string& key, const std::string& subject) {
    for (const char quote : {'\'', '"'}) {
        const std::string quoted = std::string(1, quote) + key + quote;
        const auto at = header.find(quoted);
        if (at == std::string::npos) continue;
        const auto colon = header.find(':', at + quoted.size());
        if (colon == std::string::npos) break;
        auto start = colon + 1;
        while (start < header.size() && header[start] == ' ') ++start;
        return start;
    }
    throw Error("the .npy header has no '" + key + "' entry", subject, kRemedy);
}

template <typename T>
void widen(const std::vector<uint8_t>& data, std::vector<int64_t>& out) {
    const size_t n = data.size() / sizeof(T);
    out.resize(n);
    for (size_t i = 0; i < n; ++i) {
        T value;
        std::memcpy(&value, data.data() + i * sizeof(T), sizeof(T));  // unaligned-safe
        out[i] = static_cast<int64_t>(value);
    }
}

}  // namespace

int64_t NpyArray::elementCount() const {
    int64_t n = 1;
    for (const auto d : shape_) n *= d;
    return n;
}

NpyArray NpyArray::parse(const std::vector<uint8_t>& bytes, const std::string& subject, bool headerOnly) {
    static const uint8_t kMagic[] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
    if (bytes.size() < 10 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        throw Error("not a NumPy .npy array (the magic string \\x93NUMPY is missing)", subject, kRemedy);
    const int major = bytes[6];
    size_t headerLength = 0;
    size_t headerStart = 0;
    if (major == 1) {
        headerLength = bytes[8] | (bytes[9] << 8);
        headerStart = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12) throw Error("the .npy header is truncated", subject, kRemedy);
        headerLength = bytes[8] | (bytes[9] << 8) | (bytes[10] << 16) | (static_cast<size_t>(bytes[11]) << 24);
        headerStart = 12;
    } else {
        throw Error(".npy format version " + std::to_string(major) + " is not supported (1, 2 and 3 are)", subject,
                    kRemedy);
    }
    if (bytes.size() < headerStart + headerLength) throw Error("the .npy header is truncated", subject, kRemedy);
    const std::string header(reinterpret_cast<const char*>(bytes.data() + headerStart), headerLength);

    NpyArray array;
    // descr: a quoted type string; a structured dtype is a list and is not supported.
    auto at = valueStart(header, "descr", subject);
    if (at >= header.size() || (header[at] != '\'' && header[at] != '"'))
        throw Error("structured dtypes are not supported (descr " + header.substr(at, 40) + ")", subject, kRemedy);
    const auto close = header.find(header[at], at + 1);
    if (close == std::string::npos) throw Error("the .npy header's descr is malformed", subject, kRemedy);
    array.descr_ = header.substr(at + 1, close - at - 1);
    const std::string& d = array.descr_;
    if (d.size() < 3 || std::string("<>|=").find(d[0]) == std::string::npos ||
        std::string("uifb").find(d[1]) == std::string::npos)
        throw Error("dtype '" + d + "' is not supported (plain numeric dtypes are: uint8, int64, float32, ...)",
                    subject, kRemedy);
    array.kind_ = d[1];
    array.itemSize_ = std::atoi(d.c_str() + 2);
    if (array.itemSize_ != 1 && array.itemSize_ != 2 && array.itemSize_ != 4 && array.itemSize_ != 8)
        throw Error("dtype '" + d + "' is not supported", subject, kRemedy);
    if (d[0] == '>' && array.itemSize_ > 1)
        throw Error("big-endian dtype '" + d + "' is not supported", subject,
                    "Convert it with x.astype(x.dtype.newbyteorder('<')) and save again.");

    at = valueStart(header, "fortran_order", subject);
    if (header.compare(at, 4, "True") == 0)
        throw Error("arrays in Fortran order are not supported", subject,
                    "Save np.ascontiguousarray(x) instead, which is in C order.");

    at = valueStart(header, "shape", subject);
    if (at >= header.size() || header[at] != '(') throw Error("the .npy header's shape is malformed", subject, kRemedy);
    const auto end = header.find(')', at);
    if (end == std::string::npos) throw Error("the .npy header's shape is malformed", subject, kRemedy);
    for (size_t p = at + 1; p < end;) {
        while (p < end && (header[p] == ' ' || header[p] == ',')) ++p;
        if (p >= end) break;
        char* after = nullptr;
        const long long value = std::strtoll(header.c_str() + p, &after, 10);
        if (after == header.c_str() + p || value < 0)
            throw Error("the .npy header's shape is malformed", subject, kRemedy);
        array.shape_.push_back(value);
        p = static_cast<size_t>(after - header.c_str());
        if (header[p] == 'L') ++p;  // Python 2 long literals in old files
    }
    // Every later size computation multiplies the shape out: it must fit, in bytes.
    int64_t byteCount = array.itemSize_;
    for (const auto dimension : array.shape_)
        if (__builtin_mul_overflow(byteCount, dimension, &byteCount))
            throw Error("the .npy header's shape " + array.shapeText() + " needs more bytes than any file holds",
                        subject, kRemedy);

    if (headerOnly) return array;
    const size_t dataStart = headerStart + headerLength;
    const size_t expected = static_cast<size_t>(array.elementCount()) * static_cast<size_t>(array.itemSize_);
    if (bytes.size() - dataStart != expected)
        throw Error("holds " + std::to_string(bytes.size() - dataStart) + " data bytes, but shape " +
                        array.shapeText() + " of " + array.dtypeName() + " needs " + std::to_string(expected),
                    subject, "The file is truncated or corrupt: download or write it again.");
    array.data_.assign(bytes.begin() + static_cast<std::ptrdiff_t>(dataStart), bytes.end());
    return array;
}

std::vector<int64_t> NpyArray::toInt64(const std::string& subject) const {
    if (!isInteger())
        throw Error("has dtype " + dtypeName() + " ('" + descr_ + "'), but integers are expected", subject,
                    "Store labels as integers, e.g. labels.astype(np.uint8).");
    std::vector<int64_t> out;
    const bool isSigned = kind_ == 'i';
    switch (itemSize_) {
        case 1: isSigned ? widen<int8_t>(data_, out) : widen<uint8_t>(data_, out); break;
        case 2: isSigned ? widen<int16_t>(data_, out) : widen<uint16_t>(data_, out); break;
        case 4: isSigned ? widen<int32_t>(data_, out) : widen<uint32_t>(data_, out); break;
        default: isSigned ? widen<int64_t>(data_, out) : widen<uint64_t>(data_, out); break;
    }
    return out;
}

std::string NpyArray::dtypeName() const {
    const std::string bits = std::to_string(itemSize_ * 8);
    switch (kind_) {
        case 'u': return "uint" + bits;
        case 'i': return "int" + bits;
        case 'f': return "float" + bits;
        default: return "bool";
    }
}

std::string NpyArray::shapeText() const {
    std::string text = "(";
    for (size_t i = 0; i < shape_.size(); ++i) text += (i ? ", " : "") + std::to_string(shape_[i]);
    return text + (shape_.size() == 1 ? ",)" : ")");
}

}  // namespace vitask::recipe
