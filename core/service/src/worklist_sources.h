#pragma once
// The kinds of worklist source behind listWorklist and loadCaseImage (worklist.h).

#include "vitask/common/error.h"
#include "vitask/service/worklist.h"

namespace vitask::service::detail {

// The error of a listing cancelled through its progress callback.
Error listingCancelled(const std::filesystem::path& path);

// Datasets (every build): a MedMNIST .npz's split, a CSV manifest's rows of a split.
WorklistSource listMedMnist(const std::filesystem::path& file, const std::string& split, const ListProgress& progress);
WorklistSource listCsvManifest(const std::filesystem::path& file, const std::string& split, const ListProgress& progress);
ModelImage medMnistSampleImage(const WorklistCase& c);

// DICOM folders and DICOMDIRs; without imaging, listStudy refuses them.
WorklistSource listStudy(const std::filesystem::path& path, WorklistSourceKind kind, const ListProgress& progress);
ModelImage dicomCaseImage(const WorklistCase& c);  // imaging builds only

}  // namespace vitask::service::detail
