#pragma once
// NpzReader: reads the arrays of a NumPy .npz file, which is a zip archive of .npy
// members, stored (np.savez) or deflated (np.savez_compressed). libzip does the zip part
// and stays private to this module.

#include "vitask/vitask/npy_array.h"

#include <memory>
#include <string>
#include <vector>

struct zip;  // libzip's archive handle (zip_t)

namespace vitask::recipe {

class NpzReader {
public:
    // Opens the archive; throws vitask::Error naming the file when it is missing or not a zip.
    explicit NpzReader(const std::string& path);
    ~NpzReader();
    NpzReader(NpzReader&&) noexcept;
    NpzReader& operator=(NpzReader&&) noexcept;

    const std::string& path() const { return path_; }
    // Array names, as np.load gives them: member names without ".npy".
    std::vector<std::string> keys() const;
    bool contains(const std::string& key) const;

    // The whole array. Throws vitask::Error naming archive and key for a missing key or
    // an array this reader does not support.
    NpyArray read(const std::string& key) const;
    // Dtype and shape only: decompresses just the first bytes of the member.
    NpyArray readHeader(const std::string& key) const;

private:
    std::vector<uint8_t> readMember(const std::string& key, size_t limit) const;
    std::string subject(const std::string& key) const { return path_ + ": " + key; }

    std::string path_;
    struct ZipCloser {
        void operator()(zip* archive) const;
    };
    std::unique_ptr<zip, ZipCloser> archive_;
};

}  // namespace vitask::recipe
