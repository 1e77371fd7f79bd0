#pragma once
// Opening a file the user named, with the errors a user can act on. std::ifstream alone
// opens a folder on Linux, and reading it then throws std::ios_base::failure, whose
// message names no file; so every reader of user files opens them here.

#include <filesystem>
#include <fstream>
#include <string>

namespace vitask {

// The open stream, or vitask::Error naming `path` when it is missing, a folder, or cannot
// be read (the system's reason). `what` says what the file is ("the model config").
std::ifstream openInputFile(const std::filesystem::path& path, const std::string& what,
                            std::ios::openmode mode = std::ios::in);

}  // namespace vitask
