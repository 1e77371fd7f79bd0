#pragma once
// NpzWriter: writes NumPy .npz archives (a zip of .npy members, as np.savez and
// np.savez_compressed write them) that NumPy and our NpzReader both read. The archive is
// built in memory and written with vitask::AtomicFile, so a crash never leaves half a
// dataset behind. Members carry a fixed timestamp (1980-01-01, as NumPy's own zipfile
// writer does), so the same arrays always give the same bytes.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vitask::recipe {

class NpzWriter {
public:
    // Adds an array under `key` (np.load's name; the member is "<key>.npy"), in C order.
    // Throws vitask::Error when the value count does not match the shape or the key repeats.
    void addUint8(const std::string& key, const std::vector<int64_t>& shape, std::vector<uint8_t> values);
    void addInt64(const std::string& key, const std::vector<int64_t>& shape, const std::vector<int64_t>& values);

    // Deflated (np.savez_compressed) by default; stored (np.savez) with compress = false.
    // Throws vitask::Error naming the file when it cannot be written.
    void write(const std::filesystem::path& file, bool compress = true) const;

private:
    void add(const std::string& key, const std::string& descr, int itemSize, const std::vector<int64_t>& shape,
             const uint8_t* data, size_t byteCount);

    struct Member {
        std::string name;            // "train_images.npy"
        std::vector<uint8_t> bytes;  // the complete .npy file
    };
    std::vector<Member> members_;
};

}  // namespace vitask::recipe
