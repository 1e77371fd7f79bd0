#pragma once
// The `vitask` command-line program the studio runs for training and evaluation.

#include <QString>

namespace vitask::ui {

// $VITASK_CLI when set (tests, a development build), else `vitask` beside the studio.
QString vitaskCliPath();

}  // namespace vitask::ui
