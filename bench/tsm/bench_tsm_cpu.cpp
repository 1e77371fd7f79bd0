// Built-in TSMs on CPU against plain PyTorch. For ResNet-18 and a ViT-Tiny-shaped ViT
// (patch 16, width 192, 12 blocks, 3 heads) at 224 px: random weights saved as a built-in
// checkpoint, a random batch, inference images/s here (BuiltinTsm::predict, no grad) and
// in tsm_cpu_peer.py (the same networks written in PyTorch, loading the same
// safetensors), with the same thread count, plus the largest logit difference between the
// two. Ratios, not absolute times, are the point.
//
// usage: bench_tsm_cpu [--threads N] [--batch N] [--repeats N]
#include "vitask/common/error.h"
#include "vitask/model/safetensors.h"
#include "vitask/tsm/builtin_tsm.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

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
};

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw vitask::Error("cannot start the peer", command);
    char buffer[4096];
    while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
    if (pclose(pipe) != 0)
        throw vitask::Error("the peer failed", command, "Run it by hand (it needs /usr/bin/python3 with python3-torch).");
    return out;
}

std::string cpuModel() {
    std::ifstream info("/proc/cpuinfo");
    std::string line;
    while (std::getline(info, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown";
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

nlohmann::json benchOne(BuiltinNetworkType type, const Options& o, const fs::path& dir) {
    torch::manual_seed(0);
    auto tsm = vitask::tsm::BuiltinTsm::create(specFor(type));
    const auto manifest = tsm->save(dir);
    const auto images = torch::randn({o.batch, 3, 224, 224});
    std::vector<double> seconds;
    torch::Tensor logits;
    tsm->predict(images);  // warm-up
    for (int r = 0; r < o.repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        logits = tsm->predict(images).logits;
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    const auto inputs = dir / (tsm->name() + ".inputs.safetensors");
    vitask::model::writeSafetensors(inputs, {{"images", images}, {"logits", logits}});
    const auto peer = nlohmann::json::parse(
        run("/usr/bin/python3 " VITASK_BENCH_PEER " --manifest " + manifest.string() + " --inputs " + inputs.string() +
            " --threads " + std::to_string(o.threads) + " --repeats " + std::to_string(o.repeats)));
    int64_t parameters = 0;
    for (const auto& p : tsm->network().parameters()) parameters += p.numel();
    const double ours = o.batch / median(seconds);
    const double theirs = peer.at("images_per_s").get<double>();
    return {{"model", tsm->name()},
            {"architecture", tsm->spec().architecture.describe()},
            {"parameters", parameters},
            {"peer_parameters", peer.at("parameters")},
            {"vitask_images_per_s", ours},
            {"pytorch_images_per_s", theirs},
            {"vitask_over_pytorch", ours / theirs},
            {"max_abs_logit_difference", peer.at("max_abs_logit_difference")}};
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--threads" && i + 1 < argc) o.threads = std::stoi(argv[++i]);
        else if (arg == "--batch" && i + 1 < argc) o.batch = std::stoi(argv[++i]);
        else if (arg == "--repeats" && i + 1 < argc) o.repeats = std::stoi(argv[++i]);
        else {
            std::cerr << "usage: bench_tsm_cpu [--threads N] [--batch N] [--repeats N]\n";
            return 2;
        }
    }
    try {
        torch::set_num_threads(o.threads);
        const fs::path dir = fs::temp_directory_path() / ("vitask-bench-tsm-" + std::to_string(getpid()));
        fs::create_directories(dir);
        nlohmann::json out = {{"benchmark", "builtin TSM inference, CPU"},
                              {"cpu", cpuModel()},
                              {"threads", o.threads},
                              {"batch", o.batch},
                              {"repeats", o.repeats},
                              {"input", "3x224x224"},
                              {"libtorch", TORCH_VERSION},
                              {"models", nlohmann::json::array()}};
        for (auto type : {BuiltinNetworkType::ResNet, BuiltinNetworkType::Vit}) out["models"].push_back(benchOne(type, o, dir));
        fs::remove_all(dir);
        std::cout << out.dump(2) << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
