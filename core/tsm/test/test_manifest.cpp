// Reading TSM manifests (no model involved: these run in every build, ONNX or not).
#include "tsm_test_files.h"
#include "vitask/common/error.h"
#include "vitask/tsm/tsm_loader.h"
#include "vitask/tsm/tsm_manifest.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace vitask::tsm;
namespace fs = std::filesystem;

class TestManifest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    fs::path folder() const { return dir_.path().toStdString(); }

    std::string errorOf(const nlohmann::json& manifest) {
        try {
            TsmManifest::read(test::writeManifest(folder(), manifest));
        } catch (const vitask::Error& e) {
            return e.what();
        }
        return {};
    }

private Q_SLOTS:
    void readsEveryField() {
        auto json = test::fixtureManifest();
        json["onnx"] = "models/net.onnx";
        json["outputs"]["patch_features"] = "tokens";
        const auto m = TsmManifest::read(test::writeManifest(folder(), json));
        QCOMPARE(m.name, std::string("squeezenet-demo"));
        QCOMPARE(m.version, std::string("1.0"));
        QCOMPARE(m.onnx, folder() / "models/net.onnx");  // relative to the manifest
        QCOMPARE(m.inputName, std::string("image"));
        QCOMPARE(m.input.height, 64);
        QCOMPARE(m.input.width, 64);
        QCOMPARE(m.input.channels, 3);
        QCOMPARE(m.input.mean, (std::vector<float>{0.485f, 0.456f, 0.406f}));
        QCOMPARE(m.input.std, (std::vector<float>{0.229f, 0.224f, 0.225f}));
        QCOMPARE(m.logitsOutput, std::string("logits"));
        QCOMPARE(m.featuresOutput, std::string("features"));
        QCOMPARE(m.patchFeaturesOutput, std::string("tokens"));
        QCOMPARE(m.labels.size(), size_t(7));
        QVERIFY(!m.multiLabel);
    }

    void optionalFieldsHaveDefaults() {
        auto json = test::fixtureManifest();
        json.erase("activation");
        json.erase("description");
        const auto m = TsmManifest::read(test::writeManifest(folder(), json));
        QVERIFY(!m.multiLabel);
        QVERIFY(m.patchFeaturesOutput.empty());
        QCOMPARE(m.formatVersion, 1);
    }

    void namesFileAndField() {
        const std::string file = (folder() / "model.tsm.json").string();
        auto json = test::fixtureManifest();
        json["input"]["std"] = {1, 0, 1};
        QVERIFY(errorOf(json).find(file + ": input.std: holds 0; it must be positive") == 0);
        json = test::fixtureManifest();
        json["labels"] = {"a", "b", "a"};
        QVERIFY(errorOf(json).find(file + ": labels[2]: repeats the label \"a\"") == 0);
        json = test::fixtureManifest();
        json["version"] = 2;
        QVERIFY(errorOf(json).find(file + ": version: must be a string, got number 2") == 0);
        json = test::fixtureManifest();
        json["format_version"] = 2;
        QVERIFY(errorOf(json).find(file + ": format_version: is version 2") == 0);
        json = test::fixtureManifest();
        json["name"] = "";
        QVERIFY(errorOf(json).find(file + ": name: is empty") == 0);
    }

    void invalidJsonNamesTheFile() {
        const auto path = folder() / "bad.tsm.json";
        std::ofstream(path) << "{\"name\": \"x\",";
        try {
            TsmManifest::read(path);
            QFAIL("accepted invalid JSON");
        } catch (const vitask::Error& e) {
            QVERIFY2(std::string(e.what()).find(path.string() + ": is not valid JSON") == 0, e.what());
        }
    }

    // Every build reads manifests; one without the ONNX backend lists them as broken, saying so.
    void backendAvailabilityIsReported() {
        const auto info = inspectTsm(test::writeManifest(folder(), test::fixtureManifest("probe")));
        QCOMPARE(info.name, std::string("probe"));
        if (onnxBackendAvailable()) {
            QVERIFY2(info.ready(), info.error.c_str());
        } else {
            QVERIFY(!info.ready());
            QVERIFY(info.error.find("no ONNX backend") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestManifest)
#include "test_manifest.moc"
