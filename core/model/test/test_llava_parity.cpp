// Parity with Hugging Face transformers 5.17 (../shared/fixtures, float32, CPU): the same
// checkpoint, the same inputs, the same numbers.
#include "model_test_support.h"
#include "vitask/common/error.h"
#include "vitask/model/llava_weights.h"
#include "vitask/model/safetensors.h"

#include <QtTest>

namespace vm = vitask::model;
using vitask::model::test::fixturesDir;
using vitask::model::test::maxAbsDiff;

class TestLlavaParity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        model_ = vm::loadLlava(fixturesDir() / "tiny-llava");
        reference_ = std::make_unique<vm::SafetensorsReader>(
            vm::SafetensorsReader::open(fixturesDir() / "tiny_llava_reference.safetensors"));
    }

    void visionHiddenStatesMatch() {
        torch::NoGradGuard noGrad;
        const auto pixels = reference_->tensor("pixel_values");
        const double penultimate = maxAbsDiff(model_->vision_tower->hiddenState(pixels, -2),
                                              reference_->tensor("vision_hidden_layer_m2"));
        const double last = maxAbsDiff(model_->vision_tower->hiddenState(pixels, -1),
                                       reference_->tensor("vision_last_hidden_state"));
        qInfo("vision max abs diff: layer -2 %.3g, last %.3g", penultimate, last);
        QVERIFY(penultimate <= 1e-4);
        QVERIFY(last <= 1e-4);
    }

    void projectedImageFeaturesMatch() {
        torch::NoGradGuard noGrad;
        const auto projected = model_->encodeImages(reference_->tensor("pixel_values"));
        QCOMPARE(projected.sizes(), reference_->tensor("projected_image_features").sizes());
        const double diff = maxAbsDiff(projected, reference_->tensor("projected_image_features"));
        qInfo("projector max abs diff %.3g", diff);
        QVERIFY(diff <= 1e-4);
    }

    void logitsMatch() {
        torch::NoGradGuard noGrad;
        const auto logits = model_->forward(reference_->tensor("input_ids"), reference_->tensor("pixel_values"));
        QCOMPARE(logits.sizes(), reference_->tensor("logits").sizes());
        const double diff = maxAbsDiff(logits, reference_->tensor("logits"));
        qInfo("logits max abs diff %.3g", diff);
        QVERIFY(diff <= 1e-4);
    }

    // decodeAt (the last layer run for some positions only, as training and scoring use
    // it) gives transformers' logits at those positions, in the order asked.
    void logitsAtChosenPositionsMatch() {
        torch::NoGradGuard noGrad;
        const auto ids = reference_->tensor("input_ids");
        const auto embeddings =
            model_->embedInputs(ids, {{model_->config().imageTokenId, model_->encodeImages(reference_->tensor("pixel_values"))}});
        const auto mask = torch::ones_like(ids, torch::kBool);
        const int64_t last = ids.size(1) - 1;
        const auto index = torch::tensor({last, int64_t{3}, last - 1, int64_t{3}}, torch::kLong).expand({ids.size(0), 4});
        const auto logits = model_->logits(model_->decodeAt(embeddings, vm::positionsFromMask(mask), mask, index));
        const auto expected = reference_->tensor("logits").index_select(1, index[0]);
        QCOMPARE(logits.sizes(), expected.sizes());
        const double diff = maxAbsDiff(logits, expected);
        qInfo("logits at chosen positions max abs diff %.3g", diff);
        QVERIFY(diff <= 1e-4);
    }

    // Row 1 left-padded by 5 masked tokens gives the same logits on its real tokens (row 0
    // gets 5 extra real tokens, which only keeps the batch rectangular).
    void leftPaddingDoesNotChangeLogits() {
        torch::NoGradGuard noGrad;
        const auto ids = reference_->tensor("input_ids");
        const auto pixels = reference_->tensor("pixel_values");
        const int64_t pad = 5;
        const auto padded = torch::cat({torch::zeros({2, pad}, ids.options()), ids}, 1);
        auto mask = torch::ones_like(padded);
        mask.slice(1, 0, pad).select(0, 1).zero_();
        const auto ref = model_->forward(ids, pixels);
        const auto out = model_->forward(padded, pixels, mask);
        QVERIFY(maxAbsDiff(out[1].slice(0, pad), ref[1]) <= 1e-4);
        QVERIFY(torch::isfinite(out).all().item().toBool());
    }

    // Prefill with a cache, then one token at a time: the same logits as one full pass.
    void kvCacheMatchesFullPass() {
        torch::NoGradGuard noGrad;
        const auto ids = reference_->tensor("input_ids");
        const auto pixels = reference_->tensor("pixel_values");
        const auto full = model_->forward(ids, pixels);

        const auto embeddings = model_->embedInputs(ids, {{model_->config().imageTokenId, model_->encodeImages(pixels)}});
        const int64_t prefix = 30, total = ids.size(1);
        auto cache = model_->language_model->makeCache(2, total, embeddings.options());
        const auto mask = torch::ones({2, total}, torch::kBool);
        const auto positions = torch::arange(total).unsqueeze(0).expand({2, total});
        auto hidden = model_->decode(embeddings.slice(1, 0, prefix), positions.slice(1, 0, prefix),
                                     mask.slice(1, 0, prefix), &cache);
        QVERIFY(maxAbsDiff(model_->logits(hidden), full.slice(1, 0, prefix)) <= 1e-4);
        for (int64_t t = prefix; t < total; ++t) {
            hidden = model_->decode(embeddings.slice(1, t, t + 1), positions.slice(1, t, t + 1),
                                    mask.slice(1, 0, t + 1), &cache);
            QVERIFY2(maxAbsDiff(model_->logits(hidden), full.slice(1, t, t + 1)) <= 1e-4,
                     qPrintable(QStringLiteral("position %1").arg(t)));
        }
        QCOMPARE(cache.length(), total);
    }

    void missingOrMisshapedTensorsAreNamed() {
        auto config = model_->config();
        config.text.intermediateSize = 100;  // the checkpoint has 176
        vm::LlavaModel wrong(config);
        try {
            vm::loadLlavaWeights(*wrong, vm::SafetensorsReader::open(fixturesDir() / "tiny-llava"));
            QFAIL("loaded mis-shaped weights");
        } catch (const vitask::Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find("mlp.") != std::string::npos && message.find("176") != std::string::npos &&
                         message.find("100") != std::string::npos,
                     message.c_str());
        }
    }

    void checkpointNamesMapToParameters() {
        QCOMPARE(vm::parameterNameFor("vision_tower.vision_model.encoder.layers.0.mlp.fc1.weight"),
                 std::string("vision_tower.encoder.layers.0.mlp.fc1.weight"));
        QCOMPARE(vm::parameterNameFor("model.vision_tower.vision_model.post_layernorm.bias"),
                 std::string("vision_tower.post_layernorm.bias"));
        QCOMPARE(vm::parameterNameFor("language_model.model.layers.1.self_attn.q_proj.weight"),
                 std::string("language_model.layers.1.self_attn.q_proj.weight"));
        QCOMPARE(vm::parameterNameFor("model.language_model.norm.weight"), std::string("language_model.norm.weight"));
        QCOMPARE(vm::parameterNameFor("language_model.lm_head.weight"), std::string("lm_head.weight"));
        QCOMPARE(vm::parameterNameFor("lm_head.weight"), std::string("lm_head.weight"));
        QCOMPARE(vm::parameterNameFor("vision_tower.vision_model.embeddings.position_ids"), std::string());
    }

private:
    vm::LlavaModel model_{nullptr};
    std::unique_ptr<vm::SafetensorsReader> reference_;
};

QTEST_APPLESS_MAIN(TestLlavaParity)
#include "test_llava_parity.moc"
