#pragma once
// The details pane of the Plug-ins page: everything known about one TSM as rich text the
// user can select and copy, a broken TSM's error in full and in red.

#include "vitask/service/ask.h"

#include <QCoreApplication>
#include <QString>

namespace vitask::ui {

class TsmDetails {
    Q_DECLARE_TR_FUNCTIONS(TsmDetails)
public:
    static QString html(const service::TsmEntry& tsm);
};

}  // namespace vitask::ui
