// LlavaConfig: the transformers 5 fixture and a published transformers 4 llava-hf config
// resolve to the architecture transformers builds (omitted keys take its defaults), the
// config round-trips through toJson, and every bad value is rejected naming its key.
#include "vitask/test/error_of.h"
#include "vitask/model/llava_config.h"

#include "vitask/common/error.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <fstream>
#include <functional>

namespace fs = std::filesystem;
using nlohmann::json;
using vitask::model::LlavaConfig;

using vitask::test::errorOf;

namespace {

fs::path fixtureConfig() {
    return fs::path(qEnvironmentVariable("VITASK_SHARED_DIR").toStdString()) /
           "fixtures/tiny-llava/config.json";
}

json fixtureJson() {
    std::ifstream in(fixtureConfig());
    return json::parse(in);
}

// llava-hf/llava-1.5-7b-hf/config.json as published (transformers 4.36 layout).
const char* kLlava15_7b = R"({
  "architectures": ["LlavaForConditionalGeneration"],
  "ignore_index": -100,
  "image_token_index": 32000,
  "model_type": "llava",
  "pad_token_id": 32001,
  "projector_hidden_act": "gelu",
  "text_config": {
    "architectures": ["LlamaForCausalLM"],
    "max_position_embeddings": 4096,
    "model_type": "llama",
    "rms_norm_eps": 1e-05,
    "torch_dtype": "float16",
    "vocab_size": 32064
  },
  "tie_word_embeddings": false,
  "torch_dtype": "float16",
  "transformers_version": "4.36.0.dev0",
  "vision_config": {
    "hidden_size": 1024,
    "image_size": 336,
    "intermediate_size": 4096,
    "model_type": "clip_vision_model",
    "num_attention_heads": 16,
    "num_hidden_layers": 24,
    "patch_size": 14,
    "projection_dim": 768,
    "vocab_size": 32000
  },
  "vision_feature_layer": -2,
  "vision_feature_select_strategy": "default",
  "vocab_size": 32064
})";

}  // namespace

class TestLlavaConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixtureLoads() {
        const LlavaConfig config = LlavaConfig::load(fixtureConfig());
        QCOMPARE(config.vision.numLayers, int64_t(3));
        QCOMPARE(config.vision.hiddenSize, int64_t(64));
        QCOMPARE(config.vision.intermediateSize, int64_t(128));
        QCOMPARE(config.vision.numHeads, int64_t(4));
        QCOMPARE(config.vision.imageSize, int64_t(32));
        QCOMPARE(config.vision.patchSize, int64_t(8));
        QCOMPARE(config.vision.numPatches(), int64_t(16));
        QCOMPARE(config.vision.hiddenAct, std::string("quick_gelu"));
        QCOMPARE(config.vision.layerNormEps, 1e-5);

        QCOMPARE(config.text.numLayers, int64_t(2));
        QCOMPARE(config.text.hiddenSize, int64_t(64));
        QCOMPARE(config.text.intermediateSize, int64_t(176));
        QCOMPARE(config.text.numHeads, int64_t(4));
        QCOMPARE(config.text.numKeyValueHeads, int64_t(2));
        QCOMPARE(config.text.headDim, int64_t(16));
        QCOMPARE(config.text.vocabSize, int64_t(520));
        QCOMPARE(config.text.maxPositionEmbeddings, int64_t(256));
        QCOMPARE(config.text.ropeTheta, 10000.0);
        QCOMPARE(config.text.rmsNormEps, 1e-5);
        QCOMPARE(config.text.hiddenAct, std::string("silu"));
        QCOMPARE(config.text.bosTokenId, int64_t(1));
        QCOMPARE(config.text.eosTokenId, int64_t(2));
        QVERIFY(!config.text.padTokenId);

