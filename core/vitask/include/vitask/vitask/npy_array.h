#pragma once
// NpyArray: one array of a NumPy .npy file (the members of an .npz archive), parsed
// without NumPy. Only what MedMNIST and our own writers need: little-endian numeric
// dtypes, C order. Anything else is rejected with a vitask::Error naming the array.

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::recipe {

class NpyArray {
public:
    // Parses the .npy header at the start of `bytes` (format versions 1, 2 and 3).
    // `subject` names the array in messages ("bloodmnist.npz: train_labels").
    // With headerOnly, `bytes` may hold just the beginning of the file: the data is not
    // kept and its length not checked (to learn a shape without reading gigabytes).
    static NpyArray parse(const std::vector<uint8_t>& bytes, const std::string& subject, bool headerOnly = false);

    // The NumPy type string as written in the file ("|u1", "<i8", "<f4").
    const std::string& descr() const { return descr_; }
    char kind() const { return kind_; }            // 'u', 'i', 'f', 'b'
    int itemSize() const { return itemSize_; }     // bytes per element
    const std::vector<int64_t>& shape() const { return shape_; }
    int64_t elementCount() const;
    bool hasData() const { return !data_.empty() || elementCount() == 0; }
    const std::vector<uint8_t>& data() const { return data_; }  // raw little-endian elements
    std::vector<uint8_t> takeData() { return std::move(data_); }

    bool isInteger() const { return kind_ == 'u' || kind_ == 'i' || kind_ == 'b'; }
    // Every element widened to int64 (integer and bool dtypes only; throws otherwise).
    std::vector<int64_t> toInt64(const std::string& subject) const;
    // "uint8", "float32", ...: the dtype as a user knows it from NumPy.
    std::string dtypeName() const;
    std::string shapeText() const;  // "(60, 28, 28, 3)"

    // How many bytes of a .npy file are enough to hold any header this parser accepts.
    static constexpr size_t kMaxHeaderBytes = 65536 + 12;

private:
    std::string descr_;
    char kind_ = 'u';
    int itemSize_ = 1;
    std::vector<int64_t> shape_;
    std::vector<uint8_t> data_;
};

}  // namespace vitask::recipe
