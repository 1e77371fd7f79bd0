#pragma once
// What a radiologist's review of an AI answer consists of, as plain values: the worklist
// it belongs to, the case (DICOM UIDs or a dataset sample), the model and TSM that
// answered, what the AI showed, and the reviewer's decision and reads. ReviewStore keeps
// them in SQLite (docs/formats.md, "Review database").
//
// Patient data: a case is identified by its UIDs or a dataset index, never by a patient's
// name or ID. Review contents are never logged.

#include <QDateTime>
#include <QString>

#include <optional>

namespace vitask::ui {

// A model or TSM as it was when the AI answered: enough to tell two versions apart.
struct ModelIdentity {
    QString name;
    QString version;
    QString weightsHash;   // e.g. "sha256:..." of the weights file(s); free text to the store

    bool operator==(const ModelIdentity& other) const {
        return name == other.name && version == other.version && weightsHash == other.weightsHash;
    }
    bool operator!=(const ModelIdentity& other) const { return !(*this == other); }
};

// A list of cases reviewed together: a study folder, a DICOMDIR, a dataset split.
struct Worklist {
    qint64 id = 0;             // set by ReviewStore::createWorklist
    QString name;
    QString sourcePath;        // the folder, DICOMDIR or dataset file the cases come from
    QString sourceKind;        // free text, e.g. "dicom", "dataset"
    ModelIdentity model;       // the VLM the worklist was made for
    ModelIdentity tsm;         // and its TSM (empty name: none)
    QDateTime createdAt;       // UTC, set by ReviewStore::createWorklist
    // How the AI is asked (schema version 2): where the model and TSM are loaded from, the
    // question, the task whose labels are scored (JSON: name, modality, labels,
    // multi_label), the dataset split listed, and whether reviewers read blinded first.
    QString modelFolder;
    QString tsmSource;         // a TSM registry name or manifest path; empty: none
    QString question;
    QString task;
    QString split;
    bool blinded = false;

    bool operator==(const Worklist& other) const {
        return id == other.id && name == other.name && sourcePath == other.sourcePath &&
               sourceKind == other.sourceKind && model == other.model && tsm == other.tsm &&
               createdAt == other.createdAt && modelFolder == other.modelFolder && tsmSource == other.tsmSource &&
               question == other.question && task == other.task && split == other.split && blinded == other.blinded;
    }
};

// One case of a worklist. Either a DICOM case (studyInstanceUid set; series and SOP
// Instance UIDs when the case is one series or one image), or a dataset sample
// (datasetPath set, datasetIndex >= 0; datasetSplit "train", "val", "test" or empty; a
// file that is not DICOM, e.g. a NIfTI volume, is a dataset sample whose index is the
// slice). Never both.
struct CaseKey {
    qint64 worklistId = 0;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    QString datasetPath;
    QString datasetSplit;
    qint64 datasetIndex = -1;

    bool isDicom() const { return !studyInstanceUid.isEmpty(); }
    // Exactly one of the two identities is complete (see above).
    bool isValid() const;

    bool operator==(const CaseKey& other) const {
        return worklistId == other.worklistId && studyInstanceUid == other.studyInstanceUid &&
               seriesInstanceUid == other.seriesInstanceUid && sopInstanceUid == other.sopInstanceUid &&
               datasetPath == other.datasetPath && datasetSplit == other.datasetSplit &&
               datasetIndex == other.datasetIndex;
    }
    bool operator!=(const CaseKey& other) const { return !(*this == other); }
};

// One case of a worklist as listed when the worklist was made (schema version 2), with
// the AI's answer once the background answering reached it.
struct WorklistCase {
    qint64 id = 0;             // set by ReviewStore::addCases
    int position = 0;          // 0, 1, ... in the worklist's order
    CaseKey key;               // the identity its reviews carry (worklistId set)
    QString file;              // the file the image is read from
    int slice = 0;             // the slice shown of a volume
    QString title;             // no patient data
    QString groundTruth;       // '|' between several labels; empty: unknown
    QString aiAnswer;          // JSON object as the review panel shows it; empty: not answered yet
    QString aiError;           // why the AI could not answer it; empty: none
    QDateTime answeredAt;      // UTC; null while not answered

    bool answered() const { return !aiAnswer.isEmpty() || !aiError.isEmpty(); }
};

// What the reviewer did with the AI's answer.
enum class Decision { Accept, Correct, Reject };

// Why, for Correct and Reject (None for Accept).
enum class Reason { None, FalseFinding, MissedFinding, WrongLabel, PoorImageQuality, NotAssessable, Other };

// Stable names, stored in the database and written to exports: "accept", "correct",
// "reject"; "none", "false_finding", "missed_finding", "wrong_label",
// "poor_image_quality", "not_assessable", "other". Never rename one.
QString decisionName(Decision decision);
QString reasonName(Reason reason);
// Throw vitask::Error naming the accepted values for anything else.
Decision decisionFromName(const QString& name);
Reason reasonFromName(const QString& name);

// One read of a case by the reviewer: with the AI (the aided read, the one the decision
// belongs to) or, in a blinded reader study, before seeing it (the unaided read).
struct Read {
    QString label;             // the class chosen, one of the task's labels (may be empty)
    QString finding;           // a finding written by the reviewer (may be empty)
    // The reviewer's confidence on a 5-point scale: 1 very unsure ... 5 certain;
    // 0: not given.
    int confidence = 0;
    double secondsSpent = 0;   // time spent on this read (active time, may be less than
                               // finishedAt - startedAt when the studio was idle)
    QDateTime startedAt;       // UTC, millisecond precision in the database
    QDateTime finishedAt;

    bool operator==(const Read& other) const {
        return label == other.label && finding == other.finding && confidence == other.confidence &&
               secondsSpent == other.secondsSpent && startedAt == other.startedAt && finishedAt == other.finishedAt;
    }
    bool operator!=(const Read& other) const { return !(*this == other); }
};

// One reviewer's review of one case; saving it again replaces it (revision + 1).
struct Review {
    CaseKey caseKey;
    QString reviewer;          // the reviewer's name as entered in the studio
    ModelIdentity model;       // the VLM that gave the answers shown
    ModelIdentity tsm;         // the TSM whose prediction was shown (empty name: none)
    // What the AI showed, as JSON text exactly as shown (answers without and with the
    // exemplar, label probabilities, the TSM's prediction): stored byte for byte. Empty,
    // or a JSON object or array.
    QString aiSnapshot;
    Decision decision = Decision::Accept;
    Reason reason = Reason::None;
    QString text;              // free text (a comment, the corrected finding's details)
    Read read;                 // the aided read
    std::optional<Read> unaidedRead;  // blinded mode: the read before the AI was shown
    // Set by ReviewStore::saveReview (ignored on input).
    QDateTime savedAt;         // UTC, when the last save was committed
    int revision = 0;          // 1 on the first save, +1 on every save that replaced it

    bool operator==(const Review& other) const {
        return caseKey == other.caseKey && reviewer == other.reviewer && model == other.model &&
               tsm == other.tsm && aiSnapshot == other.aiSnapshot && decision == other.decision &&
               reason == other.reason && text == other.text && read == other.read &&
               unaidedRead == other.unaidedRead && savedAt == other.savedAt && revision == other.revision;
    }
    bool operator!=(const Review& other) const { return !(*this == other); }
};

}  // namespace vitask::ui
