#pragma once
// Where the tuning wizard looks for things and puts them, so every page agrees.

#include <QString>

namespace vitask::ui {

// The `vitask` program the wizard runs (`vitask data synth`): $VITASK_CLI, else the one
// beside this application, else `vitask` on the PATH.
QString defaultVitaskProgram();
// The scratch model's tokenizer (resources/tokenizers/vitask-scratch) of the source tree
// this build came from ($VITASK_SOURCE_DIR, or above the program's folder); empty when
// there is none (an installed studio: the user chooses the folder).
QString defaultScratchTokenizer();
// Where runs go (studio.ini folders/runs; default: userDataDir()/runs).
QString runsFolder();
void setRunsFolder(const QString& folder);
// Where a TSM trained by the wizard goes: the registry's user folder, so it is listed next time.
QString userTsmFolder();
// Where generated synthetic datasets go.
QString defaultSynthFolder();

}  // namespace vitask::ui
