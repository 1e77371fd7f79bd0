// VLM engine benchmark on CPU (issue 4): a small LLaVA (random weights, fixed seed) saved
// as a Hugging Face folder (config.json + model.safetensors), loaded back with loadLlava,
// and run by vitask::model and by a plain-PyTorch eager peer (llava_cpu_peer.py, run with
// /usr/bin/python3 and Debian's python3-torch) on the same weights, prompt ids and pixels
// (written to inputs.safetensors), with the same thread count.
//
// Measured on both sides the same way, from the start of the image encoding:
//   prefill_ms   until the first new token is known (vision tower, projector, prompt pass
//                over image + text tokens, output head for the last position, argmax);
//   decode       tokens/s over the following --new-tokens tokens (one cached step each),
//                EOS suppressed so every run has the same length (min_new_tokens).
// --runs alternating pairs (ours, peer, ours, peer, ...; ours warmed up once, each peer
// run a fresh process that warms up first); medians per side and the median of the
// per-pair ratios, with min-max. The greedy tokens of both sides are compared
// (same_tokens). Ratios, not absolute times, are the point: the peer runs in the same
// invocation on the same machine, alternating with ours.
//
// The peer is our own transcription of transformers' LLaVA, not transformers. Before
// anything is timed it runs on the tiny LLaVA of --fixtures (../shared/fixtures) and is
// compared with what transformers computed there (logits of a full pass and of cached
// one-token steps, greedy ids); the differences go into the JSON (peer_parity) and the
// benchmark fails when a logit differs by more than 1e-4 or an id differs.
//
// usage: bench_llava_cpu [--threads N] [--runs N] [--new-tokens N] [--text-tokens N]
//                        [--fixtures FOLDER] [--dir FOLDER] [--keep]
#include "bench_support.h"
#include "vitask/model/generation.h"
#include "vitask/model/llava_weights.h"
#include "vitask/model/safetensors.h"

#include <ATen/Parallel.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

namespace fs = std::filesystem;
namespace vm = vitask::model;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    int runs = 5;
    int64_t newTokens = 64;   // decode steps timed (after the first token, which ends prefill)
    int64_t textTokens = 50;  // text tokens around the image (BOS included)
    fs::path fixtures = VITASK_BENCH_FIXTURES;  // transformers' outputs the peer is checked against
    fs::path dir;
    bool keep = false;
};

constexpr double kPeerTolerance = 1e-4;

// The "small LLaVA": LLaVA-1.5's layout (CLIP ViT with patch 14 at 224 px, feature layer
// -2 without CLS, GELU projector, Llama with grouped-query attention and a 32000-token
// vocabulary) at a width a laptop CPU runs in a fraction of a second per prefill.
vm::LlavaConfig smallLlava() {
    vm::LlavaConfig config;
    config.vision.hiddenSize = 384;
    config.vision.intermediateSize = 1536;
    config.vision.numLayers = 6;
    config.vision.numHeads = 6;
    config.vision.imageSize = 224;
    config.vision.patchSize = 14;
    config.vision.hiddenAct = "quick_gelu";
    config.text.vocabSize = 32000;
    config.text.hiddenSize = 512;
    config.text.intermediateSize = 1408;
    config.text.numLayers = 8;
    config.text.numHeads = 8;
    config.text.numKeyValueHeads = 4;
    config.text.headDim = 64;
    config.text.maxPositionEmbeddings = 2048;
    config.imageTokenId = 32000;
    config.imageSeqLength = config.vision.numPatches();  // 256, "default" drops CLS
    config.visionFeatureLayer = -2;
    return config;
}

