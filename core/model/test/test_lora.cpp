// LoRA adapters: peft's initialisation, merge arithmetic and file layout, checked
// against an independent numpy computation from the saved files.
// Reference: Debian 12 has no python3-peft, so PEFT itself cannot run here. The layout is
// the one PEFT documents in "PEFT checkpoint format" (docs/source/developer_guides/
// checkpoint.md of huggingface/peft): adapter_config.json with peft_type "LORA", r,
// lora_alpha and target_modules; adapter_model.safetensors holding only the adapters,
// keyed "base_model.model.<module>.lora_A.weight" / ".lora_B.weight" with the adapter
// name ("default") stripped, where <module> is the base model's module name (here the
// published llava-hf names of the fixture, ../shared/fixtures/tiny-llava). The merge
// follows PEFT's LoraLayer: W + (lora_alpha / r) * B @ A.
#include "model_test_support.h"
#include "vitask/common/error.h"
#include "vitask/model/llava_weights.h"
#include "vitask/model/lora.h"
#include "vitask/model/safetensors.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace vm = vitask::model;
using vitask::model::test::fixturesDir;
using vitask::model::test::maxAbsDiff;

namespace {

// Gives every adapter's B random values (fresh adapters have B = 0).
void randomizeB(torch::nn::Module& model) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(3);
    const auto parameters = vm::loraParameters(model);
    for (size_t i = 1; i < parameters.size(); i += 2) parameters[i].normal_(0, 0.05);
}

}  // namespace

