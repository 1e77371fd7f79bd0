// Writing TSM manifests: what the writer writes the reader reads back field for field, the
// ONNX fixture's manifest written this way loads, and a manifest the reader would refuse
// is never written (nor is a previous one harmed).
#include "tsm_test_files.h"
#include "vitask/common/error.h"
#include "vitask/tsm/manifest_writer.h"
#include "vitask/tsm/tsm_loader.h"
#include "vitask/tsm/tsm_manifest.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace vitask::tsm;
namespace fs = std::filesystem;

namespace {

// The fixture's manifest (tsm_test_files.h) as the struct a form fills in.
TsmManifest fixtureManifest(const fs::path& path) {
    TsmManifest m;
    m.path = path;
    m.name = "written-squeezenet";
    m.version = "2.1";
    m.description = "SqueezeNet 1.1 features, 7-class head";
    m.onnx = fs::absolute(test::fixture("squeezenet_tsm.onnx")).lexically_normal();  // as the writer writes it
    m.inputName = "image";
    m.input.height = 64;
    m.input.width = 64;
    m.input.channels = 3;
    m.input.mean = {0.485f, 0.456f, 0.406f};
    m.input.std = {0.229f, 0.224f, 0.225f};
    m.logitsOutput = "logits";
    m.featuresOutput = "features";
    m.labels = {"akiec", "bcc", "bkl", "df", "mel", "nv", "vasc"};
    return m;
}

std::string contents(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> filesIn(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    return names;
}

}  // namespace

class TestManifestWriter : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    fs::path folder(const std::string& name) const {
        const auto path = fs::path(dir_.path().toStdString()) / name;
        fs::create_directories(path);
        return path;
    }

private Q_SLOTS:
    void readsBackEveryField() {
        auto written = fixtureManifest(folder("every") / "m.tsm.json");
        written.patchFeaturesOutput = "tokens";
        written.multiLabel = true;
        writeManifest(written);
        const auto read = TsmManifest::read(written.path);
        QCOMPARE(read.name, written.name);
        QCOMPARE(read.version, written.version);
        QCOMPARE(read.description, written.description);
        QCOMPARE(read.onnx, written.onnx);
        QCOMPARE(read.inputName, written.inputName);
        QCOMPARE(read.input.height, 64);
        QCOMPARE(read.input.width, 64);
        QCOMPARE(read.input.channels, 3);
        QCOMPARE(read.input.mean, written.input.mean);
        QCOMPARE(read.input.std, written.input.std);
        QCOMPARE(read.logitsOutput, written.logitsOutput);
        QCOMPARE(read.featuresOutput, written.featuresOutput);
        QCOMPARE(read.patchFeaturesOutput, written.patchFeaturesOutput);
        QCOMPARE(read.labels, written.labels);
        QVERIFY(read.multiLabel);
    }

    void writesShortestNumbersAndOptionalFieldsOnlyWhenSet() {
        auto m = fixtureManifest(folder("text") / "m.tsm.json");
        m.description.clear();
        writeManifest(m);
        const auto text = contents(m.path);
        QVERIFY2(text.find("0.485") != std::string::npos, text.c_str());
        QVERIFY2(text.find("0.48500") == std::string::npos, text.c_str());
        QVERIFY(text.find("description") == std::string::npos);
        QVERIFY(text.find("patch_features") == std::string::npos);
        QVERIFY(text.find("\"activation\": \"softmax\"") != std::string::npos);
    }

    void modelInsideTheFolderIsRelative() {
        const auto where = folder("relative");
        auto inside = fixtureManifest(where / "m.tsm.json");
        inside.onnx = where / "models" / "net.onnx";
        QVERIFY(manifestJson(inside).find("\"onnx\": \"models/net.onnx\"") != std::string::npos);
        writeManifest(inside);
        QCOMPARE(TsmManifest::read(inside.path).onnx, where / "models" / "net.onnx");

        auto outside = fixtureManifest(where / "o.tsm.json");
        QVERIFY(manifestJson(outside).find("\"onnx\": \"" + outside.onnx.string() + "\"") != std::string::npos);
    }

    void writtenFixtureManifestLoads() {
        if (!onnxBackendAvailable()) QSKIP("this build has no ONNX backend");
        const auto m = fixtureManifest(folder("loads") / "m.tsm.json");
        writeManifest(m);
        const auto info = inspectTsm(m.path);
        QVERIFY2(info.ready(), info.error.c_str());
        QCOMPARE(info.name, m.name);
        QCOMPARE(info.labels, m.labels);
        QCOMPARE(info.featureWidth, int64_t(512));
    }

    void refusesWhatTheReaderRefusesAndWritesNothing() {
        const auto where = folder("refused");
        auto m = fixtureManifest(where / "bad.tsm.json");
        m.input.mean = {0.5f, 0.5f};  // three channels
        try {
            writeManifest(m);
            QFAIL("a manifest with two means for three channels was written");
        } catch (const vitask::Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find(m.path.string() + ": input.mean") != std::string::npos, message.c_str());
            QVERIFY2(message.find(".vitask-tmp-") == std::string::npos, message.c_str());
        }
        QVERIFY(filesIn(where).empty());  // neither the manifest nor its temporary file
    }

    void failedWriteKeepsThePreviousManifest() {
        auto m = fixtureManifest(folder("keeps") / "m.tsm.json");
        writeManifest(m);
        const auto before = contents(m.path);
        m.labels = {"a", "a"};  // the reader refuses repeated labels
        QVERIFY_THROWS_EXCEPTION(vitask::Error, writeManifest(m));
        QCOMPARE(contents(m.path), before);
        QCOMPARE(filesIn(m.path.parent_path()).size(), size_t(1));
    }

    void missingFolderIsNamed() {
        const auto m = fixtureManifest(fs::path(dir_.path().toStdString()) / "no-such-folder" / "m.tsm.json");
        try {
            writeManifest(m);
            QFAIL("written into a folder that does not exist");
        } catch (const vitask::Error& e) {
            QVERIFY(std::string(e.what()).find("no-such-folder") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestManifestWriter)
#include "test_manifest_writer.moc"
