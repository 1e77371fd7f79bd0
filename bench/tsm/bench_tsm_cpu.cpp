// TSMs on CPU against PyTorch eager, inference images/s with the same thread count and
// the largest logit difference between the two. Ratios, not absolute times, are the point.
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
// usage: bench_tsm_cpu [--threads N] [--batch N] [--repeats N] [--fixtures DIR]
#include "bench_support.h"
#include "vitask/common/error.h"
#include "vitask/model/safetensors.h"
#include "vitask/runtime/system_info.h"
#include "vitask/tsm/builtin_tsm.h"
#include "vitask/tsm/tsm_loader.h"

#include <nlohmann/json.hpp>
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
    int threads = 1;
    int batch = 16;
    int repeats = 5;
    fs::path fixtures = VITASK_BENCH_FIXTURES;
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
    return nlohmann::json::parse(vitask::bench::runCommand("OPENBLAS_NUM_THREADS=" + threads + " /usr/bin/python3 " VITASK_BENCH_PEER " " +
                                     arguments + " --threads " + threads + " --repeats " + std::to_string(o.repeats)));
}

struct Timing {
    double imagesPerSecond = 0;
    vitask::tsm::TsmOutput output;  // of the last timed run
};

// Median of o.repeats predict() calls after a warm-up, as the peer times its model.
Timing timePredict(vitask::tsm::Tsm& tsm, const torch::Tensor& images, const Options& o) {
    std::vector<double> seconds;
    Timing timing;
    tsm.predict(images);  // warm-up
    for (int r = 0; r < o.repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        timing.output = tsm.predict(images);
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

nlohmann::json benchBuiltin(BuiltinNetworkType type, const Options& o, const fs::path& dir) {
    torch::manual_seed(0);
    auto tsm = vitask::tsm::BuiltinTsm::create(specFor(type));
    const auto manifest = tsm->save(dir);
    const auto images = torch::randn({o.batch, 3, 224, 224});
    const auto timing = timePredict(*tsm, images, o);
    const auto inputs = dir / (tsm->name() + ".inputs.safetensors");
    vitask::model::writeSafetensors(inputs, {{"images", images}, {"logits", timing.output.logits}});
    const auto peer = runPeer("--manifest " + manifest.string() + " --inputs " + inputs.string(), o);
    int64_t parameters = 0;
    for (const auto& p : tsm->network().parameters()) parameters += p.numel();
    auto row = comparison("builtin (LibTorch)", timing.imagesPerSecond, peer);
    row["model"] = tsm->name();
    row["architecture"] = tsm->spec().architecture.describe();
    row["parameters"] = parameters;
    row["input"] = "3x224x224";
    return row;
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

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--threads" && i + 1 < argc) o.threads = std::stoi(argv[++i]);
        else if (arg == "--batch" && i + 1 < argc) o.batch = std::stoi(argv[++i]);
        else if (arg == "--repeats" && i + 1 < argc) o.repeats = std::stoi(argv[++i]);
        else if (arg == "--fixtures" && i + 1 < argc) o.fixtures = argv[++i];
        else {
            std::cerr << "usage: bench_tsm_cpu [--threads N] [--batch N] [--repeats N] [--fixtures DIR]\n";
            return 2;
        }
    }
    try {
        vitask::runtime::setCpuThreads(o.threads);
#ifdef VITASK_BENCH_ONNX
        cv::setNumThreads(o.threads);  // OpenCV DNN's own pool (TBB), else every core
#endif
        const fs::path dir = fs::temp_directory_path() / ("vitask-bench-tsm-" + std::to_string(getpid()));
        fs::create_directories(dir);
        nlohmann::json out = {{"benchmark", "TSM inference, CPU"},
                              {"cpu", vitask::bench::cpuModel()},
                              {"threads", o.threads},
                              {"batch", o.batch},
                              {"repeats", o.repeats},
                              {"libtorch", TORCH_VERSION},
                              {"onnx_backend", vitask::tsm::onnxBackendAvailable()},
                              {"models", nlohmann::json::array()}};
        for (auto type : {BuiltinNetworkType::ResNet, BuiltinNetworkType::Vit})
            out["models"].push_back(benchBuiltin(type, o, dir));
        for (auto& row : benchOnnxModels(o, dir)) out["models"].push_back(std::move(row));
        fs::remove_all(dir);
        std::cout << out.dump(2) << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
