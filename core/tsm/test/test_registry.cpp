// The registry over real folders: the caller's, the user's config folder and
// $VITASK_TSM_PATH; broken TSMs are listed with their errors and never hide the others.
#include "tsm_test_files.h"
#include "vitask/common/error.h"
#include "vitask/tsm/tsm_registry.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace vitask::tsm;
namespace fs = std::filesystem;

class TestRegistry : public QObject {
    Q_OBJECT
private:
    QTemporaryDir root_;
    fs::path extra_, userConfig_, pathA_, pathB_;

    fs::path dir(const char* name) const { return fs::path(root_.path().toStdString()) / name; }

    static const TsmInfo& entry(const TsmRegistry& registry, const std::string& name) {
        const auto* info = registry.find(name);
        if (!info) throw std::runtime_error("no entry " + name);
        return *info;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(root_.isValid());
        extra_ = dir("extra");
        userConfig_ = dir("config");
        pathA_ = dir("path-a");
        pathB_ = dir("path-b");
        // Good: one folder per model, as users lay them out.
        test::writeManifest(extra_ / "squeezenet", test::fixtureManifest("good"), "good.tsm.json");
        std::ofstream(extra_ / "notes.json") << "{}";  // not a manifest: ignored
        // Broken 1 (VITASK_TSM_PATH, first entry): labels do not match the logits.
        auto labels = test::fixtureManifest("two-labels");
        labels["labels"] = {"benign", "malignant"};
        test::writeManifest(pathA_, labels, "two-labels.tsm.json");
        // Broken 2 (VITASK_TSM_PATH, second entry): not JSON at all.
        fs::create_directories(pathB_);
        std::ofstream(pathB_ / "garbled.tsm.json") << "{ \"name\": ";
        // The user's folder: a second TSM called "good", shadowed by the first.
        test::writeManifest(userConfig_ / "tsm", test::fixtureManifest("good"), "copy.tsm.json");

        qputenv("VITASK_CONFIG_DIR", QByteArray::fromStdString(userConfig_.string()));
        qputenv("VITASK_TSM_PATH", QByteArray::fromStdString(pathA_.string() + ":" + pathB_.string() + ":"));
    }

    void searchPathsAreCallerAppUserThenEnvironment() {
        const TsmRegistry registry(std::vector<fs::path>{extra_});
        const auto& paths = registry.searchPaths();
        QCOMPARE(paths.size(), size_t(5));
        QCOMPARE(paths[0], extra_);
        QCOMPARE(paths[1], TsmRegistry::applicationPluginDir());
        QCOMPARE(paths[2], userConfig_ / "tsm");
        QCOMPARE(paths[3], pathA_);
        QCOMPARE(paths[4], pathB_);
    }

    void listsGoodAndBrokenTsms() {
        const TsmRegistry registry(std::vector<fs::path>{extra_});
        const auto& list = registry.list();
        QCOMPARE(list.size(), size_t(5));
        QCOMPARE(list[0].name, std::string("good"));  // search order
        QCOMPARE(list[3].name, std::string("garbled"));  // unreadable: named after its file
        // Plug-ins come after every manifest: the example one, in the application's folder.
        QCOMPARE(list[4].name, std::string("intensity-histogram"));
        QCOMPARE(list[4].kind, std::string("plugin"));
        QVERIFY2(list[4].ready(), list[4].error.c_str());

        const auto& good = list[0];
        QVERIFY2(good.ready(), good.error.c_str());
        QCOMPARE(good.labels.size(), size_t(7));
        QCOMPARE(good.featureWidth, int64_t(512));
        QCOMPARE(good.source, extra_ / "squeezenet" / "good.tsm.json");

        const auto& shadowed = list[1];
        QCOMPARE(shadowed.name, std::string("good"));
        QVERIFY(!shadowed.ready());
        QVERIFY2(shadowed.error.find("already taken") != std::string::npos, shadowed.error.c_str());

        const auto& labels = entry(registry, "two-labels");
        QVERIFY(!labels.ready());
        QVERIFY2(labels.error.find("two-labels.tsm.json: labels") != std::string::npos, labels.error.c_str());
        QCOMPARE(labels.version, std::string("1.0"));  // what the manifest still tells

        const auto& garbled = list[3];
        QVERIFY(!garbled.ready());
        QVERIFY2(garbled.error.find("garbled.tsm.json") != std::string::npos, garbled.error.c_str());
        QVERIFY2(garbled.error.find("not valid JSON") != std::string::npos, garbled.error.c_str());
    }

    void createsByName() {
        const TsmRegistry registry(std::vector<fs::path>{extra_});
        auto tsm = registry.create("good");
        QCOMPARE(tsm->info().source, extra_ / "squeezenet" / "good.tsm.json");
        const auto out = tsm->predict(tsm->prepare(torch::rand({1, 100, 80})));
        QCOMPARE(out.probabilities.sizes().vec(), (std::vector<int64_t>{1, 7}));
        QCOMPARE(out.features.sizes().vec(), (std::vector<int64_t>{1, 512}));
    }

    void refusesBrokenAndUnknownNames() {
        const TsmRegistry registry(std::vector<fs::path>{extra_});
        try {
            registry.create("two-labels");
            QFAIL("a broken TSM was created");
        } catch (const vitask::Error& e) {
            QVERIFY2(std::string(e.what()).find("lists 2 labels") != std::string::npos, e.what());
        }
        try {
            registry.create("resnet");
            QFAIL("an unknown TSM was created");
        } catch (const vitask::Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find("TSM 'resnet'") != std::string::npos, e.what());
            QVERIFY2(message.find("available: good, good, two-labels, garbled, intensity-histogram") != std::string::npos, e.what());
        }
    }

    // On a folder of its own: the broken manifest of path-a stays broken for the others.
    void rescanSeesFixedManifests() {
        const fs::path folder = dir("rescan");
        auto labels = test::fixtureManifest("two-labels");
        labels["labels"] = {"benign", "malignant"};
        test::writeManifest(folder, labels, "two-labels.tsm.json");
        auto registry = TsmRegistry::withFolders({folder});
        QVERIFY(!entry(registry, "two-labels").ready());
        auto fixed = test::fixtureManifest("two-labels");
        test::writeManifest(folder, fixed, "two-labels.tsm.json");
        registry.rescan();
        QVERIFY2(entry(registry, "two-labels").ready(), entry(registry, "two-labels").error.c_str());
    }

    void missingFoldersAreSkipped() {
        const auto registry = TsmRegistry::withFolders({dir("nowhere"), extra_});
        QCOMPARE(registry.list().size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "test_registry.moc"