        QCOMPARE(config.imageTokenId, int64_t(512));
        QCOMPARE(config.imageSeqLength, int64_t(16));
        QCOMPARE(config.visionFeatureLayer, int64_t(-2));
        QCOMPARE(config.visionFeatureSelectStrategy, std::string("default"));
        QCOMPARE(config.projectorHiddenAct, std::string("gelu"));
        QVERIFY(config.projectorBias);
        QVERIFY(!config.tieWordEmbeddings);
    }

    void publishedLlava15ConfigTakesTransformersDefaults() {
        const LlavaConfig config = LlavaConfig::fromJson(json::parse(kLlava15_7b), "7b.json");
        QCOMPARE(config.text.hiddenSize, int64_t(4096));
        QCOMPARE(config.text.numLayers, int64_t(32));
        QCOMPARE(config.text.numHeads, int64_t(32));
        QCOMPARE(config.text.numKeyValueHeads, int64_t(32));
        QCOMPARE(config.text.headDim, int64_t(128));
        QCOMPARE(config.text.intermediateSize, int64_t(11008));
        QCOMPARE(config.text.vocabSize, int64_t(32064));
        QCOMPARE(config.text.maxPositionEmbeddings, int64_t(4096));
        QCOMPARE(config.text.ropeTheta, 10000.0);
        QCOMPARE(config.text.rmsNormEps, 1e-5);
        QCOMPARE(config.vision.hiddenSize, int64_t(1024));
        QCOMPARE(config.vision.numLayers, int64_t(24));
        QCOMPARE(config.vision.hiddenAct, std::string("quick_gelu"));  // CLIP's default
        QCOMPARE(config.imageTokenId, int64_t(32000));
        QCOMPARE(config.imageSeqLength, int64_t(576));
        QCOMPARE(config.visionFeatureLayer, int64_t(-2));
    }

    void omittedSubConfigsTakeLlavaDefaults() {
        const LlavaConfig config = LlavaConfig::fromJson({{"model_type", "llava"}}, "min.json");
        // LlavaConfig builds CLIP ViT-L/14-336 and a default LlamaConfig.
        QCOMPARE(config.vision.hiddenSize, int64_t(1024));
        QCOMPARE(config.vision.intermediateSize, int64_t(4096));
        QCOMPARE(config.vision.numLayers, int64_t(24));
        QCOMPARE(config.vision.numHeads, int64_t(16));
        QCOMPARE(config.vision.imageSize, int64_t(336));
        QCOMPARE(config.vision.patchSize, int64_t(14));
        QCOMPARE(config.text.hiddenSize, int64_t(4096));
        QCOMPARE(config.text.vocabSize, int64_t(32000));
        QCOMPARE(config.text.rmsNormEps, 1e-6);
        QCOMPARE(config.imageTokenId, int64_t(32000));
        QCOMPARE(config.imageSeqLength, int64_t(576));
        QCOMPARE(config.projectorHiddenAct, std::string("gelu"));

        // An explicit but sparse vision_config starts from CLIPVisionConfig's defaults.
        const LlavaConfig sparse = LlavaConfig::fromJson(
            {{"model_type", "llava"}, {"vision_config", json::object()}}, "sparse.json");
        QCOMPARE(sparse.vision.hiddenSize, int64_t(768));
        QCOMPARE(sparse.vision.imageSize, int64_t(224));
        QCOMPARE(sparse.vision.patchSize, int64_t(32));
        QCOMPARE(sparse.imageSeqLength, int64_t(49));
    }

    void transformers4RopeThetaAndAliasesAreRead() {
        json config = json::parse(kLlava15_7b);
        config["text_config"]["rope_theta"] = 500000.0;
        config["text_config"]["rope_scaling"] = nullptr;
        config["text_config"]["num_key_value_heads"] = 8;
        config["text_config"]["tie_word_embeddings"] = true;
        config.erase("image_token_index");
        config["image_token_id"] = 32010;
        const LlavaConfig parsed = LlavaConfig::fromJson(config, "t4.json");
        QCOMPARE(parsed.text.ropeTheta, 500000.0);
        QCOMPARE(parsed.text.numKeyValueHeads, int64_t(8));
        QCOMPARE(parsed.imageTokenId, int64_t(32010));
        QVERIFY(parsed.tieWordEmbeddings);  // forwarded from text_config like transformers
    }

    void fullStrategyKeepsTheClsToken() {
        json config = fixtureJson();
        config["vision_feature_select_strategy"] = "full";
        config.erase("image_seq_length");
        QCOMPARE(LlavaConfig::fromJson(config, "full.json").imageSeqLength, int64_t(17));
        config["image_seq_length"] = 17;
        QCOMPARE(LlavaConfig::fromJson(config, "full.json").imageSeqLength, int64_t(17));
    }

    void toJsonRoundTrips() {
        const LlavaConfig fixture = LlavaConfig::load(fixtureConfig());
        LlavaConfig custom = LlavaConfig::fromJson(json::parse(kLlava15_7b), "7b.json");
        custom.text.padTokenId = 32001;
        custom.text.ropeTheta = 1234567.891011;
        custom.text.rmsNormEps = 1.0 / 3.0;
        custom.vision.hiddenAct = "gelu_pytorch_tanh";
        custom.projectorBias = false;
        custom.visionFeatureLayer = -1;
        for (const LlavaConfig& original : {fixture, custom}) {
            const json written = original.toJson();
            const LlavaConfig reread = LlavaConfig::fromJson(written, "written.json");
            QCOMPARE(reread.toJson(), written);
            QCOMPARE(reread.text.ropeTheta, original.text.ropeTheta);
            QCOMPARE(reread.text.rmsNormEps, original.text.rmsNormEps);
            QCOMPARE(reread.text.padTokenId, original.text.padTokenId);
            QCOMPARE(reread.vision.hiddenAct, original.vision.hiddenAct);
            QCOMPARE(reread.projectorBias, original.projectorBias);
            QCOMPARE(reread.imageSeqLength, original.imageSeqLength);
            QCOMPARE(written["text_config"]["rope_parameters"]["rope_theta"].get<double>(),
                     original.text.ropeTheta);  // the transformers 5 layout
        }
    }

    void badValuesAreRejectedNamingTheKey_data() {
        QTest::addColumn<QString>("pointer");   // JSON pointer to change
        QTest::addColumn<QString>("value");     // its new value, as JSON ("-" removes it)
        QTest::addColumn<QString>("expected");  // fragment the message must hold
        const auto row = [](const char* name, const char* pointer, const char* value,
                            const char* expected) {
            QTest::newRow(name) << pointer << value << expected;
        };
        row("type int", "/text_config/hidden_size", R"("64")", "text_config.hidden_size");
        row("type float", "/vision_config/image_size", "32.5", "vision_config.image_size");
        row("type bool", "/multimodal_projector_bias", "1", "multimodal_projector_bias");
        row("type string", "/projector_hidden_act", "3", "projector_hidden_act");
        row("type object", "/text_config", "[1]", "text_config");
        row("type rope theta", "/text_config/rope_parameters/rope_theta", R"("big")",
            "text_config.rope_parameters.rope_theta");
        row("model type", "/model_type", R"("llava_next")", "model_type");
        row("text model type", "/text_config/model_type", R"("mistral")",
            "text_config.model_type");
        row("vision model type", "/vision_config/model_type", R"("siglip_vision_model")",
            "vision_config.model_type");
        row("rope scaling", "/text_config/rope_scaling", R"({"type":"linear","factor":2.0})",
            "text_config.rope_scaling");
        row("rope type", "/text_config/rope_parameters/rope_type", R"("llama3")",
            "text_config.rope_parameters");
        row("vision act", "/vision_config/hidden_act", R"("tanh")", "vision_config.hidden_act");
        row("text act", "/text_config/hidden_act", R"("gelu")", "text_config.hidden_act");
        row("projector act", "/projector_hidden_act", R"("swiglu")", "projector_hidden_act");
        row("text heads", "/text_config/hidden_size", "66", "text_config.num_attention_heads");
        row("vision heads", "/vision_config/num_attention_heads", "5",
            "vision_config.num_attention_heads");
        row("kv heads", "/text_config/num_key_value_heads", "3",
            "text_config.num_key_value_heads");
        row("patch", "/vision_config/image_size", "30", "vision_config.patch_size");
        row("zero layers", "/vision_config/num_hidden_layers", "0",
            "vision_config.num_hidden_layers");
        row("strategy", "/vision_feature_select_strategy", R"("cls_patch")",
            "vision_feature_select_strategy");
        row("layer list", "/vision_feature_layer", "[-2,-5]", "not supported yet");
        row("layer range", "/vision_feature_layer", "-5", "vision_feature_layer");
        row("seq length", "/image_seq_length", "17", "image_seq_length");
        row("image token", "/image_token_index", "-1", "image_token_index");
        row("eos list", "/text_config/eos_token_id", "[2,3]", "text_config.eos_token_id");
        row("bos null", "/text_config/bos_token_id", "null", "text_config.bos_token_id");
    }

    void badValuesAreRejectedNamingTheKey() {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        json config = fixtureJson();
        config[json::json_pointer(pointer.toStdString())] = json::parse(value.toStdString());
        const QString message = errorOf([&] { LlavaConfig::fromJson(config, "bad/config.json"); });
        QVERIFY2(message.startsWith("bad/config.json: "), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void unsupportedModelTypeSaysWhatIsSupported() {
        json config = fixtureJson();
        config["model_type"] = "llava_next";
        const QString message = errorOf([&] { LlavaConfig::fromJson(config, "c.json"); });
        QVERIFY2(message.contains("\"llava_next\"") && message.contains("Only \"llava\""),
                 qPrintable(message));
    }

    void loadNamesTheFile() {
        QTemporaryDir dir;
        const fs::path missing = fs::path(dir.path().toStdString()) / "config.json";
        QVERIFY(errorOf([&] { LlavaConfig::load(missing); })
                    .contains(QString::fromStdString(missing.string())));
        std::ofstream(missing) << R"({"model_type": "llava",)";
        const QString message = errorOf([&] { LlavaConfig::load(missing); });
        QVERIFY2(message.contains(QString::fromStdString(missing.string())) &&
                     message.contains("not valid JSON"),
                 qPrintable(message));
        QVERIFY(errorOf([&] { LlavaConfig::fromJson(json::array(), "x.json"); })
                    .contains("x.json"));
    }
};

QTEST_APPLESS_MAIN(TestLlavaConfig)
#include "test_llava_config.moc"
