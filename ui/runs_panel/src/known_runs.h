#pragma once
// The runs the Runs page lists, kept in studio.ini (runs/folders): the runs started from
// the studio and the run folders added by hand (copied back from a GPU server, say).

#include <QStringList>

namespace vitask::ui {

QStringList loadKnownRuns();
void saveKnownRuns(const QStringList& folders);

}  // namespace vitask::ui
