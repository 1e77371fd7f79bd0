#pragma once
// `vitask chat`: ask a LLaVA checkpoint a question about one image.

#include "command_dispatch.h"

namespace vitask::cli {

void addChatCommand(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