class TestLora : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        model_ = vm::loadLlava(fixturesDir() / "tiny-llava");
        auto reference = vm::SafetensorsReader::open(fixturesDir() / "tiny_llava_reference.safetensors");
        ids_ = reference.tensor("input_ids").clone();
        pixels_ = reference.tensor("pixel_values").clone();
    }

    void freshAdaptersChangeNothing() {
        torch::NoGradGuard noGrad;
        const auto before = model_->forward(ids_, pixels_);
        vm::LoraConfig config;
        config.shape.rank = 4;
        QCOMPARE(vm::addLoraAdapters(*model_, config), size_t(2 * 7));
        QCOMPARE(vm::loraParameters(*model_).size(), size_t(2 * 2 * 7));
        QVERIFY(maxAbsDiff(model_->forward(ids_, pixels_), before) == 0.0);
    }

    void mergeEqualsUnmergedAndUnmergeRestores() {
        torch::NoGradGuard noGrad;
        const auto base = model_->forward(ids_, pixels_);
        const auto originalQ = model_->language_model->layers->ptr<vm::LlamaDecoderLayerImpl>(0)->self_attn->q_proj->weight.clone();
        vm::LoraConfig config;
        config.shape = {8, 16, 0.0, false};
        vm::addLoraAdapters(*model_, config);
        randomizeB(*model_);
        const auto adapted = model_->forward(ids_, pixels_);
        QVERIFY(maxAbsDiff(adapted, base) > 1e-3);
        vm::mergeLoraAdapters(*model_);
        QVERIFY(maxAbsDiff(model_->forward(ids_, pixels_), adapted) <= 1e-5);
        QVERIFY_THROWS_EXCEPTION(vitask::Error, vm::mergeLoraAdapters(*model_));
        vm::unmergeLoraAdapters(*model_);
        const auto& q = model_->language_model->layers->ptr<vm::LlamaDecoderLayerImpl>(0)->self_attn->q_proj->weight;
        QVERIFY(maxAbsDiff(q, originalQ) <= 1e-6);
    }

    // Saved in peft's layout; a numpy reading of the files gives the merged weight we compute.
    void savesPeftLayoutThatNumpyMerges() {
        QTemporaryDir dir;
        const auto adapter = std::filesystem::path(dir.path().toStdString()) / "adapter";
        vm::LoraConfig config;
        config.shape = {4, 8, 0.1, false};
        config.targetModules = {"q_proj", "v_proj"};
        vm::addLoraAdapters(*model_, config);
        randomizeB(*model_);
        vm::saveLoraAdapter(*model_, config, adapter);

        std::ifstream configFile(adapter / "adapter_config.json");
        const auto json = nlohmann::json::parse(configFile);
        QCOMPARE(json["peft_type"].get<std::string>(), std::string("LORA"));
        QCOMPARE(json["r"].get<int>(), 4);
        QCOMPARE(json["lora_alpha"].get<double>(), 8.0);
        QCOMPARE(json["target_modules"].get<std::vector<std::string>>(), config.targetModules);
        const auto saved = vm::SafetensorsReader::open(adapter / "adapter_model.safetensors");
        QCOMPARE(saved.names().size(), size_t(2 * 2 * 2));
        const std::string key = "base_model.model.language_model.model.layers.1.self_attn.v_proj";
        QVERIFY(saved.contains(key + ".lora_A.weight"));
        QCOMPARE(saved.entry(key + ".lora_A.weight").shape, (std::vector<int64_t>{4, 64}));
        QCOMPARE(saved.entry(key + ".lora_B.weight").shape, (std::vector<int64_t>{32, 4}));
        // Every key is PEFT's: the prefix, a module of the base checkpoint (its ".weight" is
        // there) and lora_A/lora_B without an adapter name; nothing of the base model.
        const auto base = vm::SafetensorsReader::open(fixturesDir() / "tiny-llava" / "model.safetensors");
        const std::string prefix = "base_model.model.";
        for (const auto& name : saved.names()) {
            QVERIFY2(name.rfind(prefix, 0) == 0, name.c_str());
            const bool a = name.size() > 14 && name.compare(name.size() - 14, 14, ".lora_A.weight") == 0;
            const bool b = name.size() > 14 && name.compare(name.size() - 14, 14, ".lora_B.weight") == 0;
            QVERIFY2(a || b, name.c_str());
            const std::string module = name.substr(prefix.size(), name.size() - prefix.size() - 14);
            QVERIFY2(base.contains(module + ".weight"), name.c_str());
            QVERIFY2(module.size() > 7 && (module.compare(module.size() - 7, 7, ".q_proj") == 0 ||
                                           module.compare(module.size() - 7, 7, ".v_proj") == 0),
                     name.c_str());
        }

        vm::mergeLoraAdapters(*model_);
        const auto merged = model_->language_model->layers->ptr<vm::LlamaDecoderLayerImpl>(1)->self_attn->v_proj->weight;
        const auto ours = std::filesystem::path(dir.path().toStdString()) / "merged.safetensors";
        vm::writeSafetensors(ours, {{"w", merged.detach()}});

        const QString script = QStringLiteral(R"(
import json, sys, numpy as np
def read(path):
    raw = open(path, 'rb').read()
    n = int.from_bytes(raw[:8], 'little'); header = json.loads(raw[8:8+n]); out = {}
    for name, e in header.items():
        if name == '__metadata__': continue
        a, b = e['data_offsets']
        out[name] = np.frombuffer(raw[8+n+a:8+n+b], dtype=np.float32).reshape(e['shape'])
    return out
base = read(sys.argv[1]); ad = read(sys.argv[2] + '/adapter_model.safetensors')
cfg = json.load(open(sys.argv[2] + '/adapter_config.json'))
k = 'base_model.model.language_model.model.layers.1.self_attn.v_proj'
w = base['language_model.model.layers.1.self_attn.v_proj.weight'] + cfg['lora_alpha'] / cfg['r'] * (ad[k + '.lora_B.weight'] @ ad[k + '.lora_A.weight'])
print(float(np.abs(w - read(sys.argv[3])['w']).max()))
)");
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"), script, QString::fromStdString((fixturesDir() / "tiny-llava" / "model.safetensors").string()),
                      QString::fromStdString(adapter.string()), QString::fromStdString(ours.string())});
        QVERIFY(python.waitForFinished(60000));
        const QString output = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
        QVERIFY2(python.exitCode() == 0, qPrintable(python.readAllStandardError()));
        QVERIFY2(output.toDouble() <= 1e-6, qPrintable(output));
    }

    void loadedAdapterReproducesOutputs() {
        torch::NoGradGuard noGrad;
        QTemporaryDir dir;
        const auto adapter = std::filesystem::path(dir.path().toStdString());
        vm::LoraConfig config;
        config.targetRegex = R"(language_model\.model\.layers\.\d+\.mlp\.(gate|down)_proj)";
        QCOMPARE(vm::addLoraAdapters(*model_, config), size_t(4));
        randomizeB(*model_);
        const auto expected = model_->forward(ids_, pixels_);
        vm::saveLoraAdapter(*model_, config, adapter);

        auto fresh = vm::loadLlava(fixturesDir() / "tiny-llava");
        const auto loaded = vm::loadLoraAdapter(*fresh, adapter);
        QCOMPARE(loaded.targetRegex, config.targetRegex);
        QVERIFY(maxAbsDiff(fresh->forward(ids_, pixels_), expected) <= 1e-6);
    }

    void badAdaptersAreRejectedWithReasons() {
        QTemporaryDir dir;
        const auto adapter = std::filesystem::path(dir.path().toStdString());
        vm::LoraConfig config;
        config.shape.rank = 4;
        vm::addLoraAdapters(*model_, config);
        vm::saveLoraAdapter(*model_, config, adapter);

        auto expectError = [&](const nlohmann::json& edit, const std::string& needle) {
            auto json = config.toPeftJson();
            json.update(edit);
            std::ofstream(adapter / "adapter_config.json") << json.dump();
            auto fresh = vm::loadLlava(fixturesDir() / "tiny-llava");
            try {
                vm::loadLoraAdapter(*fresh, adapter);
                QFAIL(("accepted " + edit.dump()).c_str());
            } catch (const vitask::Error& e) {
                QVERIFY2(std::string(e.what()).find(needle) != std::string::npos, e.what());
            }
        };
        expectError({{"r", 8}}, "tensor has shape [4, 176], expected [8, 176]");
        expectError({{"target_modules", {"no_such_proj"}}}, "target_modules");
        expectError({{"target_modules", {"q_proj"}}}, "does not select");
        expectError({{"use_dora", true}}, "use_dora");
        expectError({{"bias", "all"}}, "bias");
    }

private:
    vm::LlavaModel model_{nullptr};
    torch::Tensor ids_, pixels_;
};

QTEST_APPLESS_MAIN(TestLora)
#include "test_lora.moc"
