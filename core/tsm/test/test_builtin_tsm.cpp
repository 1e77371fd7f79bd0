// Built-in LibTorch TSMs: the ResNet-18 layout against torchvision's parameter count,
// output shapes of both networks, label groups, and checkpoints (save, load, list in the
// registry, damaged manifests and weights reported by field and file).
#include "vitask/test/error_of.h"
#include "vitask/common/error.h"
#include "vitask/tsm/builtin_tsm.h"
#include "vitask/tsm/tsm_loader.h"
#include "vitask/tsm/tsm_registry.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace vitask::tsm;
namespace fs = std::filesystem;

using vitask::test::errorOf;

namespace {

BuiltinTsmSpec spec(BuiltinNetworkType type, int channels, int size, int classes) {
    BuiltinTsmSpec s;
    s.name = "demo";
    s.architecture.type = type;
    s.architecture.width = 8;
    s.architecture.smallInputStem = true;
    s.architecture.embedDim = 32;
    s.architecture.depth = 2;
    s.architecture.heads = 2;
    s.input = {size, size, channels, std::vector<float>(size_t(channels), 0.5F), std::vector<float>(size_t(channels), 0.5F)};
    for (int i = 0; i < classes; ++i) s.labels.push_back("class " + std::to_string(i));
    return s;
}

int64_t parameterCount(BuiltinNetwork& network) {
    int64_t n = 0;
    for (const auto& p : network.parameters()) n += p.numel();
    return n;
}

}  // namespace

class TestBuiltinTsm : public QObject {
    Q_OBJECT
private:
    QTemporaryDir root_;

private Q_SLOTS:
    void resnet18MatchesTorchvision() {
        // torchvision.models.resnet18() (3 channels, 1000 classes): 11,689,512 parameters.
        auto s = spec(BuiltinNetworkType::ResNet, 3, 64, 1000);
        s.architecture = BuiltinArchitecture{};
        auto tsm = BuiltinTsm::create(s);
        QCOMPARE(parameterCount(tsm->network()), int64_t(11689512));
        QCOMPARE(tsm->info().featureWidth, int64_t(512));
        const auto names = tsm->network().named_parameters();
        QVERIFY(names.contains("layer2.0.downsample.0.weight"));
        QVERIFY(names.contains("fc.bias"));
    }

