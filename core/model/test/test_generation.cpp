// Generation and candidate scoring against transformers' greedy output and against our
// own full forward pass.
#include "model_test_support.h"
#include "vitask/common/error.h"
#include "vitask/model/generation.h"
#include "vitask/model/llava_weights.h"
#include "vitask/model/safetensors.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <fstream>

namespace vm = vitask::model;
using vitask::model::test::fixturesDir;

namespace {

std::vector<int64_t> row(const torch::Tensor& ids, int64_t r) {
    const auto t = ids[r].contiguous();
    return {t.data_ptr<int64_t>(), t.data_ptr<int64_t>() + t.numel()};
}

}  // namespace

class TestGeneration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        model_ = vm::loadLlava(fixturesDir() / "tiny-llava");
        auto reference = vm::SafetensorsReader::open(fixturesDir() / "tiny_llava_reference.safetensors");
        ids_ = reference.tensor("input_ids").clone();
        pixels_ = reference.tensor("pixel_values").clone();
        std::ifstream notes(fixturesDir() / "tiny_llava_notes.json");
        expected_ = nlohmann::json::parse(notes)["generated_ids"][0].get<std::vector<int64_t>>();
    }

    // transformers' generate(max_new_tokens=12, min_new_tokens=12), greedy, sample 0.
    void greedyMatchesTransformers() {
        vm::GenerationOptions options;
        options.maxNewTokens = 12;
        options.minNewTokens = 12;
        const auto image = model_->encodeImages(pixels_.slice(0, 0, 1));
        const auto out = vm::generate(*model_, {row(ids_, 0)}, {{model_->config().imageTokenId, image}}, options);
        auto full = row(ids_, 0);
        full.insert(full.end(), out[0].tokens.begin(), out[0].tokens.end());
        QCOMPARE(full, expected_);
        QCOMPARE(out[0].finish, vm::FinishReason::Length);
        QCOMPARE(out[0].logProbs.size(), size_t(12));
        for (float lp : out[0].logProbs) QVERIFY(lp <= 0 && std::isfinite(lp));

        // Without min_new_tokens the model's EOS (id 2) ends the answer at step 7.
        options.minNewTokens = 0;
        const auto free = vm::generate(*model_, {row(ids_, 0)}, {{model_->config().imageTokenId, image}}, options);
        QCOMPARE(free[0].finish, vm::FinishReason::Stop);
        QCOMPARE(free[0].tokens.back(), int64_t(2));
        QCOMPARE(std::vector<int64_t>(free[0].tokens.begin(), free[0].tokens.end() - 1),
                 std::vector<int64_t>(expected_.begin() + 49, expected_.begin() + 49 + 6));
    }

    // Two prompts of different length in one left-padded batch give what each gives alone.
    void batchedEqualsSingle() {
        vm::GenerationOptions options;
        options.maxNewTokens = 8;
        auto shorter = row(ids_, 1);
        shorter.erase(shorter.end() - 3, shorter.end());  // drop "ASSISTANT:" pieces
        const auto images = model_->encodeImages(pixels_);
        const int64_t image = model_->config().imageTokenId;
        const auto batch = vm::generate(*model_, {row(ids_, 0), shorter}, {{image, images}}, options);
        const auto alone0 = vm::generate(*model_, {row(ids_, 0)}, {{image, images.slice(0, 0, 1)}}, options);
        const auto alone1 = vm::generate(*model_, {shorter}, {{image, images.slice(0, 1, 2)}}, options);
        QCOMPARE(batch[0].tokens, alone0[0].tokens);
        QCOMPARE(batch[1].tokens, alone1[0].tokens);
    }

    void stopsAtStopTokenAndStreams() {
        vm::GenerationOptions options;
        options.maxNewTokens = 12;
        options.stopTokenIds = {expected_[49 + 3]};  // the 4th generated token
        std::vector<int64_t> streamed;
        const auto image = model_->encodeImages(pixels_.slice(0, 0, 1));
        const auto out = vm::generate(*model_, {row(ids_, 0)}, {{model_->config().imageTokenId, image}}, options,
                                      [&](size_t, int64_t token) { streamed.push_back(token); return true; });
        QCOMPARE(out[0].tokens.size(), size_t(4));
        QCOMPARE(out[0].finish, vm::FinishReason::Stop);
        QCOMPARE(streamed, out[0].tokens);
    }

    void callbackCancels() {
        vm::GenerationOptions options;
        options.maxNewTokens = 12;
        int calls = 0;
        const auto image = model_->encodeImages(pixels_.slice(0, 0, 1));
        const auto out = vm::generate(*model_, {row(ids_, 0)}, {{model_->config().imageTokenId, image}}, options,
                                      [&](size_t, int64_t) { return ++calls < 2; });
        QCOMPARE(out[0].tokens.size(), size_t(2));
        QCOMPARE(out[0].finish, vm::FinishReason::Cancelled);
    }

    void samplingIsSeededAndFiltered() {
        vm::GenerationOptions options;
        options.maxNewTokens = 12;
        options.minNewTokens = 12;
        options.greedy = false;
        options.temperature = 1.5;
        options.seed = 7;
        const auto image = model_->encodeImages(pixels_.slice(0, 0, 1));
        const std::vector<vm::EmbeddingSubstitution> subs{{model_->config().imageTokenId, image}};
        const auto a = vm::generate(*model_, {row(ids_, 0)}, subs, options);
        const auto b = vm::generate(*model_, {row(ids_, 0)}, subs, options);
        QCOMPARE(a[0].tokens, b[0].tokens);
        options.seed = 8;
        const auto c = vm::generate(*model_, {row(ids_, 0)}, subs, options);
        QVERIFY(a[0].tokens != c[0].tokens);
        // top_k = 1 is greedy whatever the temperature.
        options.topK = 1;
        const auto k1 = vm::generate(*model_, {row(ids_, 0)}, subs, options);
        QCOMPARE(std::vector<int64_t>(expected_.begin() + 49, expected_.end()), k1[0].tokens);
        // A tiny top_p keeps only the most likely token, too.
        options.topK = 0;
        options.topP = 1e-6;
        const auto p = vm::generate(*model_, {row(ids_, 0)}, subs, options);
        QCOMPARE(k1[0].tokens, p[0].tokens);
    }

    // Shared-cache scoring equals log-likelihoods from full passes over prompt + candidate.
    void scoringMatchesFullPasses() {
        torch::NoGradGuard noGrad;
        const auto prompt = row(ids_, 0);
        const std::vector<std::vector<int64_t>> candidates{{373, 307, 2}, {305}, {400, 271, 404, 413, 2}};
        const auto image = model_->encodeImages(pixels_.slice(0, 0, 1));
        const auto scores = vm::scoreCandidates(*model_, prompt, {{model_->config().imageTokenId, image}}, candidates);
        QCOMPARE(scores.size(), candidates.size());
        double total = 0;
        for (size_t i = 0; i < candidates.size(); ++i) {
            auto sequence = prompt;
            sequence.insert(sequence.end(), candidates[i].begin(), candidates[i].end());
            const auto logits = model_->forward(torch::tensor(sequence).unsqueeze(0), pixels_.slice(0, 0, 1));
            const auto logProbs = logits[0].log_softmax(-1);
            double expected = 0;
            for (size_t j = 0; j < candidates[i].size(); ++j)
                expected += logProbs[prompt.size() - 1 + j][candidates[i][j]].item<double>();
            QVERIFY2(std::abs(scores[i].logLikelihood - expected) < 1e-4,
                     qPrintable(QStringLiteral("%1 vs %2").arg(scores[i].logLikelihood).arg(expected)));
            QCOMPARE(scores[i].tokens, static_cast<int64_t>(candidates[i].size()));
            total += scores[i].probability;
        }
        QVERIFY(std::abs(total - 1.0) < 1e-9);
    }

    void wrongPlaceholderCountIsAnError() {
        const auto image = model_->encodeImages(pixels_);  // two images for a one-image prompt
        QVERIFY_THROWS_EXCEPTION(vitask::Error,
                                 vm::generate(*model_, {row(ids_, 0)}, {{model_->config().imageTokenId, image}}, {}));
    }

private:
    vm::LlavaModel model_{nullptr};
    torch::Tensor ids_, pixels_;
    std::vector<int64_t> expected_;
};

QTEST_APPLESS_MAIN(TestGeneration)
#include "test_generation.moc"
