// Images as read from disk become TSM input: channels adapted, resized, normalised.
#include "vitask/common/error.h"
#include "vitask/tsm/image_preprocess.h"

#include <torch/torch.h>

#include <QtTest>

#include <cmath>

using namespace vitask::tsm;

namespace {

InputSpec rgb64() { return {64, 64, 3, {0.5f, 0.25f, 0.0f}, {0.5f, 0.25f, 2.0f}}; }

}  // namespace

class TestPreprocess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalisesPerChannel() {
        const auto image = torch::full({3, 64, 64}, 0.5f);
        const auto out = prepareImages(image, rgb64());
        QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{1, 3, 64, 64}));
        QVERIFY(torch::allclose(out[0][0], torch::zeros({64, 64})));
        QVERIFY(torch::allclose(out[0][1], torch::ones({64, 64})));
        QVERIFY(torch::allclose(out[0][2], torch::full({64, 64}, 0.25f)));
    }

    void greyIsRepeatedAndAlphaDropped() {
        const auto grey = torch::rand({1, 30, 40});
        const auto fromGrey = prepareImages(grey, {30, 40, 3, {0, 0, 0}, {1, 1, 1}});
        QVERIFY(torch::equal(fromGrey[0][0], grey[0]) && torch::equal(fromGrey[0][2], grey[0]));

        auto rgba = torch::rand({4, 30, 40});
        const auto fromRgba = prepareImages(rgba, {30, 40, 3, {0, 0, 0}, {1, 1, 1}});
        QVERIFY(torch::equal(fromRgba[0], rgba.slice(0, 0, 3)));

        const auto toGrey = prepareImages(rgba.slice(0, 0, 3), {30, 40, 1, {0}, {1}});
        QVERIFY(torch::allclose(toGrey[0][0], rgba.slice(0, 0, 3).mean(0)));
    }

    // Bilinear with align_corners=false, antialiased when shrinking (PIL/torchvision's
    // resize): a constant image stays constant, a 2x2 checker averages out.
    void resizesBilinearly() {
        const auto flat = prepareImages(torch::full({3, 100, 300}, 0.75f), {64, 64, 3, {0, 0, 0}, {1, 1, 1}});
        QCOMPARE(flat.sizes().vec(), (std::vector<int64_t>{1, 3, 64, 64}));
        QVERIFY(torch::allclose(flat, torch::full_like(flat, 0.75f)));

        const auto checker = torch::tensor({0.f, 1.f}).repeat({64}).view({1, 1, 128}).expand({1, 128, 128}).contiguous();
        const auto shrunk = prepareImages(checker, {32, 32, 1, {0}, {1}});
        const auto inner = shrunk.slice(3, 1, 31);
        QVERIFY(torch::allclose(inner, torch::full_like(inner, 0.5f), 1e-5, 1e-5));
        // At the borders the filter is clipped and renormalised; PyTorch's
        // F.interpolate(..., antialias=True) gives 13/28 and 15/28 there.
        QVERIFY(std::abs(shrunk[0][0][5][0].item<float>() - 13.f / 28) < 1e-5);
        QVERIFY(std::abs(shrunk[0][0][5][31].item<float>() - 15.f / 28) < 1e-5);

        const auto up = prepareImages(torch::tensor({0.f, 1.f}).view({1, 1, 2}).expand({1, 2, 2}), {2, 4, 1, {0}, {1}});
        QVERIFY(torch::allclose(up[0][0][0], torch::tensor({0.f, 0.25f, 0.75f, 1.f})));
    }

    void refusesWhatItCannotAdapt() {
        QVERIFY_THROWS_EXCEPTION(vitask::Error, prepareImages(torch::rand({2, 8, 8}), rgb64()));
        QVERIFY_THROWS_EXCEPTION(vitask::Error, prepareImages(torch::rand({8, 8}), rgb64()));
        QVERIFY_THROWS_EXCEPTION(vitask::Error, prepareImages(torch::Tensor(), rgb64()));
    }

    void describesTheSpec() {
        QCOMPARE(rgb64().describe(), std::string("3x64x64, mean [0.5, 0.25, 0], std [0.5, 0.25, 2]"));
    }
};

QTEST_GUILESS_MAIN(TestPreprocess)
#include "test_preprocess.moc"
