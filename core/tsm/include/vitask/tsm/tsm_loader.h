#pragma once
// Opens a TSM from its source: the one place that knows which backends this build has.
// A source is either a `*.tsm.json` manifest (ONNX, or a built-in LibTorch checkpoint when
// its "kind" is "builtin") or a compiled plug-in library (`*.so`, plugin_api.h), told
// apart by the file name.

#include "vitask/tsm/tsm.h"
#include "vitask/tsm/tsm_info.h"

#include <filesystem>
#include <memory>

namespace vitask::tsm {

// Whether this build runs ONNX TSMs (OpenCV DNN; off in VITASK_IMAGING=OFF builds).
bool onnxBackendAvailable();

// Whether `path` names a compiled plug-in (ends in ".so") rather than a manifest.
bool isPluginLibrary(const std::filesystem::path& path);

// Loads the TSM described by a `*.tsm.json` manifest, or the TSM a plug-in library
// creates, and checks it with a probe batch. Throws vitask::Error naming the file (and
// the field) at fault.
std::unique_ptr<Tsm> openTsm(const std::filesystem::path& source);

// Like openTsm(), but returns the metadata and never throws: a TSM that cannot load
// comes back Broken with the error message (and the manifest's name where readable, a
// plug-in's file name otherwise).
TsmInfo inspectTsm(const std::filesystem::path& source);

}  // namespace vitask::tsm
