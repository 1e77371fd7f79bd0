// TSMs against PyTorch eager, inference images/s on the same device (the same thread
// count on the CPU) and the largest logit difference between the two. Ratios, not
// absolute times, are the point.
//
// Built-in TSMs: ResNet-18 and a ViT-Tiny-shaped ViT (patch 16, width 192, 12 blocks,
// 3 heads) at 224 px, random weights saved as a built-in checkpoint, run here by
// BuiltinTsm::predict and in tsm_cpu_peer.py by the same networks written in PyTorch,
// loading the same safetensors.
//
// ONNX TSMs (imaging builds: OpenCV DNN through openTsm on a `*.tsm.json` manifest): the
// shared fixture squeezenet_tsm.onnx at 64 px, against its PyTorch twin with the weights
// read from the ONNX file, and a torchvision resnet18 (7-class head) that the peer exports
// at opset 13 at 224 px, against the PyTorch model it exported.
//
// --device cuda (docs/gpu.md; run by scripts/gpu/run_gpu_checks.sh): the built-in TSMs
// only (the ONNX backend, OpenCV DNN, is CPU-only), on CUDA with the images there, timed
// between torch::cuda::synchronize() calls, each in two rows: float32 with TF32 off on
// both sides, and bfloat16 autocast (AutocastScope here, torch.autocast in the peer).
// Each row passes when max |ours - peer| over the logits is within 1e-3 (float32) or
// 0.02 (bfloat16, the rule of cuda_parity) times the range of our float32 logits; the
// exit status is 1 when one does not. Without CUDA it prints {"skipped": "no CUDA"} and
// exits 0. The program keeps its name: the docs run it as bench_tsm_cpu.
//
// usage: bench_tsm_cpu [--device cpu|cuda] [--threads N] [--batch N] [--repeats N]
//                      [--fixtures DIR] [--python PATH]
//   defaults: cpu, 1 thread, batch 16 (256 on CUDA), 5 repeats (20 on CUDA),
//   the shared fixtures, /usr/bin/python3 (the peer's interpreter; the GPU machine's is python3)
#include "bench_support.h"
#include "vitask/common/error.h"
#include "vitask/model/safetensors.h"
#include "vitask/runtime/autocast.h"
#include "vitask/runtime/system_info.h"
#include "vitask/tsm/builtin_tsm.h"
#include "vitask/tsm/tsm_loader.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/cuda.h>
#include <torch/torch.h>

#ifdef VITASK_BENCH_ONNX
#include <opencv2/core/utility.hpp>
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <unistd.h>

namespace fs = std::filesystem;
using vitask::tsm::BuiltinNetworkType;

namespace {

struct Options {
    std::string device = "cpu";
    int threads = 1;
    int batch = 0;    // 0: the device's default (see main)
    int repeats = 0;  // 0: the device's default
    fs::path fixtures = VITASK_BENCH_FIXTURES;
    std::string python = "/usr/bin/python3";

    bool cuda() const { return device == "cuda"; }
    torch::Device torchDevice() const { return cuda() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU); }
};

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The peer with `arguments`, its JSON answer. OpenBLAS gets the same thread count as
// LibTorch there, as setCpuThreads gives it here.
nlohmann::json runPeer(const std::string& arguments, const Options& o) {
    const auto threads = std::to_string(o.threads);
    const auto command = "OPENBLAS_NUM_THREADS=" + threads + " " + o.python + " " VITASK_BENCH_PEER " " + arguments +
                         " --device " + o.device + " --threads " + threads + " --repeats " + std::to_string(o.repeats);
    const auto answer = o.cuda() ? vitask::bench::runCommand(command, o.python + " with a CUDA build of torch")
                                 : vitask::bench::runCommand(command);
    return nlohmann::json::parse(answer);
}

// Waits for the work queued on `device`; with it, wall-clock times are device times.
void synchronize(const torch::Device& device) {
    if (device.is_cuda()) torch::cuda::synchronize();
}

struct Timing {
    double imagesPerSecond = 0;
    vitask::tsm::TsmOutput output;  // of the last timed run
};

