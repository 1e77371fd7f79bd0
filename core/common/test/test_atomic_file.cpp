// Atomic writes: the target is replaced whole or not at all.
#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

namespace {
std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
size_t entries(const std::filesystem::path& folder) {
    return static_cast<size_t>(std::distance(std::filesystem::directory_iterator(folder), {}));
}
}  // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesAndReplaces() {
        QTemporaryDir dir;
        const auto path = std::filesystem::path(dir.path().toStdString()) / "config.yaml";
        vitask::writeTextFileAtomically(path, "a: 1\n");
        QCOMPARE(read(path), std::string("a: 1\n"));
        vitask::writeTextFileAtomically(path, "a: 2\n");
        QCOMPARE(read(path), std::string("a: 2\n"));
        QCOMPARE(entries(path.parent_path()), size_t(1));  // no temporary left behind
    }

    void failedWriteKeepsOldFile() {
        QTemporaryDir dir;
        const auto path = std::filesystem::path(dir.path().toStdString()) / "metrics.json";
        vitask::writeTextFileAtomically(path, "old");
        {
            vitask::AtomicFile file(path);
            file.write("half of the new conte");
            // destroyed without commit(), as when an exception unwinds the writer
        }
        QCOMPARE(read(path), std::string("old"));
        QCOMPARE(entries(path.parent_path()), size_t(1));
    }

    void missingFolderIsNamed() {
        QTemporaryDir dir;
        try {
            vitask::writeTextFileAtomically(std::filesystem::path(dir.path().toStdString()) / "missing" / "inside.txt", "y");
            QFAIL("wrote into a missing folder");
        } catch (const vitask::Error& e) {
            QVERIFY2(e.subject().find("missing") != std::string::npos, e.what());
            QVERIFY2(e.problem().find("does not exist") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
