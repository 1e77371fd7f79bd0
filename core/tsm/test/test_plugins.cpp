// Compiled TSM plug-ins: the in-tree example loads and predicts what its fixed weights
// say; each deliberately faulty plug-in (broken_plugin.cpp) is listed as broken with its
// own message naming its file, and never hides the good ones.
#include "vitask/common/error.h"
#include "vitask/tsm/plugin_api.h"
#include "vitask/tsm/tsm_loader.h"
#include "vitask/tsm/tsm_registry.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <limits>

using namespace vitask::tsm;
namespace fs = std::filesystem;

class TestPlugins : public QObject {
    Q_OBJECT
private:
    QTemporaryDir root_;
    const fs::path pluginDir_ = VITASK_TEST_PLUGIN_DIR;
    const fs::path brokenDir_ = VITASK_TEST_BROKEN_PLUGIN_DIR;
    fs::path userConfig_;

    fs::path example() const { return pluginDir_ / "intensity_histogram_tsm.so"; }
    fs::path broken(const std::string& name) const { return brokenDir_ / (name + ".so"); }

    static const TsmInfo& entry(const TsmRegistry& registry, const std::string& name) {
        const auto* info = registry.find(name);
        if (!info) throw std::runtime_error("no entry " + name);
        return *info;
    }

    static void expectBroken(const TsmRegistry& registry, const std::string& name, const fs::path& file,
                             const std::string& message) {
        const auto& info = entry(registry, name);
        QVERIFY2(!info.ready(), name.c_str());
        QCOMPARE(info.kind, std::string("plugin"));
        QCOMPARE(info.source, file);
        QVERIFY2(info.error.find(file.string()) != std::string::npos, info.error.c_str());
        QVERIFY2(info.error.find(message) != std::string::npos, (message + " not in: " + info.error).c_str());
    }

    // A [C, H, W] image of one grey value.
    static torch::Tensor flat(int channels, float value) { return torch::full({channels, 40, 50}, value); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(root_.isValid());
        QVERIFY2(fs::is_regular_file(example()), example().c_str());
        userConfig_ = fs::path(root_.path().toStdString()) / "config";
        // Not a shared library at all, in the user's plug-in folder.
        fs::create_directories(userConfig_ / "plugins");
        std::ofstream(userConfig_ / "plugins" / "garbage.so") << "this is not an ELF file\n";
        std::ofstream(userConfig_ / "plugins" / "readme.txt") << "ignored: not a *.so\n";
        qputenv("VITASK_CONFIG_DIR", QByteArray::fromStdString(userConfig_.string()));
        qputenv("VITASK_PLUGIN_PATH", QByteArray::fromStdString(brokenDir_.string() + "::/nonexistent/plugins"));
        qputenv("VITASK_TSM_PATH", "");
    }

    void pluginSearchPathsAreCallerAppUserThenEnvironment() {
        const fs::path extra = fs::path(root_.path().toStdString()) / "extra";
        const TsmRegistry registry(std::vector<fs::path>{extra});
        const auto& paths = registry.pluginSearchPaths();
        QCOMPARE(paths.size(), size_t(5));
        QCOMPARE(paths[0], extra);
        QCOMPARE(paths[1], TsmRegistry::applicationPluginDir());
        QCOMPARE(paths[1], fs::weakly_canonical(pluginDir_));  // the build puts plug-ins next to bin/
        QCOMPARE(paths[2], userConfig_ / "plugins");
        QCOMPARE(paths[3], brokenDir_);
        QCOMPARE(paths[4], fs::path("/nonexistent/plugins"));
    }

    void exampleLoads() {
        QVERIFY(isPluginLibrary(example()));
        const auto info = inspectTsm(example());
        QVERIFY2(info.ready(), info.error.c_str());
        QCOMPARE(info.name, std::string("intensity-histogram"));
        QCOMPARE(info.kind, std::string("plugin"));
        QCOMPARE(info.source, example());
        QCOMPARE(info.labels, (std::vector<std::string>{"dark", "mid-grey", "bright"}));
        QCOMPARE(info.featureWidth, int64_t(8));
        QCOMPARE(info.input.channels, 1);
    }

    void examplePredictsCraftedImages() {
        auto tsm = openTsm(example());
        QCOMPARE(tsm->device(), torch::Device(torch::kCPU));
        // Grey and colour images of one value each; prepare() resizes and averages colour.
        const auto batch = torch::cat({tsm->prepare(flat(1, 0.05f)), tsm->prepare(flat(3, 0.55f)),
                                       tsm->prepare(flat(1, 0.95f)), tsm->prepare(flat(4, 1.0f))});
        const auto out = tsm->predict(batch);
        QCOMPARE(out.probabilities.sizes().vec(), (std::vector<int64_t>{4, 3}));
        QCOMPARE(out.features.sizes().vec(), (std::vector<int64_t>{4, 8}));
        QVERIFY(!out.patchFeatures.defined());
        QVERIFY(torch::allclose(out.probabilities.sum(1), torch::ones({4})));
        QVERIFY(torch::allclose(out.features.sum(1), torch::ones({4})));
        const auto predicted = out.probabilities.argmax(1);
        QCOMPARE(predicted[0].item<int64_t>(), int64_t(0));  // dark
        QCOMPARE(predicted[1].item<int64_t>(), int64_t(1));  // mid-grey
        QCOMPARE(predicted[2].item<int64_t>(), int64_t(2));  // bright
        QCOMPARE(predicted[3].item<int64_t>(), int64_t(2));  // 1.0 falls in the last bin
        // One grey value fills one bin, so the logits are that bin's column of the weights.
        QCOMPARE(out.features[1][4].item<float>(), 1.0f);
        QVERIFY(torch::allclose(out.logits[1], torch::tensor({-1.0f, 4.0f, 1.0f})));
        // Half dark (bin 0), half bright (bin 7): the average of the two columns.
        auto half = torch::zeros({1, 1, 32, 32});
        half.slice(3, 16) = 1.0f;
        const auto mixed = tsm->predict(half);
        QVERIFY(torch::allclose(mixed.logits[0], torch::tensor({0.0f, -3.0f, 0.0f})));
        // Deterministic: the same input gives the same output.
        QVERIFY(torch::equal(tsm->predict(batch).logits, out.logits));
    }

