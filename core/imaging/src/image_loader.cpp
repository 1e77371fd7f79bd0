#include "vitask/imaging/image_loader.h"

#include "vitask/common/error.h"
#include "vitask/imaging/dicom_reader.h"
#include "vitask/imaging/dicom_scanner.h"
#include "vitask/imaging/nifti_reader.h"
#include "vitask/imaging/photo_reader.h"

#include <algorithm>
#include <cctype>

namespace vitask::imaging {
namespace {

namespace fs = std::filesystem;

bool isIndex(const std::string& text) {
    return !text.empty() && text.size() < 9 &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string describe(std::size_t index, const DicomSeries& series) {
    return "[" + std::to_string(index) + "] " + series.modality + " " +
           std::to_string(series.frameCount()) + " frame(s) \"" + series.description + "\" " +
           series.seriesInstanceUid;
}

}  // namespace

const DicomSeries& ImageLoader::selectSeries(const DicomTree& tree, const std::string& wanted,
                                             const fs::path& subject) {
    const auto all = tree.allSeries();
    if (!wanted.empty()) {
        // UIDs always contain a dot, indices never: the two cannot be confused.
        if (isIndex(wanted)) {
            const std::size_t index = std::stoul(wanted);
            if (index >= 1 && index <= all.size()) {
                const DicomSeries& series = *all[index - 1];
                if (!series.hasPixels()) {
                    throw Error("series " + wanted + " holds no images (modality " + series.modality + ")",
                                subject.string(), "Choose a series with images; see `vitask image info`.");
                }
                return series;
            }
        } else {
            for (const DicomSeries* series : all) {
                if (series->seriesInstanceUid == wanted && series->hasPixels()) return *series;
            }
        }
        throw Error("no series with images matches '" + wanted + "' (" + std::to_string(all.size()) +
                        " series found)",
                    subject.string(), "Give a Series Instance UID or an index from `vitask image info`.");
    }
    std::vector<std::size_t> withImages;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i]->hasPixels()) withImages.push_back(i);
    }
    if (withImages.empty()) {
        std::string reason = "no DICOM images found";
        if (!all.empty()) {
            // DICOM objects were read, but none holds pixel data (a report, a plan, ...).
            std::vector<std::string> modalities;
            for (const DicomSeries* s : all) {
                const std::string modality = s->modality.empty() ? "unknown modality" : s->modality;
                if (std::find(modalities.begin(), modalities.end(), modality) == modalities.end())
                    modalities.push_back(modality);
            }
            std::string list;
            for (const auto& m : modalities) list += (list.empty() ? "" : ", ") + m;
            reason += " (" + std::to_string(all.size()) + " series of DICOM objects without pixel data: " + list + ")";
        }
        if (!tree.skipped.empty()) {
            reason += " (" + std::to_string(tree.skipped.size()) + " file(s) skipped, first: " +
                      tree.skipped.front().file.filename().string() + ": " + tree.skipped.front().reason + ")";
        }
        throw Error(reason, subject.string(),
                    all.empty() ? "Give a DICOM file, a folder of DICOM files, a DICOMDIR, a NIfTI file or a "
                                  "PNG/JPEG image."
                                : "Reports, plans and other objects without pixel data hold no image: choose a "
                                  "file or folder with images (`vitask image info` lists what this path holds).");
    }
    if (withImages.size() > 1) {
        std::string choices;
        for (const std::size_t i : withImages) choices += "\n  " + describe(i + 1, *all[i]);
        throw Error(std::to_string(withImages.size()) + " series with images found; choose one:" + choices,
                    subject.string(), "Pass --series INDEX or --series UID.");
    }
    return *all[withImages.front()];
}

bool ImageLoader::readsAsDicom(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw Error("no such file or folder", path.string(), "Check the path.");
    }
    return !fs::is_regular_file(path, ec) ||
           (!NiftiReader::hasNiftiExtension(path) && !PhotoReader::hasPhotoExtension(path));
}

Volume ImageLoader::load(const fs::path& path, const std::string& series) {
    if (!readsAsDicom(path)) {
        return NiftiReader::hasNiftiExtension(path) ? NiftiReader::read(path) : PhotoReader::read(path);
    }
    const DicomTree tree = DicomScanner::scan(path);
    return DicomReader::readSeries(selectSeries(tree, series, path));
}

}  // namespace vitask::imaging
