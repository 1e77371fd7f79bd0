// The ONNX TSM against what PyTorch computed for the same model and input
// (../shared/fixtures/squeezenet_tsm_reference.safetensors; onnxruntime agreed to 1e-6).
#include "tsm_test_files.h"
#include "vitask/model/safetensors.h"
#include "vitask/tsm/tsm_loader.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace vitask::tsm;

class TestOnnxParity : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::filesystem::path manifest_;

    static double maxDiff(const torch::Tensor& a, const torch::Tensor& b) {
        return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(std::filesystem::exists(test::fixture("squeezenet_tsm.onnx")), "set VITASK_SHARED_DIR");
        manifest_ = test::writeManifest(dir_.path().toStdString(), test::fixtureManifest());
    }

    void logitsAndFeaturesMatchPyTorch() {
        const auto reference = vitask::model::SafetensorsReader::open(test::fixture("squeezenet_tsm_reference.safetensors"));
        const auto image = reference.tensor("image").to(torch::kFloat32);
        auto tsm = openTsm(manifest_);
        const auto out = tsm->predict(image);

        QCOMPARE(out.logits.sizes().vec(), (std::vector<int64_t>{2, 7}));
        QCOMPARE(out.features.sizes().vec(), (std::vector<int64_t>{2, 512}));
        const double logitsDiff = maxDiff(out.logits, reference.tensor("logits"));
        const double featuresDiff = maxDiff(out.features, reference.tensor("features"));
        qInfo("max |diff|: logits %.3g, features %.3g", logitsDiff, featuresDiff);
        QVERIFY2(logitsDiff < 1e-4, qPrintable(QString::number(logitsDiff)));
        QVERIFY2(featuresDiff < 1e-4, qPrintable(QString::number(featuresDiff)));

        QVERIFY(torch::allclose(out.probabilities, torch::softmax(out.logits, 1)));
        QVERIFY(!out.patchFeatures.defined());
    }

    void metadataComesFromManifestAndModel() {
        auto tsm = openTsm(manifest_);
        const auto& info = tsm->info();
        QCOMPARE(info.name, std::string("squeezenet-demo"));
        QCOMPARE(info.version, std::string("1.0"));
        QCOMPARE(info.kind, std::string("onnx"));
        QCOMPARE(info.labels.size(), size_t(7));
        QCOMPARE(info.featureWidth, int64_t(512));
        QCOMPARE(info.input.height, 64);
        QCOMPARE(info.input.channels, 3);
        QVERIFY(info.ready());
        QVERIFY(info.error.empty());
        QCOMPARE(info.source, manifest_);
        QVERIFY(tsm->device() == torch::Device(torch::kCPU));
    }

    // Batching must not change an image's answer.
    void batchOfOneEqualsRowOfBatch() {
        const auto reference = vitask::model::SafetensorsReader::open(test::fixture("squeezenet_tsm_reference.safetensors"));
        const auto image = reference.tensor("image").to(torch::kFloat32);
        auto tsm = openTsm(manifest_);
        const auto both = tsm->predict(image);
        const auto second = tsm->predict(image.slice(0, 1, 2));
        QVERIFY(maxDiff(second.logits[0], both.logits[1]) < 1e-5);
        QVERIFY(maxDiff(second.features[0], both.features[1]) < 1e-5);
    }

    // prepare(): a 3x64x64 image in [0, 1] only needs normalising.
    void prepareNormalisesToTheInputSpec() {
        auto tsm = openTsm(manifest_);
        const auto image = torch::rand({3, 64, 64});
        const auto batch = tsm->prepare(image);
        QCOMPARE(batch.sizes().vec(), (std::vector<int64_t>{1, 3, 64, 64}));
        const auto mean = torch::tensor({0.485f, 0.456f, 0.406f}).view({3, 1, 1});
        const auto std = torch::tensor({0.229f, 0.224f, 0.225f}).view({3, 1, 1});
        QVERIFY(torch::allclose(batch[0], (image - mean) / std, 1e-5, 1e-5));
        const auto out = tsm->predict(batch);
        QVERIFY(std::abs(out.probabilities.sum().item<double>() - 1.0) < 1e-5);
    }

    void sigmoidActivationForMultiLabel() {
        auto manifest = test::fixtureManifest();
        manifest["activation"] = "sigmoid";
        auto tsm = openTsm(test::writeManifest(dir_.path().toStdString(), manifest, "multi.tsm.json"));
        QVERIFY(tsm->info().multiLabel);
        const auto out = tsm->predict(torch::randn({1, 3, 64, 64}));
        QVERIFY(torch::allclose(out.probabilities, torch::sigmoid(out.logits)));
    }
};

QTEST_GUILESS_MAIN(TestOnnxParity)
#include "test_onnx_parity.moc"
