// The classifiers users export from PyTorch (ResNet, DenseNet, MobileNet v2/v3,
// EfficientNet, ViT) at every opset from 11 to 17, loaded as ONNX TSMs through the graph
// normalization, against what PyTorch computed for the same weights and images.
// export_onnx_architectures.py builds and exports them at test time (random weights,
// fixed seed) with Debian's python3-torch and python3-torchvision.
#include "vitask/common/error.h"
#include "vitask/model/safetensors.h"
#include "vitask/tsm/tsm_loader.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace vitask::tsm;

class TestOnnxArchitectures : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::filesystem::path out_;
    nlohmann::json listing_;

    static double maxDiff(const torch::Tensor& a, const torch::Tensor& b) {
        return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
    }

    std::filesystem::path manifestFor(const std::string& name, const std::string& onnx, int classes) const {
        nlohmann::json labels = nlohmann::json::array();
        for (int i = 0; i < classes; ++i) labels.push_back("class" + std::to_string(i));
        const nlohmann::json manifest = {
            {"name", name},
            {"version", "1.0"},
            {"onnx", (out_ / onnx).string()},
            {"input", {{"name", "image"},
                       {"size", listing_["input"]["size"]},
                       {"channels", listing_["input"]["channels"]},
                       {"mean", {0.485, 0.456, 0.406}},
                       {"std", {0.229, 0.224, 0.225}}}},
            {"outputs", {{"logits", "logits"}, {"features", "features"}}},
            {"labels", labels},
            {"activation", "softmax"},
        };
        const auto path = out_ / (name + ".tsm.json");
        std::ofstream(path) << manifest.dump(2);
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QProcess check;
        check.start("/usr/bin/python3", {"-c", "import torch, torchvision"});
        if (!check.waitForFinished(60000) || check.exitCode() != 0)
            QFAIL("/usr/bin/python3 with torch and torchvision is needed: install python3-torch and python3-torchvision (scripts/install-deps.sh installs them)");

        out_ = dir_.path().toStdString();
        const QString script = qEnvironmentVariable("VITASK_SOURCE_DIR") + "/core/tsm/test/export_onnx_architectures.py";
        QProcess python;
        python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        python.start("/usr/bin/python3", {script, dir_.path()});
        QVERIFY2(python.waitForFinished(600000) && python.exitCode() == 0, "export_onnx_architectures.py failed");
        std::ifstream listing(out_ / "models.json");
        QVERIFY(listing);
        listing_ = nlohmann::json::parse(listing);
    }

    void matchesPyTorch_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("opset");
        for (const auto& m : listing_["models"]) {
            const auto arch = QString::fromStdString(m["arch"].get<std::string>());
            const int opset = m["opset"].get<int>();
            QTest::newRow(qPrintable(arch + " opset " + QString::number(opset))) << arch << opset;
        }
    }

    // Logits and pooled features of a batch of two within 1e-4 of PyTorch's.
    void matchesPyTorch() {
        QFETCH(QString, arch);
        QFETCH(int, opset);
        const auto entry = std::find_if(listing_["models"].begin(), listing_["models"].end(), [&](const auto& m) {
            return m["arch"] == arch.toStdString() && m["opset"] == opset;
        });
        QVERIFY(entry != listing_["models"].end());
        const auto reference = vitask::model::SafetensorsReader::open(out_ / (*entry)["reference"].get<std::string>());
        const int classes = listing_["classes"].get<int>();

        auto tsm = openTsm(manifestFor(arch.toStdString() + "_" + std::to_string(opset),
                                       (*entry)["onnx"].get<std::string>(), classes));
        QCOMPARE(tsm->info().featureWidth, (*entry)["feature_width"].get<int64_t>());
        const auto out = tsm->predict(reference.tensor("image").to(torch::kFloat32));
        QCOMPARE(out.logits.sizes().vec(), (std::vector<int64_t>{2, classes}));
        const double logitsDiff = maxDiff(out.logits, reference.tensor("logits"));
        const double featuresDiff = maxDiff(out.features, reference.tensor("features"));
        qInfo("%s opset %d: max |diff| logits %.2g, features %.2g", qPrintable(arch), opset, logitsDiff, featuresDiff);
        QVERIFY2(logitsDiff <= 1e-4, qPrintable(QString::number(logitsDiff)));
        QVERIFY2(featuresDiff <= 1e-4, qPrintable(QString::number(featuresDiff)));
    }

    // What no normalization covers is refused naming the operator and node: one OpenCV
    // cannot import (Det), one it imports but cannot run (Mul by a per-column constant).
    void refusalNamesOperatorAndNode_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("failure");
        QTest::newRow("import") << "unsupported" << "cannot import";
        QTest::newRow("run") << "unrunnable" << "cannot run";
    }

    void refusalNamesOperatorAndNode() {
        QFETCH(QString, key);
        QFETCH(QString, failure);
        const auto& model = listing_[key.toStdString()];
        const auto manifest =
            manifestFor(key.toStdString(), model["onnx"].get<std::string>(), listing_["classes"].get<int>());
        QString message;
        try {
            openTsm(manifest);
        } catch (const vitask::Error& e) {
            message = QString::fromStdString(e.what());
        }
        const auto named = QString("%1 operator '%2' (node '%3')")
                               .arg(failure, QString::fromStdString(model["operator"].get<std::string>()),
                                    QString::fromStdString(model["node"].get<std::string>()));
        QVERIFY2(message.contains(named), qPrintable(message));
        qInfo("%s", qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestOnnxArchitectures)
#include "test_onnx_architectures.moc"
