// The shipped demo (resources/demo) as the studio reads it: demo.json's paths exist, its
// studies are the model's tasks, every file is the one SHA256SUMS names (what
// scripts/make_demo.py --ship wrote); and a damaged demo is refused with the file named.
#include "vitask/common/error.h"
#include "vitask/common/json_file.h"
#include "vitask/common/sha256.h"
#include "vitask/service/demo.h"
#include "vitask/test/error_of.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <set>

namespace fs = std::filesystem;
using vitask::service::Demo;

namespace {

fs::path shippedDemo() { return fs::path(qEnvironmentVariable("VITASK_SOURCE_DIR").toStdString()) / "resources" / "demo"; }

void writeText(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

QString errorOf(const fs::path& folder) {
    return vitask::test::errorOf([&] { vitask::service::readDemo(folder); });
}

}  // namespace

class TestDemo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theShippedDemoIsComplete() {
        const auto found = vitask::service::findDemoFolder({"/no/such/folder", shippedDemo()});
        QVERIFY(found);
        const Demo demo = vitask::service::readDemo(*found);
        QCOMPARE(demo.studies.size(), std::size_t{4});
        QCOMPARE(demo.volumes.size(), std::size_t{1});
        // Each study is one of the model's tasks, asked with that task's instruction.
        const auto model = vitask::readJsonFile(demo.model / "vitask.json");
        std::set<std::string> tasks;
        for (const auto& task : model["tasks"]) tasks.insert(task["name"].get<std::string>());
        for (const auto& study : demo.studies) {
            QVERIFY2(tasks.count(study.task) == 1, study.task.c_str());
            QVERIFY(study.question.rfind("Analyze the given ", 0) == 0);
            QVERIFY(std::distance(fs::directory_iterator(study.folder), fs::directory_iterator()) >= 4);
        }
        QVERIFY(fs::exists(demo.tsm));
        QVERIFY(fs::exists(demo.model / "model.safetensors"));
    }

    // Every file is the one make_demo.py wrote, and nothing else is there: the demo the
    // documentation describes, reproducible bit for bit.
    void everyFileMatchesItsChecksum() {
        std::ifstream sums(shippedDemo() / "SHA256SUMS");
        QVERIFY(sums);
        std::set<std::string> listed;
        std::string digest, name;
        while (sums >> digest >> name) {
            QCOMPARE(QString::fromStdString(vitask::sha256OfFile(shippedDemo() / name)), QString::fromStdString(digest));
            listed.insert(name);
        }
        QVERIFY(listed.size() > 30);
        std::uintmax_t bytes = 0;
        for (const auto& entry : fs::recursive_directory_iterator(shippedDemo())) {
            if (!entry.is_regular_file()) continue;
            bytes += entry.file_size();
            const auto relative = fs::relative(entry.path(), shippedDemo()).generic_string();
            if (relative == "SHA256SUMS" || relative == "README.md") continue;
            QVERIFY2(listed.count(relative) == 1, relative.c_str());
        }
        QVERIFY2(bytes < 20u * 1024 * 1024, std::to_string(bytes).c_str());  // the limit
    }

    void aDamagedDemoIsNamed() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        QVERIFY(!vitask::service::findDemoFolder({root}));
        QVERIFY(errorOf(root).contains(QStringLiteral("demo.json")));

        writeText(root / "demo.json", "{\"format_version\": 2}");
        QVERIFY(errorOf(root).contains(QStringLiteral("format_version 2")));

        writeText(root / "demo.json", "{\"format_version\": 1, \"model\": \"model\", \"tsm\": \"tsm.json\"}");
        const QString missing = errorOf(root);
        QVERIFY2(missing.contains(QString::fromStdString((root / "model").string())) && missing.contains(QStringLiteral("make_demo.py")),
                 qPrintable(missing));

        fs::create_directories(root / "model");
        writeText(root / "tsm.json", "{}");
        QVERIFY(errorOf(root).contains(QStringLiteral("lists no studies")));
        writeText(root / "demo.json", "{\"format_version\": 1, \"model\": \"model\", \"tsm\": \"tsm.json\", "
                                      "\"studies\": [{\"folder\": \"gone\", \"task\": \"t\"}]}");
        QVERIFY(errorOf(root).contains(QStringLiteral("gone")));
    }
};

QTEST_MAIN(TestDemo)
#include "test_demo.moc"
