// Logging writes to a rotating file in the user's data folder, never throws when that
// folder is unusable, and rejects unknown levels with a message naming the choices.
#include "vitask/common/error.h"
#include "vitask/common/logging.h"
#include "vitask/common/user_paths.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

namespace {
std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}
}  // namespace

class TestLogging : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesToUserDataDirByDefault() {
        QTemporaryDir dir;
        qputenv("VITASK_DATA_DIR", dir.path().toUtf8());
        QCOMPARE(vitask::userDataDir(), std::filesystem::path(dir.path().toStdString()));

        vitask::LogOptions options;
        options.programName = "logtest";
        options.toConsole = false;
        const auto file = vitask::initLogging(options);
        QCOMPARE(file, vitask::userDataDir() / "logs" / "logtest.log");
        spdlog::info("model loaded in {} ms", 42);
        spdlog::debug("below the level: not written");
        spdlog::default_logger()->flush();
        const std::string text = readFile(file);
        QVERIFY(text.find("model loaded in 42 ms") != std::string::npos);
        QVERIFY(text.find("below the level") == std::string::npos);
        qunsetenv("VITASK_DATA_DIR");
    }

    void rotatesBySize() {
        QTemporaryDir dir;
        vitask::LogOptions options;
        options.programName = "rotate";
        options.toConsole = false;
        options.directory = dir.path().toStdString();
        options.maxFileBytes = 4096;
        options.maxFiles = 2;
        const auto file = vitask::initLogging(options);
        for (int i = 0; i < 400; ++i) spdlog::info("line {} of a long rotating log", i);
        spdlog::default_logger()->flush();
        QVERIFY(std::filesystem::exists(dir.path().toStdString() + "/rotate.1.log"));
        QVERIFY(std::filesystem::exists(dir.path().toStdString() + "/rotate.2.log"));
        QVERIFY(!std::filesystem::exists(dir.path().toStdString() + "/rotate.3.log"));
        QVERIFY(std::filesystem::file_size(file) <= 4096);
    }

    void unusableFolderFallsBackToConsole() {
        QTemporaryDir dir;
        const auto blocker = std::filesystem::path(dir.path().toStdString()) / "not-a-dir";
        std::ofstream(blocker) << "a file where the log folder should be";
        vitask::LogOptions options;
        options.toConsole = false;
        options.directory = blocker / "logs";
        QVERIFY(vitask::initLogging(options).empty());
        spdlog::info("still works");  // must not throw or crash
    }

    void parsesLevels() {
        QCOMPARE(vitask::parseLogLevel("debug"), spdlog::level::debug);
        QCOMPARE(vitask::parseLogLevel("warn"), spdlog::level::warn);
        QCOMPARE(vitask::parseLogLevel("off"), spdlog::level::off);
        try {
            vitask::parseLogLevel("verbose");
            QFAIL("accepted an unknown level");
        } catch (const vitask::Error& e) {
            QVERIFY(std::string(e.what()).find("'verbose'") != std::string::npos);
            QVERIFY(e.remedy().find("trace, debug, info") != std::string::npos);
        }
    }
};

QTEST_APPLESS_MAIN(TestLogging)
#include "test_logging.moc"