// Random weights as transformers initialises Llama (normal, std 0.02; norms at one), so
// that logits are well spread and greedy decoding is not decided by rounding.
void randomize(vm::LlavaModelImpl& model) {
    torch::NoGradGuard noGrad;
    for (auto& item : model.named_parameters()) {
        const std::string& name = item.key();
        const bool normWeight = name.find("norm") != std::string::npos &&
                                name.size() > 7 && name.compare(name.size() - 7, 7, ".weight") == 0;
        if (normWeight) item.value().fill_(1.0);
        else item.value().normal_(0.0, 0.02);
    }
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The prompt: BOS, some text, the image placeholders, the rest of the text (as the
// LLaVA-1.5 template puts "USER: <image>\n question ASSISTANT:"), random ids.
std::vector<int64_t> makePrompt(const vm::LlavaConfig& config, int64_t textTokens) {
    torch::manual_seed(7);
    const auto text = torch::randint(3, config.text.vocabSize, {textTokens - 1}, torch::kLong);
    const auto* t = text.data_ptr<int64_t>();
    std::vector<int64_t> ids{config.text.bosTokenId, t[0]};
    ids.insert(ids.end(), config.imageSeqLength, config.imageTokenId);
    ids.insert(ids.end(), t + 1, t + text.numel());
    return ids;
}

// Index of the first token where the two greedy sequences differ; null when they agree.
nlohmann::json firstDifference(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return i;
    return a.size() == b.size() ? nlohmann::json() : nlohmann::json(n);
}

struct Measurement {
    std::vector<double> prefillMs, decodeTokensPerS;
    std::vector<int64_t> tokens;  // of the last run
};

// `runs` timed runs, after one untimed warm-up run when `warmUp`.
Measurement measureOurs(vm::LlavaModelImpl& model, const std::vector<int64_t>& prompt,
                        const torch::Tensor& pixels, const Options& options, int runs, bool warmUp) {
    vm::GenerationOptions generation;
    generation.maxNewTokens = options.newTokens + 1;  // the first token ends prefill
    generation.minNewTokens = generation.maxNewTokens;
    Measurement m;
    for (int r = warmUp ? 0 : 1; r <= runs; ++r) {  // run 0 warms up
        std::vector<double> stamps;
        const auto start = Clock::now();
        const auto out = [&] {
            torch::NoGradGuard noGrad;
            const auto image = model.encodeImages(pixels);
            return vm::generate(model, {prompt}, {{model.config().imageTokenId, image}}, generation,
                                [&](size_t, int64_t) {
                                    stamps.push_back(std::chrono::duration<double>(Clock::now() - start).count());
                                    return true;
                                });
        }();
        if (r == 0) continue;
        m.prefillMs.push_back(stamps.front() * 1e3);
        m.decodeTokensPerS.push_back(double(stamps.size() - 1) / (stamps.back() - stamps.front()));
        m.tokens = out[0].tokens;
    }
    return m;
}

void addOptions(CLI::App& app, Options& options) {
    app.add_option("--threads", options.threads, "LibTorch threads on both sides (default: every core)")
        ->check(CLI::Range(1, 1000000));
    app.add_option("--runs", options.runs, "Alternating pairs of timed runs (ours, peer); medians are reported")->check(CLI::Range(1, 1000000));
    app.add_option("--new-tokens", options.newTokens, "Decode steps timed")->check(CLI::Range(1, 1000000));
    app.add_option("--text-tokens", options.textTokens, "Text tokens around the image, BOS included")
        ->check(CLI::Range(int64_t{3}, int64_t{100000}));
    app.add_option("--fixtures", options.fixtures,
                   "Folder with tiny-llava/ and tiny_llava_reference.safetensors (transformers' outputs) to check the peer against");
    app.add_option("--dir", options.dir, "Folder for the model and inputs (default: a temporary one)");
    app.add_flag("--keep", options.keep, "Keep that folder");
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"Small LLaVA on CPU: vitask::model against a plain-PyTorch eager peer, prefill and decode"};
    addOptions(app, options);
    CLI11_PARSE(app, argc, argv);
    vitask::bench::quietLogging("bench_llava_cpu");
    fs::path dir;
    try {
        // Is the peer a faithful one? Checked before anything is timed.
        auto parity = nlohmann::json::parse(vitask::bench::runCommand(
            "/usr/bin/python3 " VITASK_BENCH_PEER " --threads 1 --check-fixtures '" + options.fixtures.string() + "'",
            "/usr/bin/python3 with python3-torch, and " + options.fixtures.string() +
                " (tiny-llava/ and tiny_llava_reference.safetensors; give --fixtures)"));
        const double parityDiff = std::max(parity["logits_max_abs_diff"].get<double>(),
                                           parity["cached_decode_logits_max_abs_diff"].get<double>());
        parity["max_abs_diff"] = parityDiff;
        parity["tolerance"] = kPeerTolerance;
        parity["passed"] = parityDiff <= kPeerTolerance && parity["greedy_ids_equal"].get<bool>();
        if (!parity["passed"].get<bool>()) {
            std::cerr << "error: the peer does not reproduce transformers' outputs (max abs diff " << parityDiff
                      << ", greedy ids equal: " << parity["greedy_ids_equal"] << "); not timing it\n"
                      << parity.dump(2) << "\n";
            return 1;
        }

        dir = vitask::bench::workFolder(options.dir, "llava");
        const std::string loadStart = vitask::bench::loadAverage();
        at::set_num_threads(options.threads);

        // The model folder, written as a user's checkpoint would be.
        const auto config = smallLlava();
        torch::manual_seed(0);
        {
            vm::LlavaModel fresh(config);
            randomize(*fresh);
            std::ofstream(dir / "config.json") << config.toJson().dump(2) << "\n";
            vm::writeSafetensors(dir / "model.safetensors", vm::llavaWeightsForSaving(*fresh));
        }
        auto model = vm::loadLlava(dir);
        model->eval();

        const auto prompt = makePrompt(config, options.textTokens);
        torch::manual_seed(11);
        const auto pixels = torch::randn({1, config.vision.numChannels, config.vision.imageSize, config.vision.imageSize});
        vm::writeSafetensors(dir / "inputs.safetensors",
                             {{"input_ids", torch::tensor(prompt, torch::kLong).unsqueeze(0)}, {"pixel_values", pixels}});

        // Alternating pairs: one run of ours, then one of the peer (a fresh process that
        // loads the model and warms up before its timed run), so that a change of load on
        // this shared machine hits both sides alike. Ours warms up once, before pair 1.
        Measurement ours;
        std::vector<double> peerPrefillRuns, peerDecodeRuns, prefillRatios, decodeRatios, pairLoads;
        std::vector<int64_t> peerTokens;
        nlohmann::json peer;
        const std::string loadBeforePairs = vitask::bench::loadAverage();
        for (int pair = 0; pair < options.runs; ++pair) {
            std::ifstream loadavg("/proc/loadavg");
            double load = 0;
            loadavg >> load;
            pairLoads.push_back(load);
            const auto one = measureOurs(*model, prompt, pixels, options, 1, pair == 0);
            ours.prefillMs.push_back(one.prefillMs.front());
            ours.decodeTokensPerS.push_back(one.decodeTokensPerS.front());
            ours.tokens = one.tokens;
            peer = nlohmann::json::parse(vitask::bench::runCommand(
                "/usr/bin/python3 " VITASK_BENCH_PEER " --dir " + dir.string() + " --threads " +
                std::to_string(options.threads) + " --runs 1 --new-tokens " + std::to_string(options.newTokens)));
            peerPrefillRuns.push_back(peer["prefill_ms"][0].get<double>());
            peerDecodeRuns.push_back(peer["decode_tokens_per_s"][0].get<double>());
            peerTokens = peer["tokens"].get<std::vector<int64_t>>();
            if (peerTokens != ours.tokens) break;  // reported below as same_tokens: false
            prefillRatios.push_back(peerPrefillRuns.back() / ours.prefillMs.back());
            decodeRatios.push_back(ours.decodeTokensPerS.back() / peerDecodeRuns.back());
        }
        const auto spread = [](const std::vector<double>& v) {
            return nlohmann::json{{"median", median(v)}, {"min", v.empty() ? 0 : *std::min_element(v.begin(), v.end())},
                                  {"max", v.empty() ? 0 : *std::max_element(v.begin(), v.end())}};
        };

        const double oursPrefill = median(ours.prefillMs), peerPrefill = median(peerPrefillRuns);
        const double oursDecode = median(ours.decodeTokensPerS), peerDecode = median(peerDecodeRuns);
        // The headline ratios: medians of the per-pair ratios (not ratios of medians).
        const double decodeRatio = median(decodeRatios), prefillRatio = median(prefillRatios);
        const auto& t = config.text;
        const auto& v = config.vision;
        nlohmann::json out{
            {"benchmark", "VLM engine on CPU: small LLaVA, vitask::model vs our plain-PyTorch eager transcription of transformers' LLaVA"},
            {"machine", {{"nproc", std::thread::hardware_concurrency()},
                         {"cpu", vitask::bench::cpuModel()},
                         {"loadavg_start", loadStart},
                         {"loadavg_before_pairs", loadBeforePairs},
                         {"loadavg_end", vitask::bench::loadAverage()}}},
            {"threads", options.threads},
            {"runs", options.runs},
            {"config", {{"vision", "CLIP " + std::to_string(v.imageSize) + "px patch " + std::to_string(v.patchSize) +
                                       ", " + std::to_string(v.numLayers) + " layers, width " + std::to_string(v.hiddenSize) +
                                       ", " + std::to_string(v.numHeads) + " heads, MLP " + std::to_string(v.intermediateSize) +
                                       ", feature layer -2, CLS dropped"},
                        {"text", "Llama " + std::to_string(t.numLayers) + " layers, hidden " + std::to_string(t.hiddenSize) +
                                     ", " + std::to_string(t.numHeads) + " heads, " + std::to_string(t.numKeyValueHeads) +
                                     " KV heads, intermediate " + std::to_string(t.intermediateSize) + ", vocab " +
                                     std::to_string(t.vocabSize)},
                        {"image_tokens", config.imageSeqLength},
                        {"prompt_tokens", prompt.size()},
                        {"text_tokens", int64_t(prompt.size()) - config.imageSeqLength},
                        {"decode_tokens", options.newTokens},
                        {"dtype", "float32"}}},
            {"order", "alternating pairs: ours, peer, ours, peer, ... (ours warmed up once before pair 1; "
                      "each peer run a fresh process that loads the model and warms up first)"},
            {"loadavg_1min_per_pair", pairLoads},
            {"prefill_ms", {{"ours", oursPrefill}, {"peer", peerPrefill}, {"speedup", prefillRatio},
                            {"speedup_per_pair", prefillRatios}, {"speedup_stats", spread(prefillRatios)},
                            {"ours_stats", spread(ours.prefillMs)}, {"peer_stats", spread(peerPrefillRuns)}}},
            {"decode_tokens_per_s", {{"ours", oursDecode}, {"peer", peerDecode}, {"speedup", decodeRatio},
                                     {"speedup_per_pair", decodeRatios}, {"speedup_stats", spread(decodeRatios)},
                                     {"ours_stats", spread(ours.decodeTokensPerS)}, {"peer_stats", spread(peerDecodeRuns)}}},
            {"target", {{"decode_speedup", 1.5}, {"met", decodeRatio >= 1.5}}},
            {"same_tokens", ours.tokens == peerTokens},
            {"first_token_difference", firstDifference(ours.tokens, peerTokens)},
            {"runs_ms", {{"ours_prefill", ours.prefillMs}, {"peer_prefill", peerPrefillRuns}}},
            {"runs_tokens_per_s", {{"ours_decode", ours.decodeTokensPerS}, {"peer_decode", peerDecodeRuns}}},
            {"peer", {{"python_torch", peer["torch"]}, {"implementation", peer["implementation"]},
                      {"threads", peer["threads"]},
                      {"whose", "our own Python transcription of transformers' LLaVA forward (transformers is not installed "
                                "with Debian's python3-torch), checked against transformers' fixture outputs: peer_parity"}}},
            {"peer_parity", parity},
            {"notes", {"prefill: image encoding + prompt pass + output head for the last position + argmax",
                       "the peer runs every CLIP layer as transformers does (output_hidden_states); ours "
                       "stops at the feature layer (-2), one CLIP layer less",
                       "decode: float32, batch 1, KV cache; ours preallocated, the peer concatenating"}}};
        std::cout << out.dump(2) << "\n";
        if (!options.keep && options.dir.empty()) fs::remove_all(dir);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        if (!options.keep && options.dir.empty() && !dir.empty()) fs::remove_all(dir);
        return 1;
    }
}