    void exampleRejectsWrongInput() {
        auto tsm = openTsm(example());
        try {
            tsm->predict(torch::zeros({1, 3, 32, 32}));
            QFAIL("a 3-channel batch was accepted by a grey TSM");
        } catch (const vitask::Error& e) {
            QVERIFY2(std::string(e.what()).find("[N, 1, 32, 32]") != std::string::npos, e.what());
        }
        try {
            tsm->predict(torch::full({1, 1, 32, 32}, std::numeric_limits<float>::quiet_NaN()));
            QFAIL("NaN pixels were accepted");
        } catch (const vitask::Error& e) {
            QVERIFY2(std::string(e.what()).find("NaN") != std::string::npos, e.what());
        }
    }

    void brokenPluginsAreListedWithTheirOwnMessages() {
        const TsmRegistry registry;
        expectBroken(registry, "broken_abi_version", broken("broken_abi_version"),
                     "was built for plug-in interface version " + std::to_string(kPluginAbiVersion + 100) +
                         ", this VITask uses version " + std::to_string(kPluginAbiVersion));
        expectBroken(registry, "broken_no_factory", broken("broken_no_factory"),
                     "exports no factory function 'vitask_tsm_plugin_create'");
        expectBroken(registry, "broken_factory_throws", broken("broken_factory_throws"),
                     "its factory failed: the weights file broken_weights.bin was not found");
        expectBroken(registry, "broken_nan_output", broken("broken_nan_output"), "NaN values in its output 'logits'");
        expectBroken(registry, "broken_wrong_shape", broken("broken_wrong_shape"),
                     "returned 'logits' of shape [2, 4], expected [2, 3]");
        expectBroken(registry, "broken_not_a_plugin", broken("broken_not_a_plugin"),
                     "exports no 'vitask_tsm_plugin_abi_version' function, so it is not a VITask TSM plug-in");
        expectBroken(registry, "garbage", userConfig_ / "plugins" / "garbage.so", "cannot load the TSM plug-in");
        QVERIFY(!registry.find("readme"));
    }

    void registryStillListsAndCreatesTheGoodOnes() {
        const TsmRegistry registry;
        const auto& good = entry(registry, "intensity-histogram");
        QVERIFY2(good.ready(), good.error.c_str());
        QCOMPARE(good.source, TsmRegistry::applicationPluginDir() / "intensity_histogram_tsm.so");
        const auto& later = entry(registry, "broken-7");  // NaN only for bright images
        QVERIFY2(later.ready(), later.error.c_str());
        QCOMPARE(later.featureWidth, int64_t(2));  // learnt from the probe batch
        size_t ready = 0;
        for (const auto& info : registry.list()) ready += info.ready();
        QCOMPARE(ready, size_t(2));
        QCOMPARE(registry.list().size(), size_t(9));  // 2 good, 6 faulty test plug-ins, garbage.so

        auto tsm = registry.create("intensity-histogram");
        const auto out = tsm->predict(tsm->prepare(flat(1, 0.9f)));
        QCOMPARE(out.probabilities.argmax(1).item<int64_t>(), int64_t(2));

        try {
            registry.create("broken_wrong_shape");
            QFAIL("a broken plug-in was created");
        } catch (const vitask::Error& e) {
            QVERIFY2(std::string(e.what()).find("broken_wrong_shape.so") != std::string::npos, e.what());
        }
    }

    void outputsAreCheckedOnEveryCall() {
        const TsmRegistry registry;
        auto tsm = registry.create("broken-7");
        QCOMPARE(tsm->predict(torch::zeros({1, 1, 8, 8})).probabilities.size(1), int64_t(3));
        try {
            tsm->predict(torch::ones({1, 1, 8, 8}));
            QFAIL("NaN output was let through");
        } catch (const vitask::Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find("NaN") != std::string::npos, e.what());
            QVERIFY2(message.find("broken_nan_later.so") != std::string::npos, e.what());
        }
        // The engine carries on: the same TSM still answers good input.
        QVERIFY(torch::isfinite(tsm->predict(torch::zeros({2, 1, 8, 8})).logits).all().item<bool>());
    }
};

QTEST_GUILESS_MAIN(TestPlugins)
#include "test_plugins.moc"
