#include "vitask/imaging/study_catalog.h"

#include "file_name.h"
#include "vitask/common/error.h"
#include "vitask/imaging/dicom_reader.h"
#include "vitask/imaging/nifti_reader.h"
#include "vitask/imaging/photo_reader.h"
#include "vitask/imaging/window.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <set>

namespace vitask::imaging {
namespace {

namespace fs = std::filesystem;

bool isImageFile(const fs::path& file) {
    return NiftiReader::hasNiftiExtension(file) || PhotoReader::hasPhotoExtension(file);
}

// The header of an Analyze / NIfTI-1 pair is the .hdr beside the .img.
fs::path headerFile(const fs::path& file) {
    const std::string lower = detail::lowerFileName(file);
    const std::string name = file.filename().string();
    const std::size_t at = lower.rfind(".img");
    if (at == std::string::npos || !(detail::endsWith(lower, ".img") || detail::endsWith(lower, ".img.gz"))) return file;
    const std::string stem = name.substr(0, at);
    for (const char* extension : {".hdr", ".HDR", ".hdr.gz", ".HDR.GZ"}) {
        const fs::path candidate = file.parent_path() / (stem + extension);
        std::error_code ec;
        if (fs::exists(candidate, ec)) return candidate;
    }
    return file.parent_path() / (stem + ".hdr");
}

template <typename T>
T readValue(const unsigned char* bytes, bool swap) {
    unsigned char raw[sizeof(T)];
    std::memcpy(raw, bytes, sizeof(T));
    if (swap) std::reverse(raw, raw + sizeof(T));
    T value;
    std::memcpy(&value, raw, sizeof(T));
    return value;
}

// Slices x time points from a NIfTI-1, NIfTI-2 or Analyze header, without reading the
// image: listing a large .nii.gz must not inflate it (showing it will). zlib's gzread
// reads uncompressed files as they are.
std::size_t niftiImageCount(const fs::path& file) {
    const fs::path header = headerFile(file);
    const std::string subject = header.string();
    gzFile in = gzopen(subject.c_str(), "rb");
    if (in == nullptr) {
        throw Error("cannot open the NIfTI header", subject, "Check that the file exists and is readable.");
    }
    std::array<unsigned char, 540> bytes{};
    const int got = gzread(in, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(in);
    const auto notNifti = [&] {
        return Error("not a NIfTI or Analyze header (unknown header size or dimensions)", subject,
                     "Check that the file is NIfTI-1, NIfTI-2 or Analyze 7.5 and complete.");
    };
    if (got < 348) throw notNifti();
    // sizeof_hdr is 348 (NIfTI-1, Analyze) or 540 (NIfTI-2) in the file's byte order.
    std::int32_t size = readValue<std::int32_t>(bytes.data(), false);
    const bool swap = size != 348 && size != 540;
    if (swap) size = readValue<std::int32_t>(bytes.data(), true);
    std::array<std::int64_t, 8> dim{};
    if (size == 348) {
        for (int i = 0; i < 8; ++i) dim[i] = readValue<std::int16_t>(bytes.data() + 40 + 2 * i, swap);
    } else if (size == 540 && got >= 540) {
        for (int i = 0; i < 8; ++i) dim[i] = readValue<std::int64_t>(bytes.data() + 16 + 8 * i, swap);
    } else {
        throw notNifti();
    }
    if (dim[0] < 1 || dim[0] > 7) throw notNifti();
    const std::int64_t slices = dim[0] >= 3 ? dim[3] : 1;
    const std::int64_t timePoints = dim[0] >= 4 ? dim[4] : 1;
    if (slices < 1 || timePoints < 1) throw notNifti();
    return static_cast<std::size_t>(slices * timePoints);
}

SeriesItem fileItem(const fs::path& file) {
    SeriesItem item;
    item.file = file;
    if (NiftiReader::hasNiftiExtension(file)) {
        item.kind = SeriesItem::Kind::Nifti;
        item.images = niftiImageCount(file);
    } else {
        item.kind = SeriesItem::Kind::Photo;
        item.images = 1;
    }
    return item;
}

Error cancelled(const fs::path& path) {
    return Error("cancelled", path.string(), "Open it again to scan it.");
}

void addDicomSeries(StudyCatalog& catalog) {
    const auto& patients = catalog.tree.patients;
    for (std::size_t p = 0; p < patients.size(); ++p) {
        const DicomPatient& patient = patients[p];
        for (std::size_t s = 0; s < patient.studies.size(); ++s) {
            const DicomStudy& study = patient.studies[s];
            for (std::size_t r = 0; r < study.series.size(); ++r) {
                const DicomSeries& series = study.series[r];
                if (!series.hasPixels()) continue;
                SeriesItem item;
                item.patient = p;
                item.study = s;
                item.series = r;
                item.patientName = patient.patientName;
                item.patientId = patient.patientId;
                item.studyDate = study.date;
                item.studyDescription = study.description;
                item.seriesDescription = series.description;
                item.modality = series.modality;
                item.seriesNumber = series.seriesNumber;
                item.images = series.frameCount();
                item.warnings = series.warnings;
                for (const auto& instance : series.instances) {
                    if (instance.hasPixels) {
                        item.file = instance.file;
                        break;
                    }
                }
                catalog.series.push_back(std::move(item));
            }
        }
    }
}

// NIfTI and photo files in a scanned folder are not DICOM, so the scan skipped them: they
// become items of their own, the rest stay skipped. The .img of an Analyze pair goes with
// its .hdr. Photos count only where there is no DICOM image: a patient CD's viewer
// brings its own PNG icons.
void addImageFiles(StudyCatalog& catalog, std::vector<SkippedFile> skipped) {
    const bool photos = catalog.series.empty();
    std::set<fs::path> taken;
    for (auto& file : skipped) {
        const bool wanted = NiftiReader::hasNiftiExtension(file.file) ||
                            (photos && PhotoReader::hasPhotoExtension(file.file));
        if (!wanted || headerFile(file.file) != file.file) continue;
        try {
            catalog.series.push_back(fileItem(file.file));
            taken.insert(file.file);
        } catch (const Error& e) {
            file.reason = e.problem();
        }
    }
    for (auto& file : skipped) {
        if (taken.count(file.file) == 0 && taken.count(headerFile(file.file)) == 0) {
            catalog.skipped.push_back(std::move(file));
        }
    }
}

// Why nothing could be listed, with what was met instead.
Error noImages(const StudyCatalog& catalog, bool folder) {
    std::string problem = "no images found";
    std::vector<std::string> withoutImages;
    for (const DicomSeries* series : catalog.tree.allSeries()) withoutImages.push_back(series->modality);
    if (!withoutImages.empty()) {
        std::string modalities;
        for (const auto& modality : withoutImages) modalities += (modalities.empty() ? "" : ", ") + modality;
        problem += " (" + std::to_string(withoutImages.size()) + " DICOM series without images: " +
                   modalities + ")";
    }
    if (!catalog.skipped.empty()) {
        problem += " (" + std::to_string(catalog.skipped.size()) + " file(s) skipped, first: " +
                   catalog.skipped.front().file.filename().string() + ": " + catalog.skipped.front().reason +
                   ")";
    } else if (folder && withoutImages.empty()) {
        problem += " (the folder holds no files)";
    }
    return Error(problem, catalog.source.string(),
                 "Open a DICOM file, a folder of DICOM files, a DICOMDIR, a NIfTI file or a PNG/JPEG image.");
}

const SeriesItem& itemAt(const StudyCatalog& catalog, std::size_t index) {
    if (index >= catalog.series.size()) {
        throw Error("there is no series " + std::to_string(index) + " (" +
                        std::to_string(catalog.series.size()) + " listed)",
                    catalog.source.string(), "Choose one of the series listed.");
    }
    return catalog.series[index];
}

const DicomSeries& dicomSeries(const StudyCatalog& catalog, const SeriesItem& item) {
    return catalog.tree.patients.at(item.patient).studies.at(item.study).series.at(item.series);
}

// A thumbnail needs one image: the series' middle instance alone is read (one file of a
// 1000-slice CT), not the whole series.
Volume readMiddleInstance(const DicomSeries& series) {
    std::vector<const DicomInstance*> images;
    for (const auto& instance : series.instances) {
        if (instance.hasPixels) images.push_back(&instance);
    }
    DicomSeries one;
    one.seriesInstanceUid = series.seriesInstanceUid;
    one.description = series.description;
    one.modality = series.modality;
    one.seriesNumber = series.seriesNumber;
    one.instances.push_back(*images.at(images.size() / 2));
    return DicomReader::readSeries(one);
}

}  // namespace

StudyCatalog openStudy(const fs::path& path, const ScanProgress& progress) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw Error("no such file or folder", path.string(), "Check the path.");
    }
    StudyCatalog catalog;
    catalog.source = path;
    const bool folder = fs::is_directory(path, ec);
    if (!folder && isImageFile(path)) {
        catalog.series.push_back(fileItem(path));
        if (progress && !progress(1, 1)) throw cancelled(path);
        return catalog;
    }
    catalog.tree = DicomScanner::scan(path, progress);
    addDicomSeries(catalog);
    addImageFiles(catalog, std::move(catalog.tree.skipped));
    catalog.tree.skipped.clear();
    if (catalog.series.empty()) throw noImages(catalog, folder);
    return catalog;
}

