// Photos in (PNG written by a plain zlib encoder in Python, JPEG by OpenCV), model inputs
// out: windowing values exact; resize with aspect kept (padding, centre crop, anisotropic
// pixels), grey to RGB and mean/std normalisation against a numpy reference
// (preprocess_reference.py) that knows nothing of OpenCV.
#include "vitask/common/error.h"
#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/photo_reader.h"
#include "vitask/imaging/preprocessor.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>

using namespace vitask::imaging;
using Options = PreprocessOptions;

namespace {

bool runReference(const QStringList& args) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start("/usr/bin/python3",
                  QStringList{qEnvironmentVariable("VITASK_SOURCE_DIR") + "/core/imaging/test/preprocess_reference.py"} +
                      args);
    return process.waitForFinished(60000) && process.exitCode() == 0;
}

std::vector<float> readRaw(const QString& file) {
    QFile raw(file);
    if (!raw.open(QIODevice::ReadOnly)) return {};
    const QByteArray bytes = raw.readAll();
    std::vector<float> out(static_cast<std::size_t>(bytes.size()) / sizeof(float));
    std::memcpy(out.data(), bytes.constData(), out.size() * sizeof(float));
    return out;
}

// A grey gradient with some curvature, so interpolation errors show: v = 3x + 7y + xy/8.
Volume gradient(int width, int height) {
    Volume v;
    v.dims = {std::size_t(width), std::size_t(height), 1, 1};
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) v.voxels.push_back(3.0f * x + 7.0f * y + x * y / 8.0f);
    }
    return v;
}

QString joined(const std::vector<float>& values) {
    QStringList parts;
    for (const float v : values) parts << QString::number(double(v), 'g', 9);
    return parts.join(",");
}

}  // namespace

class TestPreprocessor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void windowingIsExact() {
        Volume v;
        v.dims = {5, 1, 1, 1};
        v.voxels = {-1000, 0, 40, 79, 80};
        Options o;
        o.windowMode = Options::WindowMode::Explicit;
        o.center = 40;
        o.width = 80;  // low edge 0, high edge 79 (PS3.3 C.11.2.1.2)
        o.outputWidth = 5;
        o.outputHeight = 1;
        o.channels = 1;
        auto out = Preprocessor(o).run(v);
        QCOMPARE(out.shape, (std::array<std::size_t, 3>{1, 1, 5}));
        const std::vector<float> expected{0.0f, 0.0f, float(0.5 / 79 + 0.5), 1.0f, 1.0f};
        QCOMPARE(out.values, expected);
        v.photometric = "MONOCHROME1";
        out = Preprocessor(o).run(v);
        QCOMPARE(out.values[0], 1.0f);
        QCOMPARE(out.values[2], float(1.0 - (0.5 / 79 + 0.5)));

