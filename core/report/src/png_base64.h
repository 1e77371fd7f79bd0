#pragma once
// Base64 (RFC 4648, with padding): how a key image's PNG travels inside JSON and in an
// HTML data: URI.

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::report {

std::string base64(const std::vector<uint8_t>& bytes);

}  // namespace vitask::report
