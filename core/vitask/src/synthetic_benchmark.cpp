#include "vitask/vitask/synthetic_benchmark.h"

#include "synthetic_modalities.h"
#include "vitask/common/error.h"

#include <algorithm>
#include <cctype>

namespace vitask::recipe {
namespace {

using DrawSample = void (*)(int label, SyntheticRandom& rng, synthetic::SyntheticCanvas& canvas);

struct Entry {
    SyntheticModality modality;
    DrawSample draw;
};

const std::vector<Entry>& entries() {
    static const std::vector<Entry> all = {
        {{"synth_chest_xray", "chest X-ray", 1, {"normal", "nodule", "pleural effusion", "cardiomegaly"},
          "a small round density in a lung; fluid whitening a lung base; a heart wider than usual"},
         synthetic::drawChestXray},
        {{"synth_dermoscopy", "dermatoscope", 3, {"benign nevus", "melanoma", "seborrheic keratosis"},
          "melanoma: asymmetry, irregular border, several colours; keratosis: sharp border, bright cysts, dark pores"},
         synthetic::drawDermoscopy},
        {{"synth_retinal_oct", "retinal OCT", 1, {"normal", "drusen", "fluid", "retinal thinning"},
          "bumps lifting the RPE; a dark pocket in the outer retina; a thinner retinal band"},
         synthetic::drawRetinalOct},
        {{"synth_histology", "colon pathology", 3, {"stroma", "lymphocytes", "tumour epithelium", "adipose"},
          "nucleus density, size and shape, cytoplasm stain, empty fat vacuoles, against stroma fibres"},
         synthetic::drawHistology},
        // The generic tasks come last: a modality's index seeds its samples, so the medical
        // ones above draw the same images as before the generic ones existed.
        {{"synth_shape_count", "shape count", 3, {"one", "two", "three", "four"},
          "one to four coloured shapes of any kind", true},
         synthetic::drawShapeCount},
        {{"synth_shape_colour", "shape colour", 3, {"red", "green", "blue", "yellow"},
          "the colour of the one shape", true},
         synthetic::drawShapeColour},
        {{"synth_shape_position", "shape position", 3, {"upper left", "upper right", "lower left", "lower right"},
          "the quarter of the image the one shape lies in", true},
         synthetic::drawShapePosition},
        {{"synth_shape_kind", "shape kind", 3, {"circle", "triangle", "square", "star"},
          "the outline of the one shape: no corners, three, four or five points", true},
         synthetic::drawShapeKind},
    };
    return all;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

MedMnistSplit generateSplit(const Entry& entry, size_t modalityIndex, Split split, int64_t count,
                            const SyntheticOptions& options) {
    const auto& m = entry.modality;
    const uint64_t splitSeed =
        SyntheticRandom::derive(SyntheticRandom::derive(options.seed, modalityIndex), static_cast<uint64_t>(split));
    // Balanced classes in a random order; the order has its own stream.
    const int classes = static_cast<int>(m.labels.size());
    std::vector<int64_t> labels(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) labels[static_cast<size_t>(i)] = i % classes;
    SyntheticRandom order(SyntheticRandom::derive(splitSeed, 0));
    order.shuffle(labels);

    const size_t imageBytes = static_cast<size_t>(options.size) * options.size * m.channels;
    std::vector<uint8_t> pixels;
    pixels.reserve(imageBytes * static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) {
        SyntheticRandom rng(SyntheticRandom::derive(splitSeed, static_cast<uint64_t>(i) + 1));
        synthetic::SyntheticCanvas canvas(options.size, m.channels);
        entry.draw(static_cast<int>(labels[static_cast<size_t>(i)]), rng, canvas);
        const auto bytes = canvas.toBytes();
        pixels.insert(pixels.end(), bytes.begin(), bytes.end());
    }
    return MedMnistSplit(split, count, options.size, options.size, m.channels, std::move(pixels), std::move(labels), 1,
                         classes);
}

std::vector<SyntheticModality> modalitiesWhere(bool generic) {
    std::vector<SyntheticModality> out;
    for (const auto& e : entries())
        if (e.modality.generic == generic) out.push_back(e.modality);
    return out;
}

}  // namespace

const std::vector<SyntheticModality>& syntheticModalities() {
    static const std::vector<SyntheticModality> medical = modalitiesWhere(false);
    return medical;
}

const std::vector<SyntheticModality>& syntheticGenericTasks() {
    static const std::vector<SyntheticModality> generic = modalitiesWhere(true);
    return generic;
}

const SyntheticModality* findSyntheticModality(const std::string& name) {
    const std::string wanted = lower(name);
    for (const auto* list : {&syntheticModalities(), &syntheticGenericTasks()})
        for (const auto& m : *list)
            if (m.name == wanted || m.name == "synth_" + wanted) return &m;
    return nullptr;
}

MedMnistDataset generateSyntheticDataset(const SyntheticModality& modality, const SyntheticOptions& options) {
    if (options.size != 28 && options.size != 64)
        throw Error("image size " + std::to_string(options.size) + " is not offered", "--size",
                    "Use 28 (the MedMNIST default) or 64.");
    for (const auto n : {options.trainSize, options.valSize, options.testSize})
        if (n < 0) throw Error("a split size is negative (" + std::to_string(n) + ")", "--train/--val/--test");
    const auto& all = entries();
    const auto it = std::find_if(all.begin(), all.end(), [&](const Entry& e) { return e.modality.name == modality.name; });
    if (it == all.end()) throw Error("unknown synthetic modality", modality.name);
    const size_t index = static_cast<size_t>(it - all.begin());
    std::array<MedMnistSplit, 3> splits = {
        generateSplit(*it, index, Split::Train, options.trainSize, options),
        generateSplit(*it, index, Split::Val, options.valSize, options),
        generateSplit(*it, index, Split::Test, options.testSize, options),
    };
    return MedMnistDataset::fromParts(modality.name + ".npz", modality.name, modality.modality, modality.labels, false,
                                      std::move(splits));
}

}  // namespace vitask::recipe
