#pragma once
// `vitask report`: the report of a model's answer for one image, without the GUI — the
// same PDF, HTML, JSON or DICOM SR (+ Secondary Capture) the studio exports, chosen by
// the output's extension, de-identified unless --no-deidentify.

#include "command_dispatch.h"

namespace vitask::cli {

void addReportCommand(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