    void outputShapes_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("patches");
        QTest::addColumn<int>("features");
        // Small stem at 28 px: 28 -> 28 -> 14 -> 7 -> 4, i.e. 16 positions of 8 * 8 channels.
        QTest::newRow("resnet") << int(BuiltinNetworkType::ResNet) << 16 << 64;
        QTest::newRow("vit") << int(BuiltinNetworkType::Vit) << 49 << 32;  // (28 / 4)^2 patches
    }
    void outputShapes() {
        QFETCH(int, type);
        QFETCH(int, patches);
        QFETCH(int, features);
        torch::manual_seed(1);
        auto tsm = BuiltinTsm::create(spec(BuiltinNetworkType(type), 1, 28, 5));
        const auto out = tsm->predict(torch::randn({3, 1, 28, 28}));
        QCOMPARE(out.logits.sizes().vec(), (std::vector<int64_t>{3, 5}));
        QVERIFY(torch::allclose(out.probabilities, out.logits.softmax(1)));
        QCOMPARE(out.features.sizes().vec(), (std::vector<int64_t>{3, features}));
        QCOMPARE(out.patchFeatures.sizes().vec(), (std::vector<int64_t>{3, patches, features}));
        QCOMPARE(tsm->info().featureWidth, int64_t(features));
        const auto map = tsm->saliency(torch::randn({1, 1, 28, 28}), 2);
        QCOMPARE(map.sizes().vec(), (std::vector<int64_t>{28, 28}));
        QVERIFY(map.min().item<float>() >= 0 && map.max().item<float>() <= 1);
    }

    void labelGroupsNormaliseSeparately() {
        auto s = spec(BuiltinNetworkType::ResNet, 3, 28, 5);
        s.groups = {{"a", 0, 3, false}, {"b", 3, 2, false}};
        auto tsm = BuiltinTsm::create(s);
        const auto p = tsm->predict(torch::randn({4, 3, 28, 28})).probabilities;
        QVERIFY(torch::allclose(p.narrow(1, 0, 3).sum(1), torch::ones({4})));
        QVERIFY(torch::allclose(p.narrow(1, 3, 2).sum(1), torch::ones({4})));
        QCOMPARE(tsm->group("b")->offset, int64_t(3));
        s.groups = {{"a", 0, 3, false}, {"b", 2, 3, false}};
        QVERIFY(errorOf([&] { BuiltinTsm::create(s); }).contains("do not cover the labels"));
    }

    void checkpointRoundTrip_data() {
        QTest::addColumn<int>("type");
        QTest::newRow("resnet") << int(BuiltinNetworkType::ResNet);
        QTest::newRow("vit") << int(BuiltinNetworkType::Vit);
    }
    void checkpointRoundTrip() {
        QFETCH(int, type);
        const fs::path folder = fs::path(root_.path().toStdString()) / (type ? "vit" : "resnet");
        fs::create_directories(folder);
        auto s = spec(BuiltinNetworkType(type), 3, 28, 4);
        s.name = type ? "demo-vit" : "demo-resnet";
        torch::manual_seed(2);
        auto tsm = BuiltinTsm::create(s);
        // Move BatchNorm statistics off their initial values, so buffers are tested too.
        tsm->network().train();
        tsm->network().forward(torch::randn({8, 3, 28, 28}) * 3 + 1);
        const auto manifest = tsm->save(folder);
        QCOMPARE(manifest, folder / (s.name + ".tsm.json"));

        const auto images = torch::randn({2, 3, 28, 28});
        const auto before = tsm->predict(images);
        const auto loaded = openTsm(manifest);  // through the loader, as the registry does
        QCOMPARE(loaded->info().kind, std::string("builtin"));
        const auto after = loaded->predict(images);
        QVERIFY(torch::equal(before.logits, after.logits));
        QVERIFY(torch::equal(before.features, after.features));

        const auto registry = TsmRegistry::withFolders({folder.parent_path()});
        const auto* info = registry.find(s.name);
        QVERIFY(info);
        QVERIFY2(info->ready(), info->error.c_str());
        QCOMPARE(info->labels, s.labels);
        QCOMPARE(info->input.height, 28);
    }

    void damagedCheckpointsAreReported() {
        const fs::path folder = fs::path(root_.path().toStdString()) / "damaged";
        fs::create_directories(folder);
        auto tsm = BuiltinTsm::create(spec(BuiltinNetworkType::ResNet, 1, 28, 3));
        const auto manifest = tsm->save(folder);
        nlohmann::json doc;
        std::ifstream(manifest) >> doc;

        auto wider = doc;
        wider["architecture"]["width"] = 16;
        std::ofstream(folder / "wider.tsm.json") << wider.dump();
        QVERIFY(errorOf([&] { openTsm(folder / "wider.tsm.json"); }).contains("demo.safetensors"));

        auto noArchitecture = doc;
        noArchitecture.erase("architecture");
        std::ofstream(folder / "bare.tsm.json") << noArchitecture.dump();
        const auto info = inspectTsm(folder / "bare.tsm.json");
        QVERIFY(!info.ready());
        QCOMPARE(info.kind, std::string("builtin"));
        QVERIFY2(QString::fromStdString(info.error).contains("bare.tsm.json: architecture: is missing"), info.error.c_str());

        auto badType = doc;
        badType["architecture"]["type"] = "vgg";
        std::ofstream(folder / "vgg.tsm.json") << badType.dump();
        QVERIFY(errorOf([&] { openTsm(folder / "vgg.tsm.json"); }).contains("architecture.type"));
    }
};

QTEST_GUILESS_MAIN(TestBuiltinTsm)
#include "test_builtin_tsm.moc"