Volume loadSeries(const StudyCatalog& catalog, std::size_t index) {
    const SeriesItem& item = itemAt(catalog, index);
    Volume volume = item.kind == SeriesItem::Kind::Nifti   ? NiftiReader::read(item.file)
                    : item.kind == SeriesItem::Kind::Photo ? PhotoReader::read(item.file)
                                                           : DicomReader::readSeries(dicomSeries(catalog, item));
    // Here, on the loading thread, rather than in the viewer's first paint.
    if (!volume.voxels.empty()) volume.valueRange = valueRange(volume);
    return volume;
}

Thumbnail makeThumbnail(const StudyCatalog& catalog, std::size_t index, int maxSide) {
    const SeriesItem& item = itemAt(catalog, index);
    maxSide = std::max(maxSide, 1);
    const Volume volume = item.kind == SeriesItem::Kind::Dicom  ? readMiddleInstance(dicomSeries(catalog, item))
                          : item.kind == SeriesItem::Kind::Nifti ? NiftiReader::read(item.file)
                                                                 : PhotoReader::read(item.file);
    const int columns = static_cast<int>(volume.dims[0]);
    const int rows = static_cast<int>(volume.dims[1]);
    const int components = static_cast<int>(volume.components);
    if (volume.voxels.size() < volume.voxelCount() * volume.components || columns == 0 || rows == 0 ||
        volume.dims[2] == 0) {
        throw Error("the image holds no pixels", item.file.string(), "Open another series.");
    }

    // The middle slice of the first time point, windowed as the viewer first shows it.
    const std::size_t slice = volume.dims[2] / 2;
    const Window window = defaultWindow(volume, slice);
    const bool invert = volume.isMonochrome1();
    const float* in = volume.voxels.data() + slice * volume.sliceSize();
    cv::Mat image(rows, columns, CV_8UC(components));
    for (int y = 0; y < rows; ++y) {
        std::uint8_t* row = image.ptr<std::uint8_t>(y);
        for (int i = 0; i < columns * components; ++i) {
            const float value = in[static_cast<std::size_t>(y) * columns * components + i];
            row[i] = static_cast<std::uint8_t>(std::lround(window.apply(value, invert) * 255.0));
        }
    }

    // Non-square pixels (some localizers, ultrasound) are shown at their physical aspect
    // ratio, as the viewer shows them; then the image is shrunk to fit maxSide.
    double width = columns, height = rows;
    const double sx = volume.spacing[0], sy = volume.spacing[1];
    if (sx > 0 && sy > 0) {
        if (sx > sy) width *= sx / sy;
        else height *= sy / sx;
    }
    const double scale = std::min(1.0, maxSide / std::max(width, height));
    const int targetWidth = std::max(1, static_cast<int>(std::lround(width * scale)));
    const int targetHeight = std::max(1, static_cast<int>(std::lround(height * scale)));
    if (targetWidth != columns || targetHeight != rows) {
        cv::Mat resized;
        // Area averaging when shrinking keeps thin structures visible without aliasing.
        const int interpolation =
            targetWidth <= columns && targetHeight <= rows ? cv::INTER_AREA : cv::INTER_LINEAR;
        cv::resize(image, resized, cv::Size(targetWidth, targetHeight), 0, 0, interpolation);
        image = resized;
    }

    Thumbnail thumbnail;
    thumbnail.width = image.cols;
    thumbnail.height = image.rows;
    thumbnail.channels = components;
    thumbnail.pixels.resize(static_cast<std::size_t>(image.cols) * image.rows * components);
    for (int y = 0; y < image.rows; ++y) {
        std::memcpy(thumbnail.pixels.data() + static_cast<std::size_t>(y) * image.cols * components,
                    image.ptr<std::uint8_t>(y), static_cast<std::size_t>(image.cols) * components);
    }
    return thumbnail;
}

}  // namespace vitask::imaging
