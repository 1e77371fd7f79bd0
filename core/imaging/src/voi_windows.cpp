#include "voi_windows.h"

#include "dcmtk_support.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace vitask::imaging::detail {
namespace {

std::vector<std::string> splitBackslash(const std::string& text) {
    std::vector<std::string> parts;
    if (text.empty()) return parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\\', start), text.size());
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

// One VOI LUT Sequence item; nullptr (after a warning) when it cannot be used.
std::shared_ptr<const VoiLut> readVoiLut(DcmItem& item, bool signedInput, const std::string& file) {
    auto fail = [&](const char* why) -> std::shared_ptr<const VoiLut> {
        spdlog::warn("{}: VOI LUT left out: {}", file, why);
        return nullptr;
    };
    const auto descriptor = getLutDescriptor(item, DCM_LUTDescriptor);
    if (!descriptor) return fail("the LUT Descriptor does not hold 3 values");
    const auto [entries, first, bits] = *descriptor;
    auto lut = std::make_shared<VoiLut>();
    lut->entries = entries == 0 ? 65536 : entries;
    lut->firstMapped = signedInput ? long(std::int16_t(first)) : long(first);
    lut->bits = bits;
    if (lut->bits < 1 || lut->bits > 16) return fail("bits per entry outside 1..16");

    DcmElement* element = nullptr;
    if (item.findAndGetElement(DCM_LUTData, element).bad() || element == nullptr) {
        return fail("no LUT Data");
    }
    // US, OW, or SS where a reader guessed the ambiguous VR: 16 bits per entry either way.
    Uint16* words = nullptr;
    Sint16* signedWords = nullptr;
    if (element->getUint16Array(words).bad() || words == nullptr) {
        if (element->getSint16Array(signedWords).bad() || signedWords == nullptr) return fail("unreadable LUT Data");
        words = reinterpret_cast<Uint16*>(signedWords);
    }
    if (element->getLength() / 2 < lut->entries) return fail("fewer LUT Data values than the descriptor says");
    lut->data.assign(words, words + lut->entries);
    return lut;
}

// The VOI LUT Function (0028,1056) of the Window Center/Width pairs in the same item;
// a term the standard does not define is shown LINEAR, with a warning.
VoiFunction voiFunctionOf(DcmItem& item, const std::string& file) {
    const std::string name = getString(item, DCM_VOILUTFunction);
    for (const VoiFunction function : {VoiFunction::Linear, VoiFunction::LinearExact, VoiFunction::Sigmoid}) {
        if (name == voiFunctionName(function)) return function;
    }
    if (!name.empty()) spdlog::warn("{}: unknown VOI LUT Function '{}', windows shown LINEAR", file, name);
    return VoiFunction::Linear;
}

// The VOI LUTs, then the Window Center/Width pairs, of one item (dataset or macro).
std::vector<Window> windowsOf(DcmItem& item, bool signedInput, const std::string& file) {
    std::vector<Window> windows;
    DcmSequenceOfItems* luts = nullptr;
    if (item.findAndGetSequence(DCM_VOILUTSequence, luts).good() && luts) {
        for (unsigned long i = 0; i < luts->card(); ++i) {
            DcmItem& lutItem = *luts->getItem(i);
            auto lut = readVoiLut(lutItem, signedInput, file);
            if (!lut) continue;
            const std::string explanation = getString(lutItem, DCM_LUTExplanation);
            // Center/width span the input range: the linear function's low edge lands on
            // the first mapped value.
            const double center = double(lut->firstMapped) + double(lut->entries) / 2.0;
            const double width = double(lut->entries);
            windows.emplace_back(center, width,
                                 explanation.empty() ? "VOI LUT " + std::to_string(i + 1) : explanation,
                                 std::move(lut));
        }
    }
    const auto centers = getDoubles(item, DCM_WindowCenter);
    const auto widths = getDoubles(item, DCM_WindowWidth);
    const auto names = splitBackslash(getString(item, DCM_WindowCenterWidthExplanation));
    const VoiFunction function = voiFunctionOf(item, file);
    for (std::size_t i = 0; i < std::min(centers.size(), widths.size()); ++i) {
        Window window(centers[i], widths[i], i < names.size() && !names[i].empty() ? names[i] : "from file");
        window.function = function;
        if (function != VoiFunction::Linear && !(window.width > 0)) {
            spdlog::warn("{}: window {} left out: {} needs a width above 0, not {}", file, i + 1,
                         voiFunctionName(function), window.width);
            continue;
        }
        windows.push_back(std::move(window));
    }
    return windows;
}

// The windows in the Frame VOI LUT Sequence (0028,9132) of one functional groups item.
std::vector<Window> frameVoi(DcmItem* groups, bool signedInput, const std::string& file) {
    DcmItem* voi = nullptr;
    if (groups == nullptr || groups->findAndGetSequenceItem(DCM_FrameVOILUTSequence, voi, 0).bad() || !voi) {
        return {};
    }
    return windowsOf(*voi, signedInput, file);
}

}  // namespace

FileWindows readFileWindows(DcmDataset& ds, std::size_t frames, const std::string& file) {
    const bool signedInput = getLong(ds, DCM_PixelRepresentation).value_or(0) == 1;
    FileWindows out;
    out.common = windowsOf(ds, signedInput, file);
    DcmItem* shared = nullptr;
    ds.findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0);
    if (out.common.empty()) out.common = frameVoi(shared, signedInput, file);

    DcmSequenceOfItems* perFrame = nullptr;
    if (ds.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame).bad() || !perFrame ||
        perFrame->card() != frames) {
        return out;
    }
    std::vector<std::vector<Window>> own(frames);
    bool any = false;
    for (std::size_t f = 0; f < frames; ++f) {
        own[f] = frameVoi(perFrame->getItem(static_cast<unsigned long>(f)), signedInput, file);
        any = any || !own[f].empty();
    }
    if (!any) return out;
    // A frame without its own windows takes the shared ones.
    for (auto& windows : own) {
        if (windows.empty()) windows = out.common;
    }
    if (out.common.empty()) out.common = own.front();
    out.perFrame = std::move(own);
    return out;
}

}  // namespace vitask::imaging::detail
