// Deliberately broken TSMs, each rejected with its own message naming the file and the
// field at fault; and NaN outputs reported naming the TSM.
#include "tsm_test_files.h"
#include "vitask/common/error.h"
#include "vitask/tsm/tsm_loader.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <functional>
#include <limits>
#include <set>

using namespace vitask::tsm;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Case {
    const char* name;
    std::function<void(json&, const fs::path& folder)> breakIt;
    std::string subject;  // the file (and field) the message must name
    std::string problem;  // what the message must say
};

void writeBytes(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

std::vector<Case> cases(const fs::path& folder) {
    const std::string manifest = (folder / "model.tsm.json").string();
    return {
        {"missing field", [](json& m, const fs::path&) { m.erase("labels"); }, manifest + ": labels",
         "has no \"labels\" field"},
        {"missing nested field", [](json& m, const fs::path&) { m["outputs"].erase("features"); },
         manifest + ": outputs.features", "has no \"outputs.features\" field"},
        {"wrong type", [](json& m, const fs::path&) { m["input"]["size"] = "64x64"; }, manifest + ": input.size",
         "must be an array, got string"},
        {"wrong type of a number", [](json& m, const fs::path&) { m["input"]["channels"] = "3"; },
         manifest + ": input.channels", "must be a positive integer"},
        {"mean per channel", [](json& m, const fs::path&) { m["input"]["mean"] = {0.5}; }, manifest + ": input.mean",
         "has 1 values but input.channels is 3"},
        {"unknown activation", [](json& m, const fs::path&) { m["activation"] = "softplus"; },
         manifest + ": activation", "must be \"softmax\""},
        {"labels count differs from logits", [](json& m, const fs::path&) { m["labels"] = {"benign", "malignant"}; },
         manifest + ": labels", "lists 2 labels but the model's output 'logits' has 7 classes"},
        {"missing onnx", [](json& m, const fs::path&) { m["onnx"] = "gone.onnx"; }, manifest + ": onnx",
         "gone.onnx does not exist"},
        {"corrupt onnx",
         [](json& m, const fs::path& dir) {
             writeBytes(dir / "corrupt.onnx", "<html>404 Not Found</html>");
             m["onnx"] = "corrupt.onnx";
         },
         (folder / "corrupt.onnx").string(), "is not a valid ONNX model"},
        {"truncated onnx",
         [](json& m, const fs::path& dir) {
             std::ifstream in(test::fixture("squeezenet_tsm.onnx"), std::ios::binary);
             std::string head(100000, '\0');
             in.read(head.data(), static_cast<std::streamsize>(head.size()));
             writeBytes(dir / "truncated.onnx", head);
             m["onnx"] = "truncated.onnx";
         },
         (folder / "truncated.onnx").string(), "is not a valid ONNX model"},
        {"output name that does not exist", [](json& m, const fs::path&) { m["outputs"]["features"] = "pooled"; },
         manifest + ": outputs.features", "computes no value named 'pooled' (its outputs: 'logits', 'features')"},
        {"input name that does not exist", [](json& m, const fs::path&) { m["input"]["name"] = "pixel_values"; },
         manifest + ": input.name", "has no input named 'pixel_values' (its inputs: 'image')"},
        {"wrong input size", [](json& m, const fs::path&) { m["input"]["size"] = {224, 224}; },
         manifest + ": input.size", "is [224, 224] but the model input 'image' is declared as [64, 64]"},
        {"wrong channel count",
         [](json& m, const fs::path&) {
             m["input"]["channels"] = 1;
             m["input"]["mean"] = {0.5};
             m["input"]["std"] = {0.5};
         },
         manifest + ": input.channels", "is 1 but the model input 'image' takes 3 channels"},
        {"not JSON", [](json& m, const fs::path&) { m = "not an object"; }, manifest, "must be a JSON object"},
    };
}

}  // namespace

class TestBrokenManifests : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eachIsRejectedWithItsOwnMessage() {
        std::set<std::string> messages;
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        for (const auto& c : cases(folder)) {
            auto manifest = test::fixtureManifest();
            c.breakIt(manifest, folder);
            const auto path = test::writeManifest(folder, manifest);
            std::string message;
            try {
                openTsm(path);
            } catch (const vitask::Error& e) {
                message = e.what();
            }
            QVERIFY2(!message.empty(), c.name);
            const auto context = std::string(c.name) + ": " + message;
            QVERIFY2(message.find(c.subject) != std::string::npos, context.c_str());
            QVERIFY2(message.find(c.problem) != std::string::npos, context.c_str());
            QVERIFY2(messages.insert(message).second, context.c_str());

            // The registry's view of the same file: listed as broken with that message.
            const auto info = inspectTsm(path);
            QVERIFY(!info.ready());
            QCOMPARE(info.error, message);
        }
    }

    void nanOutputsNameTheTsm() {
        QTemporaryDir dir;
        auto tsm = openTsm(test::writeManifest(dir.path().toStdString(), test::fixtureManifest()));
        auto image = torch::zeros({1, 3, 64, 64});
        image[0][1][10][10] = std::numeric_limits<float>::quiet_NaN();
        try {
            tsm->predict(image);
            QFAIL("NaN outputs were accepted");
        } catch (const vitask::Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find("TSM 'squeezenet-demo'") != std::string::npos, e.what());
            QVERIFY2(message.find("NaN") != std::string::npos, e.what());
        }
    }

    void wrongBatchShapeNamesTheTsm() {
        QTemporaryDir dir;
        auto tsm = openTsm(test::writeManifest(dir.path().toStdString(), test::fixtureManifest()));
        // A batch of the wrong image size, and an image without the batch dimension: both
        // refused, each naming the TSM.
        for (const auto& batch : {torch::zeros({1, 3, 32, 32}), torch::zeros({3, 64, 64})}) {
            const auto shape = QString::fromStdString(c10::str(batch.sizes()));
            try {
                tsm->predict(batch);
                QFAIL(qPrintable("a batch of shape " + shape + " was accepted"));
            } catch (const vitask::Error& e) {
                QVERIFY2(std::string(e.what()).find("TSM 'squeezenet-demo'") != std::string::npos, e.what());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestBrokenManifests)
#include "test_broken_manifests.moc"
