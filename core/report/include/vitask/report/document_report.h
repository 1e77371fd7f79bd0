#pragma once
// A report as a document: JSON (schema: docs/formats.md, "Report JSON") and HTML, with
// the same content as the PDF the studio prints from this HTML (ui/report_pdf). One
// section per case; from the second on, each starts a new page when printed.
//
// These writers write what they are given: de-identify first (deidentify.h).

#include "vitask/report/case_report.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace vitask::report {

std::string jsonReport(const Report& report);
// How an <img> refers to case `index`'s key image; empty function: a data: URI of the PNG.
using ImageSource = std::function<std::string(std::size_t index)>;
std::string htmlReport(const Report& report, const ImageSource& imageSource = {});

// Written atomically; throw vitask::Error naming the file when it cannot be written
// (e.g. a folder without write permission).
void writeJsonReport(const Report& report, const std::filesystem::path& file);
void writeHtmlReport(const Report& report, const std::filesystem::path& file);

// The key image as a PNG file's bytes (empty for an empty image).
std::vector<uint8_t> keyImagePng(const KeyImage& image);

}  // namespace vitask::report
