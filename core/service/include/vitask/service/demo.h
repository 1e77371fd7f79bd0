#pragma once
// The built-in demo (resources/demo, installed as share/vitask/demo): a small VITask
// model, the TSM it was trained with and a few synthetic DICOM studies, described by its
// demo.json (written by scripts/make_demo.py --ship; docs/formats.md). The studio opens
// it on its first start and with --demo; the documentation's examples use its files.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vitask::service {

struct DemoStudy {
    std::filesystem::path folder;  // absolute
    std::string task;              // the model's task for it (e.g. "synth_chest_xray")
    std::string question;          // the paper's instruction for that task
};

struct Demo {
    std::filesystem::path folder;  // the demo's folder (absolute)
    std::filesystem::path model;   // the VITask model folder
    std::filesystem::path tsm;     // the TSM's manifest
    std::vector<DemoStudy> studies;
    std::vector<std::filesystem::path> volumes;  // studies without a task (the CT for the viewer)
    const DemoStudy& firstStudy() const { return studies.front(); }
};

// Reads <folder>/demo.json and checks that what it names exists. Throws vitask::Error
// naming the file or the missing path, with what to do.
Demo readDemo(const std::filesystem::path& folder);

// The first of `candidates` that holds a demo.json; nullopt when none does.
std::optional<std::filesystem::path> findDemoFolder(const std::vector<std::filesystem::path>& candidates);

}  // namespace vitask::service
