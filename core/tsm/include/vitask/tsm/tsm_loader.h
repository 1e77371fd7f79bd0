#pragma once
// Opens a TSM from its manifest: the one place that knows which backends this build has.
// Compiled plug-ins will arrive as a second kind of source next to manifests.

#include "vitask/tsm/tsm.h"
#include "vitask/tsm/tsm_info.h"

#include <filesystem>
#include <memory>

namespace vitask::tsm {

// Whether this build runs ONNX TSMs (OpenCV DNN; off in VITASK_IMAGING=OFF builds).
bool onnxBackendAvailable();

// Loads the TSM described by a `*.tsm.json` manifest and checks it against the model
// with a probe batch. Throws vitask::Error naming the file and field at fault.
std::unique_ptr<Tsm> openTsm(const std::filesystem::path& manifest);

// Like openTsm(), but returns the metadata and never throws: a TSM that cannot load
// comes back Broken with the error message (and the manifest's name, where readable).
TsmInfo inspectTsm(const std::filesystem::path& manifest);

}  // namespace vitask::tsm
