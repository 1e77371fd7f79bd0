#include "service_test_files.h"

#include "tsm_test_files.h"
#include "vitask/model/llava_pipeline.h"
#include "vitask/vitask/npz_writer.h"
#include "vitask/vitask/trainer.h"
#include "vitask/vitask/vitask_model.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace vitask::service::test {

std::filesystem::path fixture(const std::string& name) { return tsm::test::fixture(name); }

std::filesystem::path tinyLlava() { return fixture("tiny-llava"); }

const std::vector<std::string>& tsmLabels() {
    static const auto labels = tsm::test::fixtureManifest()["labels"].get<std::vector<std::string>>();
    return labels;
}

std::filesystem::path writeVitaskModel(const std::filesystem::path& folder, int64_t exemplarWidth, bool secondTask) {
    torch::manual_seed(7);
    recipe::VitaskModel model(model::LlavaPipeline::load(tinyLlava()), recipe::ExemplarSpec{exemplarWidth});
    nlohmann::json tasks = nlohmann::json::array();
    tasks.push_back({{"name", "dermamnist"}, {"modality", "dermatoscope"}, {"labels", tsmLabels()}, {"multi_label", false}});
    if (secondTask)
        tasks.push_back({{"name", "chest"}, {"modality", "chest X-ray"}, {"labels", {"normal", "effusion"}},
                         {"multi_label", false}});
    model.save(folder, {{"tsm", "squeezenet-demo"}, {"tasks", tasks}});
    return folder;
}

std::filesystem::path writeSlowLlava(const std::filesystem::path& folder) {
    const char* source = std::getenv("VITASK_SOURCE_DIR");
    recipe::TrainConfig config;
    config.model.scratch.tokenizer = std::filesystem::path(source ? source : ".") / "resources/tokenizers/vitask-scratch";
    config.model.scratch.textWidth = 512;
    config.model.scratch.textLayers = 8;
    config.model.scratch.heads = 8;
    torch::manual_seed(11);
    auto pipeline = recipe::buildTrainingPipeline(config);
    pipeline.save(folder);
    return folder;
}

std::filesystem::path writeTsmManifest(const std::filesystem::path& folder) {
    return tsm::test::writeManifest(folder, tsm::test::fixtureManifest("squeezenet-demo"), "squeezenet-demo.tsm.json");
}

AskRequest describeTheImage() {
    AskRequest request;
    request.question = "Describe the image.";
    return request;
}

std::filesystem::path pydicomCtSmall() {
    const std::filesystem::path file = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";
    return std::filesystem::exists(file) ? file : std::filesystem::path();
}

uint8_t dermaMnistPixel(int sample, int y, int x, int c) {
    return static_cast<uint8_t>((sample * 31 + y * 5 + x * 3 + c * 50) % 256);
}

std::filesystem::path writeDermaMnist(const std::filesystem::path& folder, int testSamples) {
    recipe::NpzWriter npz;
    for (const auto& [split, count] : {std::pair<std::string, int>{"train", 4}, {"val", 2}, {"test", testSamples}}) {
        std::vector<uint8_t> pixels, labels;
        for (int i = 0; i < count; ++i) {
            for (int y = 0; y < 28; ++y)
                for (int x = 0; x < 28; ++x)
                    for (int c = 0; c < 3; ++c) pixels.push_back(dermaMnistPixel(i, y, x, c));
            labels.push_back(static_cast<uint8_t>(i % 7));
        }
        npz.addUint8(split + "_images", {count, 28, 28, 3}, std::move(pixels));
        npz.addUint8(split + "_labels", {count, 1}, std::move(labels));
    }
    std::filesystem::create_directories(folder);
    const auto file = folder / "dermamnist.npz";
    npz.write(file);
    return file;
}

}  // namespace vitask::service::test