// Median of o.repeats predict() calls after a warm-up, as the peer times its model;
// `autocast`: all of them in one bfloat16 autocast scope, as the peer's `with torch.autocast`.
Timing timePredict(vitask::tsm::Tsm& tsm, const torch::Tensor& images, const Options& o, bool autocast = false) {
    vitask::runtime::AutocastScope scope(tsm.device().type(), autocast);
    std::vector<double> seconds;
    Timing timing;
    tsm.predict(images);  // warm-up
    synchronize(tsm.device());
    for (int r = 0; r < o.repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        timing.output = tsm.predict(images);
        synchronize(tsm.device());
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    timing.imagesPerSecond = o.batch / median(seconds);
    return timing;
}

nlohmann::json comparison(const std::string& backend, double ours, const nlohmann::json& peer) {
    const double theirs = peer.at("images_per_s").get<double>();
    nlohmann::json row = {{"backend", backend},
                          {"vitask_images_per_s", ours},
                          {"pytorch_images_per_s", theirs},
                          {"vitask_over_pytorch", ours / theirs}};
    for (const auto& [key, value] : peer.items())
        if (key != "images_per_s") row[key == "parameters" ? "peer_parameters" : key] = value;
    return row;
}

vitask::tsm::BuiltinTsmSpec specFor(BuiltinNetworkType type) {
    vitask::tsm::BuiltinTsmSpec spec;
    spec.name = type == BuiltinNetworkType::ResNet ? "resnet18" : "vit-tiny";
    spec.architecture.type = type;
    spec.architecture.patchSize = 16;
    spec.architecture.embedDim = 192;
    spec.architecture.depth = 12;
    spec.architecture.heads = 3;
    spec.input = {224, 224, 3, {0.485F, 0.456F, 0.406F}, {0.229F, 0.224F, 0.225F}};
    for (int i = 0; i < 1000; ++i) spec.labels.push_back("class " + std::to_string(i));
    return spec;
}

// One row: `tsm` on `images` (CPU tensors, moved to the TSM's device) against the peer on
// the same checkpoint and images, in float32 or in bfloat16 autocast. `logits` receives
// ours, float32 on the CPU.
nlohmann::json builtinRow(vitask::tsm::BuiltinTsm& tsm, const fs::path& manifest, const torch::Tensor& images,
                          bool autocast, const Options& o, const fs::path& dir, torch::Tensor& logits) {
    const auto timing = timePredict(tsm, images.to(tsm.device()), o, autocast);
    logits = timing.output.logits.to(torch::kCPU, torch::kFloat32);
    const auto inputs = dir / (tsm.name() + (autocast ? ".bf16" : "") + ".inputs.safetensors");
    vitask::model::writeSafetensors(inputs, {{"images", images}, {"logits", logits}});
    const auto peer = runPeer("--manifest " + manifest.string() + " --inputs " + inputs.string() +
                                  (autocast ? " --autocast bf16" : ""),
                              o);
    int64_t parameters = 0;
    for (const auto& p : tsm.network().parameters()) parameters += p.numel();
    auto row = comparison("builtin (LibTorch)", timing.imagesPerSecond, peer);
    row["model"] = tsm.name();
    row["architecture"] = tsm.spec().architecture.describe();
    row["parameters"] = parameters;
    row["input"] = "3x224x224";
    return row;
}

// Whether our and the peer's logits agree within `tolerance` (`rule` says how it was set).
void judgeLogits(nlohmann::json& row, double tolerance, const std::string& rule) {
    row["logit_tolerance"] = tolerance;
    row["logit_tolerance_rule"] = rule;
    row["logits_agree"] = row.at("max_abs_logit_difference").get<double>() <= tolerance;
}

// The CPU: one float32 row. CUDA: a float32 row (TF32 off) and a bfloat16-autocast row,
// both judged against the range of our float32 logits (random weights fix no scale).
std::vector<nlohmann::json> benchBuiltin(BuiltinNetworkType type, const Options& o, const fs::path& dir) {
    torch::manual_seed(0);  // weights are initialised on the CPU, then moved: the same on either device
    auto tsm = vitask::tsm::BuiltinTsm::create(specFor(type), o.torchDevice());
    const auto manifest = tsm->save(dir);
    const auto images = torch::randn({o.batch, 3, 224, 224});
    torch::Tensor logits32, logits16;
    auto float32 = builtinRow(*tsm, manifest, images, false, o, dir, logits32);
    if (!o.cuda()) return {float32};
    const double range = (logits32.max() - logits32.min()).item<double>();
    float32["precision"] = "float32, TF32 off";
    judgeLogits(float32, 1e-3 * range, "1e-3 x the range of our float32 logits");
    auto bfloat16 = builtinRow(*tsm, manifest, images, true, o, dir, logits16);
    bfloat16["precision"] = "bfloat16 autocast";
    // bfloat16 keeps 8 mantissa bits; ~20 sequential products at ~0.4% each (cuda_parity's rule).
    judgeLogits(bfloat16, 0.02 * range, "0.02 x the range of our float32 logits");
    bfloat16["max_abs_logit_difference_from_our_float32"] = (logits16 - logits32).abs().max().item<double>();
    return {float32, bfloat16};
}

// An ONNX TSM manifest for `onnx` (input "image", outputs "logits" and "features", as both
// models are exported); written into `dir` as <name>.tsm.json.
fs::path writeOnnxManifest(const fs::path& dir, const std::string& name, const fs::path& onnx, int size, int classes) {
    nlohmann::json labels = nlohmann::json::array();
    for (int i = 0; i < classes; ++i) labels.push_back("class " + std::to_string(i));
    const nlohmann::json manifest = {
        {"name", name},
        {"version", "1.0"},
        {"onnx", fs::absolute(onnx).string()},
        {"input", {{"name", "image"}, {"size", {size, size}}, {"channels", 3},
                   {"mean", {0.485, 0.456, 0.406}}, {"std", {0.229, 0.224, 0.225}}}},
        {"outputs", {{"logits", "logits"}, {"features", "features"}}},
        {"labels", labels},
    };
    const auto path = dir / (name + ".tsm.json");
    std::ofstream(path) << manifest.dump(2);
    return path;
}

// `onnx` through openTsm against the peer's `twinArguments` (--twin ... --weights ...).
nlohmann::json benchOnnx(const std::string& name, const fs::path& onnx, int size, int classes,
                         const std::string& twinArguments, const Options& o, const fs::path& dir) {
    auto tsm = vitask::tsm::openTsm(writeOnnxManifest(dir, name, onnx, size, classes));
    torch::manual_seed(0);
    const auto images = torch::randn({o.batch, 3, size, size});
    const auto timing = timePredict(*tsm, images, o);
    const auto inputs = dir / (name + ".inputs.safetensors");
    vitask::model::writeSafetensors(
        inputs, {{"images", images}, {"logits", timing.output.logits}, {"features", timing.output.features}});
    auto row = comparison("onnx (OpenCV DNN)", timing.imagesPerSecond,
                          runPeer(twinArguments + " --inputs " + inputs.string(), o));
    row["model"] = name;
    row["onnx"] = onnx.string();
    row["input"] = "3x" + std::to_string(size) + "x" + std::to_string(size);
    return row;
}

std::vector<nlohmann::json> benchOnnxModels(const Options& o, const fs::path& dir) {
    if (!vitask::tsm::onnxBackendAvailable()) return {};
    const auto squeezenet = o.fixtures / "squeezenet_tsm.onnx";
    if (!fs::exists(squeezenet))
        throw vitask::Error("the ONNX fixture is missing", squeezenet.string(),
                            "Pass --fixtures with the folder of the shared fixtures.");
    const auto reference = o.fixtures / "squeezenet_tsm_reference.safetensors";
    const auto exported = runPeer("--export-onnx " + (dir / "resnet18-onnx").string(), o);
    return {benchOnnx("squeezenet-fixture", squeezenet, 64, 7,
                      "--twin squeezenet --weights " + squeezenet.string() + " --reference " + reference.string(), o,
                      dir),
            benchOnnx("resnet18-onnx", exported.at("onnx").get<std::string>(), 224, exported.at("classes").get<int>(),
                      "--twin resnet18 --weights " + exported.at("weights").get<std::string>(), o, dir)};
}

// The CUDA run: built-in TSMs only. Returns the exit status (1 when logits disagree).
int benchCuda(const Options& o, const fs::path& dir) {
    // Float32 rows must mean float32: no TF32 in cuBLAS products or cuDNN convolutions (the
    // peer turns both off too).
    at::globalContext().setAllowTF32CuBLAS(false);
    at::globalContext().setAllowTF32CuDNN(false);
    nlohmann::json out = {{"benchmark", "TSM inference, CUDA"},
                          {"device", "cuda"},
                          {"cuda_devices", torch::cuda::device_count()},
                          {"cpu_threads", o.threads},
                          {"batch", o.batch},
                          {"repeats", o.repeats},
                          {"libtorch", TORCH_VERSION},
                          {"tf32", false},
                          {"onnx_models", "not run: the ONNX backend (OpenCV DNN) runs on the CPU only"},
                          {"models", nlohmann::json::array()}};
    bool agree = true;
    for (auto type : {BuiltinNetworkType::ResNet, BuiltinNetworkType::Vit})
        for (auto& row : benchBuiltin(type, o, dir)) {
            agree = agree && row.at("logits_agree").get<bool>();
            out["models"].push_back(std::move(row));
        }
    out["logits_agree"] = agree;
    std::cout << out.dump(2) << "\n";
    return agree ? 0 : 1;
}

int benchCpu(const Options& o, const fs::path& dir) {
#ifdef VITASK_BENCH_ONNX
    cv::setNumThreads(o.threads);  // OpenCV DNN's own pool (TBB), else every core
#endif
    nlohmann::json out = {{"benchmark", "TSM inference, CPU"},
                          {"cpu", vitask::bench::cpuModel()},
                          {"threads", o.threads},
                          {"batch", o.batch},
                          {"repeats", o.repeats},
                          {"libtorch", TORCH_VERSION},
                          {"onnx_backend", vitask::tsm::onnxBackendAvailable()},
                          {"models", nlohmann::json::array()}};
    for (auto type : {BuiltinNetworkType::ResNet, BuiltinNetworkType::Vit})
        for (auto& row : benchBuiltin(type, o, dir)) out["models"].push_back(std::move(row));
    for (auto& row : benchOnnxModels(o, dir)) out["models"].push_back(std::move(row));
    std::cout << out.dump(2) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    CLI::App app{"TSM inference: built-in (and, in imaging builds, ONNX) TSMs against PyTorch eager, images/s"};
    app.add_option("--device", o.device, "cpu, or cuda (built-in TSMs only)")->check(CLI::IsMember({"cpu", "cuda"}));
    app.add_option("--threads", o.threads, "CPU threads on both sides")->check(CLI::Range(1, 1000000));
    app.add_option("--batch", o.batch, "Images per run (default: 16 on the CPU, 256 on CUDA)")
        ->check(CLI::Range(1, 1000000));
    app.add_option("--repeats", o.repeats, "Timed runs; the median is reported (default: 5 on the CPU, 20 on CUDA)")
        ->check(CLI::Range(1, 1000000));
    app.add_option("--fixtures", o.fixtures, "Folder of the shared fixtures (the ONNX squeezenet)");
    app.add_option("--python", o.python, "The peer's Python interpreter, with torch");
    CLI11_PARSE(app, argc, argv);
    // A GPU fills only at large batches, and each of its runs takes milliseconds.
    if (o.batch <= 0) o.batch = o.cuda() ? 256 : 16;
    if (o.repeats <= 0) o.repeats = o.cuda() ? 20 : 5;
    if (o.cuda() && !torch::cuda::is_available()) {
        std::cout << nlohmann::json{{"benchmark", "TSM inference, CUDA"},
                                    {"skipped", "no CUDA"},
                                    {"libtorch", TORCH_VERSION}}
                         .dump()
                  << "\n";
        return 0;
    }
    try {
        vitask::runtime::setCpuThreads(o.threads);
        const fs::path dir = fs::temp_directory_path() / ("vitask-bench-tsm-" + std::to_string(getpid()));
        fs::create_directories(dir);
        const int status = o.cuda() ? benchCuda(o, dir) : benchCpu(o, dir);
        fs::remove_all(dir);
        return status;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
