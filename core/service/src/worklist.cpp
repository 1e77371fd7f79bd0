#include "vitask/service/worklist.h"

#include "vitask/common/error.h"
#include "worklist_sources.h"

#ifdef VITASK_SERVICE_WITH_IMAGING
#include "vitask/imaging/dicom_scanner.h"
#endif

#include <algorithm>
#include <cctype>

namespace vitask::service {
namespace {

namespace fs = std::filesystem;

const char kWhatToOpen[] = "Open a folder of DICOM files, a DICOMDIR, a MedMNIST .npz or a CSV manifest.";

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool isDicomDir(const fs::path& file) {
    if (lower(file.filename().string()) == "dicomdir") return true;
#ifdef VITASK_SERVICE_WITH_IMAGING
    return imaging::DicomScanner::isDicomDir(file);
#else
    return false;
#endif
}

}  // namespace

namespace detail {

Error listingCancelled(const fs::path& path) { return Error("cancelled", path.string(), "List it again."); }

#ifndef VITASK_SERVICE_WITH_IMAGING
WorklistSource listStudy(const fs::path& path, WorklistSourceKind, const ListProgress&) {
    throw Error("this build has no imaging module to read DICOM", path.string(),
                "Use a MedMNIST .npz or a CSV manifest of PNG/JPEG files, or a build with VITASK_IMAGING=ON.");
}
#endif

}  // namespace detail

const char* worklistSourceKindName(WorklistSourceKind kind) {
    switch (kind) {
    case WorklistSourceKind::DicomFolder: return "dicom-folder";
    case WorklistSourceKind::Dicomdir: return "dicomdir";
    case WorklistSourceKind::MedMnist: return "medmnist";
    case WorklistSourceKind::CsvManifest: return "csv";
    }
    return "unknown";
}

WorklistSource listWorklist(const fs::path& path, const std::string& split, const ListProgress& progress) {
    std::error_code error;
    if (!fs::exists(path, error)) throw Error("no such file or folder", path.string(), kWhatToOpen);
    if (fs::is_directory(path, error)) return detail::listStudy(path, WorklistSourceKind::DicomFolder, progress);
    const std::string extension = lower(path.extension().string());
    if (extension == ".npz") return detail::listMedMnist(path, split, progress);
    if (extension == ".csv") return detail::listCsvManifest(path, split, progress);
    if (isDicomDir(path)) return detail::listStudy(path, WorklistSourceKind::Dicomdir, progress);
    throw Error("not a worklist source", path.string(), kWhatToOpen);
}

ModelImage loadCaseImage(const WorklistCase& c) {
#ifdef VITASK_SERVICE_WITH_IMAGING
    if (c.isDicom()) return detail::dicomCaseImage(c);
#endif
    // Without imaging, modelImageFromFile refuses a DICOM file, naming it.
    if (c.datasetIndex >= 0 && lower(c.file.extension().string()) == ".npz") return detail::medMnistSampleImage(c);
    return modelImageFromFile(c.file);
}

}  // namespace vitask::service
