#include "vitask/vitask/csv_manifest.h"

#include "vitask/common/error.h"
#include "vitask/common/input_file.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace vitask::recipe {
namespace {

namespace fs = std::filesystem;

const char kFormatHelp[] = "The manifest needs a header row with the columns path,label[,split] (docs/formats.md).";

std::string trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// RFC 4180 records: fields separated by commas, optionally quoted ("a,b", "say ""hi"""),
// quoted fields may span lines. Each record comes with the line it starts on.
std::vector<std::pair<int, std::vector<std::string>>> parseCsv(const std::string& text) {
    std::vector<std::pair<int, std::vector<std::string>>> records;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, any = false;
    int line = 1, start = 1;
    const auto endRecord = [&] {
        fields.push_back(field);
        const bool blank = fields.size() == 1 && trim(fields[0]).empty() && !any;
        if (!blank) records.emplace_back(start, fields);
        fields.clear();
        field.clear();
        any = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
        } else if (c == '"') {
            quoted = any = true;
        } else if (c == ',') {
            fields.push_back(field);
            field.clear();
            any = true;
        } else if (c == '\n') {
            endRecord();
            start = ++line;
        } else if (c != '\r') {
            field += c;
        }
    }
    if (!field.empty() || !fields.empty() || any) endRecord();
    return records;
}

std::vector<std::string> splitLabels(const std::string& cell, bool multiLabel) {
    if (!multiLabel) return {trim(cell)};
    std::vector<std::string> labels;
    std::stringstream stream(cell);
    std::string label;
    while (std::getline(stream, label, '|'))
        if (!trim(label).empty()) labels.push_back(trim(label));
    return labels;
}

}  // namespace

std::vector<std::string> CsvManifest::labelNames() const {
    std::set<std::string> distinct;
    for (const auto& row : rows) distinct.insert(row.labels.begin(), row.labels.end());
    return {distinct.begin(), distinct.end()};
}

CsvManifest readCsvManifest(const std::string& manifest, bool multiLabel) {
    std::ifstream in = openInputFile(manifest, "the manifest", std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // a UTF-8 BOM (spreadsheet exports)
    auto records = parseCsv(text);
    if (records.empty()) throw Error("the manifest is empty", manifest, kFormatHelp);

    std::map<std::string, size_t> column;
    for (size_t i = 0; i < records[0].second.size(); ++i) column[lower(trim(records[0].second[i]))] = i;
    if (!column.count("path") || !column.count("label"))
        throw Error("the header row has no 'path' and 'label' columns (it reads: " + trim(text.substr(0, text.find('\n'))) + ")",
                    manifest, kFormatHelp);
    CsvManifest result;
    result.hasSplitColumn = column.count("split") > 0;

    result.multiLabel = multiLabel;
    for (size_t r = 1; r < records.size() && !result.multiLabel; ++r) {
        const auto& fields = records[r].second;
        result.multiLabel = column["label"] < fields.size() && fields[column["label"]].find('|') != std::string::npos;
    }

    const fs::path folder = fs::path(manifest).parent_path();
    std::vector<std::string> malformed;
    for (size_t r = 1; r < records.size(); ++r) {
        // Not a structured binding: C++17 lambdas cannot capture those (clang refuses).
        const int line = records[r].first;
        const auto& fields = records[r].second;
        const auto cell = [&](const char* name) { return column[name] < fields.size() ? trim(fields[column[name]]) : ""; };
        CsvManifestRow row;
        row.line = line;
        row.path = cell("path");
        if (row.path.empty()) {
            malformed.push_back("line " + std::to_string(line) + ": no path");
            continue;
        }
        row.file = fs::path(row.path).is_absolute() ? fs::path(row.path) : folder / row.path;
        row.labels = splitLabels(cell("label"), result.multiLabel);
        if (!result.multiLabel && row.labels[0].empty()) malformed.push_back("line " + std::to_string(line) + ": no label");
        if (result.hasSplitColumn) row.split = lower(cell("split"));
        result.rows.push_back(std::move(row));
    }
    if (!malformed.empty()) {
        std::string report = "\n" + std::to_string(malformed.size()) + " row(s) without a path or label:";
        for (const auto& l : malformed) report += "\n  " + l;
        throw Error("the manifest has problems:" + report, manifest, kFormatHelp);
    }
    if (result.rows.empty()) throw Error("the manifest lists no images", manifest, kFormatHelp);
    return result;
}

}  // namespace vitask::recipe
