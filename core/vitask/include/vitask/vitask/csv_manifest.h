#pragma once
// The rows of a CSV manifest (the format of csv_dataset.h: path,label[,split]), read
// without decoding any image: CsvDataset::load's first step, and what the studio's
// worklist lists (a manifest of thousands of images is listed in milliseconds).

#include <filesystem>
#include <string>
#include <vector>

namespace vitask::recipe {

struct CsvManifestRow {
    int line = 0;                     // 1-based line of the file where the row starts
    std::string path;                 // as written
    std::filesystem::path file;       // resolved against the manifest's folder
    std::vector<std::string> labels;  // one, or for multi-label any number (none: no finding)
    std::string split;                // lower-case as written; "" without a split column
};

struct CsvManifest {
    std::vector<CsvManifestRow> rows;
    bool multiLabel = false;          // asked for, or some label cell holds a '|'
    bool hasSplitColumn = false;

    // The distinct labels, sorted: the dataset's label names when none are given.
    std::vector<std::string> labelNames() const;
};

// Reads and parses the manifest (RFC 4180 quoting, a UTF-8 BOM allowed). Throws
// vitask::Error naming the manifest when it cannot be read, has no path and label
// columns, lists no rows, or has rows without a path or (single-label) label, every one
// listed with its line. Whether the files exist is not checked here.
CsvManifest readCsvManifest(const std::string& manifest, bool multiLabel = false);

}  // namespace vitask::recipe
