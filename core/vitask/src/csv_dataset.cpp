#include "vitask/vitask/csv_dataset.h"

#include "vitask/common/error.h"
#include "vitask/vitask/csv_manifest.h"
#include "vitask/vitask/synthetic_random.h"

#ifdef VITASK_RECIPE_WITH_IMAGING
#include "csv_dataset_image.h"
#endif

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

namespace vitask::recipe {
namespace {

namespace fs = std::filesystem;

using Row = CsvManifestRow;

// Lists problems as "  line N: what", one per line, under a heading with their count.
void listProblems(std::string& report, const std::string& heading, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    report += "\n" + std::to_string(lines.size()) + " " + heading + ":";
    for (const auto& l : lines) report += "\n  " + l;
}

// Every problem a look at the manifest and the file system finds, listed in one error.
void checkRows(const std::string& manifest, const std::vector<Row>& rows, const std::vector<std::string>& names) {
    std::vector<std::string> missing, unknown, badSplit;
    for (const auto& row : rows) {
        const std::string at = "line " + std::to_string(row.line) + ": ";
        std::error_code error;
        if (!fs::exists(row.file, error)) missing.push_back(at + row.path);
        for (const auto& label : row.labels)
            if (std::find(names.begin(), names.end(), label) == names.end()) unknown.push_back(at + "'" + label + "'");
        if (!row.split.empty() && row.split != "train" && row.split != "val" && row.split != "test")
            badSplit.push_back(at + "'" + row.split + "'");
    }
    std::string report;
    listProblems(report, "missing file(s)", missing);
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    listProblems(report, "unknown label(s) (the labels are: " + known + ")", unknown);
    listProblems(report, "split name(s) other than train, val, test", badSplit);
    if (!report.empty())
        throw Error("the manifest has problems:" + report, manifest,
                    "Fix the rows listed (paths are relative to the manifest's folder), or name the labels with --labels.");
}

// Which split each row goes to: its own column, or a seeded split stratified by class.
std::vector<Split> assignSplits(const std::vector<Row>& rows, const std::vector<std::vector<int64_t>>& labels,
                                bool multiLabel, const CsvDatasetOptions& options) {
    std::vector<Split> splits(rows.size(), Split::Train);
    if (!rows.empty() && !rows[0].split.empty()) {
        for (size_t i = 0; i < rows.size(); ++i)
            splits[i] = rows[i].split == "val" ? Split::Val : rows[i].split == "test" ? Split::Test : Split::Train;
        return splits;
    }
    // Groups: one per class (single-label), or all rows (multi-label); each is shuffled
    // and its first rows go to test, the next to val.
    std::map<int64_t, std::vector<size_t>> groups;
    for (size_t i = 0; i < rows.size(); ++i) groups[multiLabel ? 0 : labels[i][0]].push_back(i);
    SyntheticRandom rng(options.seed);
    for (auto& [key, members] : groups) {
        rng.shuffle(members);
        const double n = static_cast<double>(members.size());
        const auto test = static_cast<size_t>(std::lround(n * options.testFraction));
        const auto val = std::min(members.size() - test, static_cast<size_t>(std::lround(n * options.valFraction)));
        for (size_t k = 0; k < members.size(); ++k)
            splits[members[k]] = k < test ? Split::Test : k < test + val ? Split::Val : Split::Train;
    }
    return splits;
}

void checkOptions(const CsvDatasetOptions& options) {
    if (options.size < 8 || options.size > 1024)
        throw Error("image size " + std::to_string(options.size) + " is out of range", "--size", "Use 8 to 1024 (MedMNIST: 28, 64, 128, 224).");
    if (options.channels != 0 && options.channels != 1 && options.channels != 3)
        throw Error("channels must be 1 (grey), 3 (RGB) or 0 (from the images)", "--channels");
    if (options.valFraction < 0 || options.testFraction < 0 || options.valFraction + options.testFraction >= 1)
        throw Error("the val and test fractions must be at least 0 and leave some rows for training",
                    "--val-fraction/--test-fraction");
}

}  // namespace

MedMnistDataset CsvDataset::load(const std::string& manifest, const CsvDatasetOptions& options) {
    checkOptions(options);
    const CsvManifest parsed = readCsvManifest(manifest, options.multiLabel);
    const std::vector<Row>& rows = parsed.rows;
    const bool multiLabel = parsed.multiLabel;
    // Class names in index order: given, or the distinct labels sorted.
    const std::vector<std::string> names = options.labels.empty() ? parsed.labelNames() : options.labels;
    checkRows(manifest, rows, names);

    std::vector<std::vector<int64_t>> labels;  // class indices of each row
    for (const auto& row : rows) {
        std::vector<int64_t> indices;
        for (const auto& label : row.labels)
            indices.push_back(std::find(names.begin(), names.end(), label) - names.begin());
        labels.push_back(std::move(indices));
    }
    const std::vector<Split> assigned = assignSplits(rows, labels, multiLabel, options);
    std::array<int64_t, 3> counts{0, 0, 0};
    for (const auto s : assigned) ++counts[static_cast<size_t>(s)];
    const bool ownSplits = !rows[0].split.empty();
    std::vector<std::string> empty;
    for (const Split s : {Split::Train, Split::Val, Split::Test}) {
        const double fraction = s == Split::Val ? options.valFraction : options.testFraction;
        if (counts[static_cast<size_t>(s)] == 0 && (ownSplits || s == Split::Train || fraction > 0))
            empty.push_back(splitName(s));
    }
    if (!empty.empty()) {
        std::string list;
        for (const auto& e : empty) list += (list.empty() ? "" : ", ") + e;
        throw Error("the " + list + " split(s) would be empty (" + std::to_string(rows.size()) + " rows: " +
                        std::to_string(counts[0]) + " train, " + std::to_string(counts[1]) + " val, " +
                        std::to_string(counts[2]) + " test)",
                    manifest,
                    ownSplits ? "Mark rows of the split column as train, val and test."
                              : "List more images, or set that split's fraction to 0 to leave it empty on purpose.");
    }

#ifdef VITASK_RECIPE_WITH_IMAGING
    // Decode everything first (as RGB unless grey was asked for), listing every unreadable file.
    const int decodeChannels = options.channels == 1 ? 1 : 3;
    std::vector<ManifestImage> images(rows.size());
    std::vector<std::string> unreadable;
    bool anyColour = false;
    for (size_t i = 0; i < rows.size(); ++i) {
        try {
            images[i] = readManifestImage(rows[i].file, options.size, decodeChannels);
            anyColour |= images[i].colour;
        } catch (const std::exception& e) {
            unreadable.push_back("line " + std::to_string(rows[i].line) + ": " + e.what());
        }
    }
    if (!unreadable.empty()) {
        std::string report;
        listProblems(report, "unreadable image(s)", unreadable);
        throw Error("the manifest has problems:" + report, manifest,
                    "Replace or remove those files (DICOM, NIfTI, PNG and JPEG are read).");
    }
    // Auto channels: grey files were repeated to RGB; keep one channel when none is colour.
    const int channels = options.channels != 0 ? options.channels : anyColour ? 3 : 1;
    const int columns = multiLabel ? static_cast<int>(names.size()) : 1;
    std::array<MedMnistSplit, 3> splits;
    for (const Split s : {Split::Train, Split::Val, Split::Test}) {
        std::vector<uint8_t> pixels;
        std::vector<int64_t> values;
        for (size_t i = 0; i < rows.size(); ++i) {
            if (assigned[i] != s) continue;
            const auto& p = images[i].pixels;
            if (channels == decodeChannels) {
                pixels.insert(pixels.end(), p.begin(), p.end());
            } else {
                for (size_t k = 0; k < p.size(); k += 3) pixels.push_back(p[k]);
            }
            if (multiLabel) {
                std::vector<int64_t> row(static_cast<size_t>(columns), 0);
                for (const auto index : labels[i]) row[static_cast<size_t>(index)] = 1;
                values.insert(values.end(), row.begin(), row.end());
            } else {
                values.push_back(labels[i][0]);
            }
        }
        splits[static_cast<size_t>(s)] = MedMnistSplit(s, counts[static_cast<size_t>(s)], options.size, options.size,
                                                       channels, std::move(pixels), std::move(values), columns,
                                                       static_cast<int>(names.size()));
    }
    return MedMnistDataset::fromParts(manifest, fs::path(manifest).stem().string(), {}, names, multiLabel,
                                      std::move(splits));
#else
    throw Error("this build has no imaging module, which decodes the manifest's images (the manifest itself is valid)",
                manifest, "Use a MedMNIST .npz file, or build VITask with -DVITASK_IMAGING=ON.");
#endif
}

}  // namespace vitask::recipe
