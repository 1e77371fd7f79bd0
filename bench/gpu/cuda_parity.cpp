// GPU check (docs/gpu.md): the tiny-llava fixture on a CUDA device against what
// transformers 5.17 computed on the CPU in float32 (tiny_llava_reference.safetensors),
// through the public API: loadLlava, LlavaModelImpl::forward and generate.
//
//   float32 (TF32 off): max |logits - reference| <= 1e-3 (the Qt test on the CPU holds
//     1e-4), and greedy generate(12 new tokens) gives transformers' ids.
//   bfloat16: max |logits - reference| <= 2% of the reference's logit range (the bound of
//     test_model_llava_parity_cuda: bf16 keeps 8 mantissa bits and each of the ~20
//     sequential products adds ~0.4% relative error), and the greedy ids equal
//     transformers' up to the first step where the float32 model's two best logits are
//     closer than twice the measured bf16 logit error (a near-tie that bf16 rounding may
//     flip; margins and the full comparison are reported too).
//
// usage: cuda_parity [--fixtures FOLDER]   (default: $VITASK_SHARED_DIR/fixtures)
// Prints one JSON object; exit status 0 when both pass (or without CUDA), 1 otherwise.
#include "gpu_check_support.h"

#include "vitask/common/error.h"
#include "vitask/model/generation.h"
#include "vitask/model/llava_weights.h"
#include "vitask/model/safetensors.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;
namespace vm = vitask::model;
namespace gc = vitask::gpucheck;

