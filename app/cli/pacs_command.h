#pragma once
// `vitask pacs echo|find|get|send`: a DICOM archive over DIMSE (C-ECHO, C-FIND, C-GET,
// C-STORE) for servers and scripts; the studio's PACS tab uses the same vitask::pacs.

#include "command_dispatch.h"

namespace vitask::cli {

void addPacsCommands(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
