#pragma once
// Every `vitask` command: the module (shared library) that implements it and what it
// does. main() loads only the module of the command named, so commands that need no
// model (`--version`, `data`, `image`, `pacs`) start without LibTorch; `vitask --help` lists the
// rest from here without loading anything. Modules register their commands with these
// descriptions, so there is one text per command.

#include <string>
#include <string_view>

namespace vitask::cli {

struct CommandEntry {
    std::string_view name;
    std::string_view module;  // lib/vitask/cli/libvitask_cli_<module>.so
    std::string_view description;
};

inline constexpr CommandEntry kCommands[] = {
    {"chat", "engine", "Ask a LLaVA checkpoint a question about an image"},
    {"data", "data", "Inspect and generate datasets"},
    {"train", "engine", "Run the VITask stages of a run configuration (YAML)"},
    {"eval", "engine", "Evaluate a trained VITask model on a dataset split"},
    {"infer", "engine", "Ask a VITask model (or a LLaVA checkpoint) about one image"},
    {"report", "engine",
     "Write the report of a model's answer for one image: PDF, HTML, JSON or DICOM SR (by --out's extension)"},
    {"tsm", "engine", "Task-specific models (TSMs): list, predict, train, evaluate, probe a plug-in"},
    {"doctor", "engine", "Load LibTorch and report what it runs on: CUDA devices, CPU threads, the BLAS library"},
#ifdef VITASK_WITH_IMAGING
    {"image", "image", "Inspect DICOM and NIfTI images"},
    {"pacs", "pacs", "A DICOM archive (PACS) over DIMSE or DICOMweb: echo, find, get, send"},
#endif
};

inline const CommandEntry* findCommand(std::string_view name) {
    for (const auto& entry : kCommands)
        if (entry.name == name) return &entry;
    return nullptr;
}

// Its description, for the module's add_subcommand.
inline std::string describe(std::string_view name) {
    const auto* entry = findCommand(name);
    return entry ? std::string(entry->description) : std::string();
}

}  // namespace vitask::cli