namespace {

constexpr int64_t kNewTokens = 12;  // as the reference's generate(max_new_tokens=12)

std::vector<int64_t> row(const torch::Tensor& ids, int64_t r) {
    const auto t = ids[r].to(torch::kCPU).contiguous();
    return {t.data_ptr<int64_t>(), t.data_ptr<int64_t>() + t.numel()};
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kCPU, torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

struct Reference {
    torch::Tensor ids, pixels, logits;
    std::vector<int64_t> generated;  // prompt of sample 0 followed by the 12 new ids
};

std::vector<int64_t> greedy(vm::LlavaModelImpl& model, const Reference& ref, torch::ScalarType dtype) {
    vm::GenerationOptions options;
    options.maxNewTokens = kNewTokens;
    options.minNewTokens = kNewTokens;
    const auto image = model.encodeImages(ref.pixels.slice(0, 0, 1).to(torch::kCUDA, dtype));
    auto ids = row(ref.ids, 0);
    const auto out = vm::generate(model, {ids}, {{model.config().imageTokenId, image}}, options);
    ids.insert(ids.end(), out[0].tokens.begin(), out[0].tokens.end());
    return ids;
}

// Per generated step, the gap between the best and second-best float32 logit when the
// model reads transformers' sequence: how close each greedy choice was to a tie.
std::vector<double> topTwoMargins(vm::LlavaModelImpl& model, const Reference& ref) {
    const auto full = torch::tensor(ref.generated, torch::kLong).unsqueeze(0).to(torch::kCUDA);
    const auto logits = model.forward(full, ref.pixels.slice(0, 0, 1).to(torch::kCUDA));
    const int64_t promptLength = ref.ids.size(1);
    const auto steps = logits[0].slice(0, promptLength - 1, promptLength - 1 + kNewTokens);
    const auto top = std::get<0>(steps.topk(2, -1)).to(torch::kCPU, torch::kFloat64);
    const auto gap = (top.select(1, 0) - top.select(1, 1)).contiguous();
    return {gap.data_ptr<double>(), gap.data_ptr<double>() + gap.numel()};
}

nlohmann::json firstDifference(const std::vector<int64_t>& ours, const std::vector<int64_t>& expected) {
    for (size_t i = 0; i < std::min(ours.size(), expected.size()); ++i)
        if (ours[i] != expected[i]) return i;
    return ours.size() == expected.size() ? nlohmann::json() : nlohmann::json(std::min(ours.size(), expected.size()));
}

}  // namespace

int main(int argc, char** argv) {
    vitask::bench::quietLogging("cuda_parity");
    fs::path fixtures;
    if (const char* shared = std::getenv("VITASK_SHARED_DIR")) fixtures = fs::path(shared) / "fixtures";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--fixtures" && i + 1 < argc) fixtures = argv[++i];
        else {
            std::cerr << "usage: cuda_parity [--fixtures FOLDER]\n";
            return 2;
        }
    }
    if (gc::skipWithoutCuda("cuda_parity")) return 0;
    nlohmann::json out{{"check", "cuda_parity"}, {"environment", gc::deviceFacts()}};
    try {
        if (fixtures.empty() || !fs::exists(fixtures / "tiny-llava"))
            throw vitask::Error("no tiny-llava fixture", fixtures.string(),
                                "Pass --fixtures (the shared fixtures folder, or .gpu-deps/fixtures from "
                                "scripts/gpu/fetch_deps.sh) or set VITASK_SHARED_DIR.");
        torch::NoGradGuard noGrad;
        // Float32 must mean float32: no TF32 in cuBLAS products or cuDNN convolutions
        // (the patch embedding).
        at::globalContext().setAllowTF32CuBLAS(false);
        at::globalContext().setAllowTF32CuDNN(false);

        Reference ref;
        {
            const auto reader = vm::SafetensorsReader::open(fixtures / "tiny_llava_reference.safetensors");
            ref.ids = reader.tensor("input_ids").clone();
            ref.pixels = reader.tensor("pixel_values").clone();
            ref.logits = reader.tensor("logits").clone();
            ref.generated = row(reader.tensor("generated_ids"), 0);
        }
        const double range = (ref.logits.max() - ref.logits.min()).item<double>();
        const double tolerance32 = 1e-3, tolerance16 = 0.02 * range;

        auto f32 = vm::loadLlava(fixtures / "tiny-llava", torch::kCUDA, torch::kFloat32);
        const double diff32 = maxAbsDiff(f32->forward(ref.ids.to(torch::kCUDA), ref.pixels.to(torch::kCUDA)), ref.logits);
        const auto ids32 = greedy(*f32, ref, torch::kFloat32);
        const auto margins = topTwoMargins(*f32, ref);

        auto bf16 = vm::loadLlava(fixtures / "tiny-llava", torch::kCUDA, torch::kBFloat16);
        const double diff16 = maxAbsDiff(
            bf16->forward(ref.ids.to(torch::kCUDA), ref.pixels.to(torch::kCUDA, torch::kBFloat16)), ref.logits);
        const auto ids16 = greedy(*bf16, ref, torch::kBFloat16);

        // bf16 ids must agree up to the first near-tie: a step where moving both logits by
        // the measured bf16 error could swap the two best.
        const int64_t promptLength = ref.ids.size(1);
        int64_t decisive = kNewTokens;
        for (int64_t s = 0; s < kNewTokens; ++s)
            if (margins[static_cast<size_t>(s)] < 2 * diff16) {
                decisive = s;
                break;
            }
        const auto head = [&](const std::vector<int64_t>& ids) {
            return std::vector<int64_t>(ids.begin(), ids.begin() + std::min<int64_t>(promptLength + decisive, ids.size()));
        };
        const bool pass32 = diff32 <= tolerance32 && ids32 == ref.generated;
        const bool idsAgree16 = head(ids16) == head(ref.generated);
        const bool pass16 = diff16 <= tolerance16 && idsAgree16;

        out["reference"] = {{"source", "transformers 5.17, float32, CPU"},
                            {"logit_range", range},
                            {"prompt_tokens", promptLength},
                            {"new_tokens", kNewTokens}};
        out["float32"] = {{"max_abs_diff_logits", diff32},
                          {"tolerance", tolerance32},
                          {"tf32", false},
                          {"greedy_ids_match", ids32 == ref.generated},
                          {"first_difference", firstDifference(ids32, ref.generated)},
                          {"pass", pass32}};
        out["bfloat16"] = {{"max_abs_diff_logits", diff16},
                           {"tolerance", tolerance16},
                           {"tolerance_rule", "0.02 x the reference's logit range"},
                           {"greedy_ids_match", ids16 == ref.generated},
                           {"first_difference", firstDifference(ids16, ref.generated)},
                           {"near_tie_margin", 2 * diff16},
                           {"steps_before_first_near_tie", decisive},
                           {"greedy_ids_match_before_near_tie", idsAgree16},
                           {"pass", pass16}};
        out["float32_top2_margins"] = margins;
        out["pass"] = pass32 && pass16;
        std::cout << out.dump(2) << std::endl;
        return pass32 && pass16 ? 0 : 1;
    } catch (const std::exception& e) {
        out["error"] = e.what();
        out["pass"] = false;
        std::cout << out.dump(2) << std::endl;
        return 1;
    }
}
