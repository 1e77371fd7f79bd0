#pragma once
// Shared by every fuzz target (tests/fuzz/fuzz_*.cpp). A target turns the fuzzer's bytes
// into the file or text a user could hand the program and calls the parser behind it.
//
// The contract under test: bad input ends in a vitask::Error (the message that names the
// file and what to do, shown by the CLI and the studio). Anything else is a finding: a
// sanitizer report, a crash, a hang, an allocation beyond the fuzzer's limit, or another
// exception type escaping (its message would name no file), which abort() hands to
// libFuzzer as a crash so that the input is kept.

#include "vitask/common/error.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <typeinfo>
#include <unistd.h>
#include <utility>

namespace vitask::fuzz {

// Runs `parse`, accepting vitask::Error as the answer to bad input.
template <class Parse>
int guarded(Parse&& parse) {
    try {
        parse();
    } catch (const vitask::Error&) {
        // The expected refusal.
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz: %s escaped instead of vitask::Error: %s\n", typeid(e).name(), e.what());
        std::abort();
    } catch (...) {
        std::fprintf(stderr, "fuzz: a non-std exception escaped\n");
        std::abort();
    }
    return 0;
}

// A folder of this process's own (fuzzers may run as parallel jobs), in /dev/shm when
// there is one: a file write per input then costs microseconds. Removed at exit.
inline const std::filesystem::path& scratchFolder() {
    static const std::filesystem::path folder = [] {
        std::filesystem::path base = std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm")
                                                                          : std::filesystem::temp_directory_path();
        auto path = base / ("vitask-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(scratchFolder(), ignored);
        });
        return path;
    }();
    return folder;
}

// Writes `bytes` to `name` in the scratch folder and returns its path.
inline std::filesystem::path writeScratch(const std::string& name, std::string_view bytes) {
    auto path = scratchFolder() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

inline std::string_view asText(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Splits one input into two files' worth: the first two bytes (little endian) give the
// first part's length, clamped to what is there. Mutations of those bytes move the cut.
inline std::pair<std::string_view, std::string_view> splitInTwo(const uint8_t* data, size_t size) {
    if (size < 2)
        return {{}, asText(data, size)};
    size_t first = static_cast<size_t>(data[0]) | (static_cast<size_t>(data[1]) << 8);
    auto rest = asText(data + 2, size - 2);
    first = first < rest.size() ? first : rest.size();
    return {rest.substr(0, first), rest.substr(first)};
}

}  // namespace vitask::fuzz
