#pragma once
// A Qt Test main for suites that also draw the documentation's screenshots. Their
// screenshot functions (private slots named screenshot*) are not tests: a test run (no
// screenshot variable set) runs every other test function and leaves them out, so CTest
// never sees them skip; with the variable set (scripts/make_screenshots.sh) only they run.
// Arguments given on the command line (a function name, -o ...) are passed on unchanged.
//
//   VITASK_QTEST_MAIN_WITH_SCREENSHOTS(TestComparePanel, "VITASK_SCREENSHOT_DIR")

#include <QApplication>
#include <QObject>
#include <QStringList>
#include <QTest>

namespace vitask::ui::test {

// The names of `test`'s test functions to run: its screenshot functions when
// `screenshots` is true, else all the others (setup slots and *_data excluded: Qt Test
// runs those by itself).
QStringList testFunctions(const QObject& test, bool screenshots);

// Runs `test` as described above; returns Qt Test's exit code.
int runTestsOrScreenshots(QObject& test, int argc, char** argv, const char* screenshotVariable);

}  // namespace vitask::ui::test

#define VITASK_QTEST_MAIN_WITH_SCREENSHOTS(TestObject, screenshotVariable)            \
    int main(int argc, char** argv) {                                                 \
        QApplication app(argc, argv);                                                 \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                      \
        TestObject test;                                                              \
        QTEST_SET_MAIN_SOURCE_PATH                                                    \
        return vitask::ui::test::runTestsOrScreenshots(test, argc, argv, screenshotVariable); \
    }
