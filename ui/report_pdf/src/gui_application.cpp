#include "vitask/ui/report_pdf/pdf_report.h"

#include "vitask/common/error.h"

#include <QGuiApplication>

namespace vitask::ui {

void ensureGuiApplication() {
    QCoreApplication* app = QCoreApplication::instance();
    if (qobject_cast<QGuiApplication*>(app)) return;
    if (app)
        throw Error("printing a PDF needs a QGuiApplication, but this program runs a QCoreApplication", "PDF report",
                    "Create a QGuiApplication instead (the \"offscreen\" platform needs no display).");
    // Qt keeps references to argc and argv for the application's lifetime, so they are
    // static. "-platform offscreen" wins over QT_QPA_PLATFORM: printing must not depend on
    // a display being there.
    static int argc = 3;
    static char name[] = "vitask", option[] = "-platform", platform[] = "offscreen";
    static char* argv[] = {name, option, platform, nullptr};
    // Never deleted: destroying a QGuiApplication during static destruction, after
    // other Qt globals are gone, crashes; the process's exit frees it.
    new QGuiApplication(argc, argv);
}

}  // namespace vitask::ui
