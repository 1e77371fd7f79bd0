#pragma once
// SHA-256 (FIPS 180-4), to name a model's or a TSM's weights by their content: a
// review records which weights gave an answer, and `sha256sum` on the files gives the
// same digest, so anyone can check it without VITask.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace vitask {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    // The digest of everything given so far, as 64 lower-case hex digits (as sha256sum
    // prints it). Ends the hash: update() must not be called afterwards.
    std::string hexDigest();

private:
    void compress(const std::uint8_t* blocks, std::size_t count);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> pending_{};  // the bytes of an incomplete block
    std::size_t pendingSize_ = 0;
    std::uint64_t length_ = 0;                // bytes given so far
};

// The SHA-256 of `text` in hex.
std::string sha256Hex(std::string_view text);

// The SHA-256 of a file's bytes in hex, equal to `sha256sum FILE`. Read in large
// blocks straight from the file. Throws vitask::Error naming the file when it cannot be
// read.
std::string sha256OfFile(const std::filesystem::path& file);

}  // namespace vitask
