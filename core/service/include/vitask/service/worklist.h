#pragma once
// A worklist's cases, in plain types: the images of a study folder, a DICOMDIR or a
// dataset split (a MedMNIST .npz, a CSV manifest), listed once when the worklist is made
// and read one at a time as the reviewer (or the background answering) reaches them.
// The AI's answers for all of them are computed by EngineService::answerCases.
//
// Patient data: a case is named by its modality, series description and position, or by
// its dataset index; never by the patient's name or ID.
//
// Builds without imaging (VITASK_IMAGING=OFF, the GPU servers) list and read datasets
// only: MedMNIST .npz files, and CSV manifests of PNG/JPEG/BMP files; a DICOM folder or
// DICOMDIR is refused with an error saying so.

#include "vitask/service/ask.h"
#include "vitask/service/model_image.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vitask::service {

// One image the AI is asked about and a reviewer reviews: a DICOM case (a series, or one
// image of it), or a dataset sample.
struct WorklistCase {
    // DICOM cases: the series; the SOP Instance UID of the image shown.
    std::string studyInstanceUid;
    std::string seriesInstanceUid;
    std::string sopInstanceUid;
    // Dataset cases: the dataset file, its split and the sample's index within the split.
    std::filesystem::path datasetPath;
    std::string datasetSplit;
    int64_t datasetIndex = -1;

    // The file the image is read from: a DICOM instance, a NIfTI or photo file, a CSV
    // row's image file, or the .npz itself.
    std::filesystem::path file;
    // The slice shown of a volume (the middle one). DICOM: the frame of `file`; NIfTI:
    // unused, its middle slice is chosen when read (the listing reads headers only).
    std::size_t slice = 0;
    std::string title;            // "CT · Chest 2.5 mm", "test #12": no patient data
    // The dataset's label ('|' between several; "no finding" for a multi-label sample
    // without one, as the trainer's answers say); empty: unknown.
    std::string groundTruth;

    bool isDicom() const { return !studyInstanceUid.empty(); }
};

enum class WorklistSourceKind { DicomFolder, Dicomdir, MedMnist, CsvManifest };
// "dicom-folder", "dicomdir", "medmnist", "csv"
const char* worklistSourceKindName(WorklistSourceKind kind);

struct WorklistSource {
    std::filesystem::path path;
    WorklistSourceKind kind = WorklistSourceKind::DicomFolder;
    std::string split;                  // datasets: the split listed (empty: a CSV manifest's every row)
    TaskInfo task;                      // datasets: the task (name, modality, labels); DICOM: empty
    std::vector<WorklistCase> cases;    // in the source's order
};

// Progress of a listing: files or samples seen so far, of `total` (0: not known yet).
// Return false to cancel.
using ListProgress = std::function<bool(std::size_t done, std::size_t total)>;

// Lists the cases of `path`: a folder of DICOM files (scanned recursively; NIfTI and
// photo files in it too), a DICOMDIR, a MedMNIST .npz (the samples of `split`) or a CSV
// manifest (its rows of `split`; without a split column, every row). A DICOM series
// becomes one case (its middle image); a series of projection images (CR, DX, MG, US,
// ...: separate pictures, not slices) one case per image. Reads headers, labels and the
// manifest only, no pixels; whether a CSV row's file exists shows when it is read.
// Throws vitask::Error naming the path when it does not exist, holds no case, is not one
// of these, or the listing was cancelled.
WorklistSource listWorklist(const std::filesystem::path& path, const std::string& split = "test",
                            const ListProgress& progress = {});

// The image of a case as the model sees it: DICOM, the frame of its one file with the
// file's default window (as modelImageFromFile reads a file; the rest of the series is
// not read); a .npz sample, its uint8 values / 255; anything else as modelImageFromFile.
// The last .npz split read is kept in memory (a deflated member cannot be read in part,
// so each sample would otherwise inflate the whole split). Safe to call from several
// threads. Throws vitask::Error naming the file when it cannot be read.
ModelImage loadCaseImage(const WorklistCase& c);

// The AI's answers for one case: without the exemplar (always), and with it when a TSM
// is loaded and the model takes its exemplar.
struct CaseAnswer {
    AskResult answer;
    std::optional<AskResult> answerWithExemplar;
    ModelImage image;             // what was asked about (for the key image)
};

}  // namespace vitask::service
