// The pipeline a user meets: prompt building as LlavaProcessor does, CLIP preprocessing
// as CLIPImageProcessor does (checked against PIL), answers, streaming, saving.
#include "model_test_support.h"
#include "vitask/common/error.h"
#include "vitask/model/llava_pipeline.h"
#include "vitask/model/llava_weights.h"
#include "vitask/model/safetensors.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace vm = vitask::model;
using vitask::model::test::fixturesDir;

namespace {

// transformers' CLIPImageProcessor pipeline written with PIL and numpy: resize the short
// side with PIL bicubic on uint8, centre-crop, rescale, normalise. Writes the input image
// and the expected output as safetensors.
const char* kPilReference = R"(
import json, sys, numpy as np
from PIL import Image
def save(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, a in tensors.items():
        b = np.ascontiguousarray(a).tobytes()
        header[name] = {'dtype': {'uint8': 'U8', 'float32': 'F32'}[str(a.dtype)], 'shape': list(a.shape),
                        'data_offsets': [offset, offset + len(b)]}
        blobs.append(b); offset += len(b)
    h = json.dumps(header).encode(); h += b' ' * ((8 - len(h) % 8) % 8)
    open(path, 'wb').write(len(h).to_bytes(8, 'little') + h + b''.join(blobs))
rng = np.random.default_rng(0)
h, w, size, crop = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
y, x = np.mgrid[0:h, 0:w]
img = np.stack([127 + 120 * np.sin(x / 7.0), 127 + 120 * np.cos(y / 11.0), (x * 3 + y * 5) % 256], -1)
img = np.clip(img + rng.normal(0, 20, img.shape), 0, 255).astype(np.uint8)
short, long_ = (h, w) if h <= w else (w, h)
new_long = int(size * long_ / short)
out_h, out_w = (size, new_long) if h <= w else (new_long, size)
r = np.asarray(Image.fromarray(img).resize((out_w, out_h), Image.BICUBIC)).astype(np.float32)
top, left = (out_h - crop) // 2, (out_w - crop) // 2
r = r[top:top + crop, left:left + crop] / 255.0
mean = np.array([0.48145466, 0.4578275, 0.40821073], np.float32); std = np.array([0.26862954, 0.26130258, 0.27577711], np.float32)
save(sys.argv[1], {'image': img, 'expected': ((r - mean) / std).transpose(2, 0, 1).astype(np.float32)})
)";

}  // namespace

class TestLlavaPipeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { pipeline_ = std::make_unique<vm::LlavaPipeline>(vm::LlavaPipeline::load(fixturesDir() / "tiny-llava")); }

    // The fixture's prompt, built by our template, tokenizes to transformers' input_ids.
    void promptMatchesTransformers() {
        std::ifstream notes(fixturesDir() / "tiny_llava_notes.json");
        const auto prompt = nlohmann::json::parse(notes)["prompt"].get<std::string>();
        const std::string question = "Analyze the given dermatoscope image for diagnosis.";
        QCOMPARE(vm::LlavaPipeline::conversation(question), prompt);
        const auto ids = vm::SafetensorsReader::open(fixturesDir() / "tiny_llava_reference.safetensors").tensor("input_ids")[0];
        QCOMPARE(pipeline_->promptIds(question), std::vector<int64_t>(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + ids.numel()));
    }

    void preprocessingMatchesPil_data() {
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::newRow("landscape, shrink") << 61 << 97;
        QTest::newRow("portrait, shrink") << 90 << 45;
        QTest::newRow("enlarge") << 20 << 24;
    }
    void preprocessingMatchesPil() {
        QFETCH(int, height);
        QFETCH(int, width);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("pil.safetensors"));
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromLatin1(kPilReference), file,
                                                           QString::number(height), QString::number(width),
                                                           QStringLiteral("32"), QStringLiteral("32")});
        QVERIFY(python.waitForFinished(60000));
        if (python.exitCode() != 0 && python.readAllStandardError().contains("No module named 'PIL'"))
            QFAIL("/usr/bin/python3 has no PIL: install python3-pil (scripts/install-deps.sh installs it)");
        QCOMPARE(python.exitCode(), 0);
        const auto reference = vm::SafetensorsReader::open(file.toStdString());
        const auto image = reference.tensor("image").permute({2, 0, 1}).to(torch::kFloat32) / 255.0;
        const auto ours = pipeline_->imageProcessor()(image);
        const auto expected = reference.tensor("expected");
        QCOMPARE(ours.sizes(), expected.sizes());
        // Differences in 8-bit levels (one level = one rounding step of PIL's output):
        const double maxLevels = ((ours - expected).abs() * 0.27 * 255).max().item<double>();
        const double meanLevels = ((ours - expected).abs() * 0.27 * 255).mean().item<double>();
        qInfo("vs PIL: max %.2f, mean %.3f 8-bit levels", maxLevels, meanLevels);
        QVERIFY(maxLevels <= 1.1);
        QVERIFY(meanLevels <= 0.01);
    }

    void streamedTextIsTheAnswer() {
        vm::GenerationOptions options;
        options.maxNewTokens = 12;
        options.minNewTokens = 12;
        std::string streamed;
        const auto image = torch::rand({3, 40, 50});
        const auto answer = pipeline_->ask(image, "What is shown?", options, [&](const std::string& text) {
            streamed += text;
            return true;
        });
        QCOMPARE(answer.tokens.size(), size_t(12));
        QCOMPARE(answer.text, pipeline_->tokenizer().decode(answer.tokens));
        QCOMPARE(streamed, answer.text);
        QCOMPARE(answer.promptIds, pipeline_->promptIds("What is shown?"));
    }

    void saveAndLoadRoundTripExactly() {
        QTemporaryDir dir;
        const auto folder = std::filesystem::path(dir.path().toStdString()) / "checkpoint";
        pipeline_->save(folder);
        for (const char* name : {"config.json", "model.safetensors", "tokenizer.model", "added_tokens.json", "tokenizer_config.json"})
            QVERIFY2(std::filesystem::exists(folder / name), name);
        auto reloaded = vm::LlavaPipeline::load(folder);
        auto original = pipeline_->model()->named_parameters();
        auto copy = reloaded.model()->named_parameters();
        QCOMPARE(copy.size(), original.size());
        for (const auto& item : original) QVERIFY2(torch::equal(item.value(), copy[item.key()]), item.key().c_str());
        QCOMPARE(vm::LlavaConfig::load(folder / "config.json").toJson(), pipeline_->model()->config().toJson());
        // Saved under the published names that transformers 4 and 5 both read.
        const auto names = vm::SafetensorsReader::open(folder / "model.safetensors").names();
        QVERIFY(std::find(names.begin(), names.end(), "vision_tower.vision_model.post_layernorm.weight") != names.end());
        QVERIFY(std::find(names.begin(), names.end(), "language_model.lm_head.weight") != names.end());
    }

    void mismatchedTokenizerIsReported() {
        QTemporaryDir dir;
        const auto folder = std::filesystem::path(dir.path().toStdString());
        pipeline_->save(folder);
        std::ofstream(folder / "added_tokens.json") << R"({"<image>": 511})";
        try {
            vm::LlavaPipeline::load(folder);
            QFAIL("loaded a tokenizer whose <image> id differs from the model's");
        } catch (const vitask::Error& e) {
            QVERIFY2(std::string(e.what()).find("added_tokens.json") != std::string::npos, e.what());
        }
    }

private:
    std::unique_ptr<vm::LlavaPipeline> pipeline_;
};

QTEST_APPLESS_MAIN(TestLlavaPipeline)
#include "test_llava_pipeline.moc"