        v.photometric = "MONOCHROME2";
        o.windowMode = Options::WindowMode::Preset;
        o.preset = "lung";  // -600 / 1500: low edge -1349.5 + ..., -1000 -> 0.2333...
        out = Preprocessor(o).run(v);
        QCOMPARE(out.window.center, -600.0);
        QCOMPARE(out.values[0], float((-1000 - (-600 - 0.5)) / 1499.0 + 0.5));
        o.windowMode = Options::WindowMode::Auto;
        out = Preprocessor(o).run(v);
        QCOMPARE(out.values.front(), 0.0f);
        QCOMPARE(out.values.back(), 1.0f);
        v.windows = {{40, 400, "from file"}};
        o.windowMode = Options::WindowMode::Default;
        QCOMPARE(Preprocessor(o).run(v).window.width, 400.0);
        o.windowMode = Options::WindowMode::File;
        o.fileWindow = 1;
        QVERIFY_THROWS_EXCEPTION(vitask::Error, Preprocessor(o).run(v));
    }

    void resizeMatchesNumpy_data() {
        QTest::addColumn<int>("inW");
        QTest::addColumn<int>("inH");
        QTest::addColumn<double>("spacingX");
        QTest::addColumn<double>("spacingY");
        QTest::addColumn<int>("outW");
        QTest::addColumn<int>("outH");
        QTest::addColumn<QString>("fit");
        QTest::addColumn<int>("channels");
        QTest::newRow("pad wide to square, RGB") << 40 << 20 << 1.0 << 1.0 << 32 << 32 << "pad" << 3;
        QTest::newRow("pad tall, upscale, grey") << 9 << 15 << 1.0 << 1.0 << 40 << 30 << "pad" << 1;
        QTest::newRow("pad, anisotropic pixels") << 30 << 30 << 0.5 << 1.0 << 24 << 24 << "pad" << 3;
        QTest::newRow("centre crop") << 40 << 20 << 1.0 << 1.0 << 16 << 16 << "crop" << 3;
        QTest::newRow("stretch") << 21 << 13 << 1.0 << 1.0 << 17 << 29 << "stretch" << 3;
    }
    void resizeMatchesNumpy() {
        QFETCH(int, inW);
        QFETCH(int, inH);
        QFETCH(double, spacingX);
        QFETCH(double, spacingY);
        QFETCH(int, outW);
        QFETCH(int, outH);
        QFETCH(QString, fit);
        QFETCH(int, channels);
        Volume v = gradient(inW, inH);
        v.spacing = {spacingX, spacingY, 1.0};
        Options o;
        o.windowMode = Options::WindowMode::Explicit;
        o.center = 150;
        o.width = 301;
        o.outputWidth = outW;
        o.outputHeight = outH;
        o.fit = fit == "pad" ? Options::Fit::Pad : fit == "crop" ? Options::Fit::CenterCrop : Options::Fit::Stretch;
        o.padValue = 0.25f;
        o.channels = channels;
        o.mean = channels == 3 ? std::vector<float>{0.48145466f, 0.4578275f, 0.40821073f} : std::vector<float>{0.5f};
        o.std = channels == 3 ? std::vector<float>{0.26862954f, 0.26130258f, 0.27577711f} : std::vector<float>{0.25f};
        const auto out = Preprocessor(o).run(v);
        QCOMPARE(out.shape, (std::array<std::size_t, 3>{std::size_t(channels), std::size_t(outH), std::size_t(outW)}));

        QTemporaryDir dir;
        const QString in = dir.path() + "/in.raw", expectedFile = dir.path() + "/expected.raw";
        QFile raw(in);
        QVERIFY(raw.open(QIODevice::WriteOnly));
        raw.write(reinterpret_cast<const char*>(v.voxels.data()), qint64(v.voxels.size() * sizeof(float)));
        raw.close();
        QVERIFY(runReference({"expect", in, QString::number(inH), QString::number(inW), "1", "150", "301",
                              QString::number(spacingX), QString::number(spacingY), QString::number(outW),
                              QString::number(outH), fit, "0.25", QString::number(channels), joined(o.mean),
                              joined(o.std), expectedFile}));
        const auto expected = readRaw(expectedFile);
        QCOMPARE(expected.size(), out.values.size());
        double worst = 0;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            worst = std::max(worst, double(std::abs(expected[i] - out.values[i])));
        }
        qInfo("max |ours - numpy| = %.3g", worst);
        // OpenCV interpolates in float32 with float weights; numpy in float64.
        QVERIFY2(worst < 2e-5, qPrintable(QString::number(worst)));
        // The padding is really there (and only for pad).
        if (fit == "pad" && (out.placement[2] < outW || out.placement[3] < outH)) {
            QCOMPARE(out.values[0], (0.25f - o.mean[0]) / o.std[0]);
        }
    }

    void middleSliceByDefault() {
        Volume v;
        v.dims = {4, 4, 5, 2};
        for (std::size_t t = 0; t < 2; ++t)
            for (std::size_t z = 0; z < 5; ++z) v.voxels.insert(v.voxels.end(), 16, float(z * 10 + t));
        Options o;
        o.windowMode = Options::WindowMode::Explicit;
        o.center = 50.5;
        o.width = 101;  // v -> (v - 50) / 100 + 0.5 = v / 100
        o.outputWidth = o.outputHeight = 4;
        auto out = Preprocessor(o).run(v);
        QCOMPARE(out.slice, std::size_t(2));
        QCOMPARE(out.values[0], 0.2f);
        o.slice = 4;
        o.timePoint = 1;
        out = Preprocessor(o).run(v);
        QCOMPARE(out.values[47], 0.41f);
        o.slice = 5;
        QVERIFY_THROWS_EXCEPTION(vitask::Error, Preprocessor(o).run(v));
    }

    void badOptionsAreErrors() {
        Options o;
        o.channels = 2;
        QVERIFY_THROWS_EXCEPTION(vitask::Error, Preprocessor{o});
        o = Options{};
        o.std = {1, 0, 1};
        QVERIFY_THROWS_EXCEPTION(vitask::Error, Preprocessor{o});
        o = Options{};
        o.mean = {0.1f, 0.2f};
        QVERIFY_THROWS_EXCEPTION(vitask::Error, Preprocessor{o});
        o = Options{};
        o.windowMode = Options::WindowMode::Preset;
        o.preset = "kidney";
        QVERIFY_THROWS_EXCEPTION(vitask::Error, Preprocessor{o});
    }

    void pngPhotosReadExactly() {
        QTemporaryDir dir;
        const QString rgb = dir.path() + "/photo.png", grey16 = dir.path() + "/grey16.PNG";
        QVERIFY(runReference({"png", rgb, "7", "11", "3", "8"}));
        QVERIFY(runReference({"png", grey16, "5", "6", "1", "16"}));
        Volume v = ImageLoader::load(rgb.toStdString());
        QCOMPARE(v.dims, (std::array<std::size_t, 4>{11, 7, 1, 1}));
        QCOMPARE(v.components, std::size_t(3));
        QCOMPARE(v.photometric, std::string("RGB"));
        for (int y = 0; y < 7; ++y)
            for (int x = 0; x < 11; ++x)
                for (int c = 0; c < 3; ++c) QCOMPARE(v.at(x, y, 0, 0, c), float((y * 31 + x * 7 + c * 101) % 256));
        v = PhotoReader::read(grey16.toStdString());
        QCOMPARE(v.components, std::size_t(1));
        QCOMPARE(v.at(5, 4, 0), float(4 * 31 + 5 * 7));
        QCOMPARE(v.windows.at(0).explanation, std::string("full range (16-bit)"));

        // Default window of an 8-bit photo: value / 255, channels kept in RGB order.
        Options o;
        o.outputWidth = 11;
        o.outputHeight = 7;
        const auto out = Preprocessor(o).run(ImageLoader::load(rgb.toStdString()));
        QCOMPARE(out.values[2 * 77 + 3 * 11 + 4], float(((3 * 31 + 4 * 7 + 202) % 256) / 255.0));
    }

    void jpegPhotosAndDamagedFiles() {
        QTemporaryDir dir;
        // Pure red in OpenCV's BGR order: must come out as R high, G and B low.
        cv::Mat red(16, 16, CV_8UC3, cv::Scalar(0, 0, 255));
        std::vector<uchar> jpeg;
        QVERIFY(cv::imencode(".jpg", red, jpeg, {cv::IMWRITE_JPEG_QUALITY, 95}));
        const std::string good = dir.path().toStdString() + "/red.jpg";
        std::ofstream(good, std::ios::binary).write(reinterpret_cast<const char*>(jpeg.data()), std::streamsize(jpeg.size()));
        const Volume v = PhotoReader::read(good);
        QCOMPARE(v.components, std::size_t(3));
        QVERIFY(v.at(8, 8, 0, 0, 0) > 245 && v.at(8, 8, 0, 0, 1) < 10 && v.at(8, 8, 0, 0, 2) < 10);

        const std::string cut = dir.path().toStdString() + "/cut.jpeg";
        std::ofstream(cut, std::ios::binary).write(reinterpret_cast<const char*>(jpeg.data()), std::streamsize(jpeg.size() / 2));
        try {
            PhotoReader::read(cut);
            QFAIL("a truncated JPEG decoded");
        } catch (const vitask::Error& e) {
            QCOMPARE(e.subject(), cut);
            QVERIFY2(std::string(e.what()).find("truncated") != std::string::npos, e.what());
        }
        const std::string fake = dir.path().toStdString() + "/fake.png";
        std::ofstream(fake) << "not an image";
        QVERIFY_THROWS_EXCEPTION(vitask::Error, ImageLoader::load(fake));
    }
};

QTEST_GUILESS_MAIN(TestPreprocessor)
#include "test_preprocessor.moc"
