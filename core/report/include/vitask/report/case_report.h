#pragma once
// What a report says about one case and about a set of cases (a worklist), in plain
// types: the image, the question, the AI's answers and probabilities, the TSM, the
// models' identities, the reviewer's decision. Every writer (JSON, HTML, PDF, DICOM SR)
// renders this one structure, so the formats carry the same content.
//
// Patient data: `patient` is identifying and written only when a report is exported
// without de-identification (see deidentify.h); it is never logged.

#include "vitask/service/ask.h"
#include "vitask/service/model_image.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vitask::report {

// A model, TSM or program as it was when it answered: enough to tell two versions apart.
struct SoftwareIdentity {
    std::string name;
    std::string version;
    std::string weightsHash;  // e.g. "sha256:..."; may be empty

    bool empty() const { return name.empty(); }
};

// The DICOM instance a case's image comes from (all empty for other sources).
struct DicomReference {
    std::string studyInstanceUid;
    std::string seriesInstanceUid;
    std::string sopInstanceUid;
    std::string sopClassUid;

    bool empty() const { return studyInstanceUid.empty(); }
};

// Identifying data of the source study: kept only without de-identification.
struct PatientInfo {
    std::string name, id, birthDate, sex;
    std::string studyDate, studyTime, accessionNumber, studyId, studyDescription, referringPhysician;
};

// A sample of a dataset (a MedMNIST .npz, a CSV manifest) a case comes from.
struct DatasetReference {
    std::string file;    // the dataset's file name (no folder)
    std::string split;   // "train", "val", "test" or empty
    int64_t index = -1;

    bool empty() const { return index < 0; }
};

// One of the reviewer's reads (see vitask::ui::Read).
struct ReviewRead {
    std::string label;
    std::string finding;
    int confidence = 0;        // 1..5; 0 not given
    double secondsSpent = 0;
};

// The reviewer's decision on the AI's answer.
struct ReviewDecision {
    std::string reviewer;
    std::string decision;      // "accept", "correct", "reject"
    std::string reason;        // "none", "false_finding", ... (vitask::ui::reasonName)
    std::string text;
    ReviewRead read;                        // the aided read
    std::optional<ReviewRead> unaidedRead;  // blinded reader studies
    std::string savedAt;       // ISO 8601 UTC
};

// The image shown with the answer, with the saliency heatmap blended in when there is
// one: 8-bit RGB, row-major, width * height * 3 bytes.
struct KeyImage {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;
    bool heatmap = false;      // the saliency map is blended in
    // Set when the image is left out of the report (e.g. the source has burned-in
    // annotation and the report is de-identified): why, in words.
    std::string withheld;

    bool empty() const { return rgb.empty(); }
};

struct CaseReport {
    std::string title;                   // "Case 3 of 12", never patient data
    std::filesystem::path sourceFile;    // the file the image was read from (DICOM: the instance)
    DicomReference dicom;
    DatasetReference dataset;
    std::optional<PatientInfo> patient;  // DICOM sources, filled by readDicomSource()
    bool burnedInAnnotation = false;     // the source's (0028,0301) is "YES"
    std::string groundTruth;             // the dataset's label, when it has one

    std::string question;                // the instruction the model was asked
    std::string answer;                  // the VLM's answer without the exemplar
    std::string answerWithExemplar;      // and with it (empty: not asked)
    std::vector<service::LabelProbability> labels;
    std::vector<service::LabelProbability> labelsWithExemplar;
    std::string vlmLabel;
    std::optional<service::TsmPrediction> tsm;
    std::string agreement;               // service::agreementName()
    std::string saliencyMethod;          // "Grad-CAM", "occlusion"; empty: none
    std::string saliencyLabel;

    SoftwareIdentity model;
    SoftwareIdentity tsmModel;           // empty name: no TSM
    std::string answeredAt;              // ISO 8601 UTC
    std::optional<ReviewDecision> review;
    KeyImage keyImage;
};

struct Report {
    std::string title;                   // "VITask report", a worklist's name
    std::string generatedAt;             // ISO 8601 UTC
    SoftwareIdentity software;           // the program that wrote it ("VITask Studio", version)
    bool deidentified = true;
    std::vector<CaseReport> cases;
};

// Every report says this, in every format.
const char* researchDisclaimer();

// The case an AI answer makes (no review): the question, answers, probabilities, TSM
// prediction and agreement of `result`, and `withExemplar`'s answer when the
// exemplar-prompted answer was asked too. tsmModel gets the TSM's name only (the caller
// adds version and hash, and model); answeredAt is the time of the call.
CaseReport caseReportFromAnswer(const service::AskResult& result, const service::AskResult* withExemplar);

// The key image: `image` ([C, H, W] in [0, 1], grey or RGB) to 8-bit RGB, with the
// saliency map (stretched over the image) blended in with the studio's turbo colour
// map where the map is high.
KeyImage keyImageFrom(const service::ModelImage& image, const service::SaliencyMap* saliency);

// The current time, ISO 8601 UTC with seconds ("2026-12-05T22:50:39Z").
std::string isoTimeNowUtc();

}  // namespace vitask::report
