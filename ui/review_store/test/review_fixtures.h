#pragma once
// Reviews with known contents, made the same way by the test and by the writer program it
// kills, so the test can compare what survived field for field.

#include "vitask/ui/review_store/review_types.h"

#include <QDate>
#include <QDateTime>
#include <QTime>

namespace vitask::ui::test {

inline Worklist makeWorklist(const QString& name = QStringLiteral("chest x-ray worklist")) {
    Worklist worklist;
    worklist.name = name;
    worklist.sourcePath = QStringLiteral("/data/studies/DICOMDIR");
    worklist.sourceKind = QStringLiteral("dicom");
    worklist.model = {QStringLiteral("vitask-demo"), QStringLiteral("1.2"), QStringLiteral("sha256:0123abcd")};
    worklist.tsm = {QStringLiteral("builtin_resnet18"), QStringLiteral("3"), QStringLiteral("sha256:89ef")};
    return worklist;
}

inline QDateTime fixtureTime(int minutes, int milliseconds = 123) {
    return QDateTime(QDate(2024, 5, 1), QTime(9, 0, 0, milliseconds), Qt::UTC).addSecs(60 * minutes);
}

// Even i: a DICOM image; odd i: a dataset sample. The decision cycles through accept,
// correct, reject; every third review has an unaided (blinded) read.
inline Review makeReview(qint64 worklistId, int i) {
    Review review;
    review.caseKey.worklistId = worklistId;
    if (i % 2 == 0) {
        review.caseKey.studyInstanceUid = QStringLiteral("1.2.826.0.1.3680043.8.498.%1").arg(i);
        review.caseKey.seriesInstanceUid = QStringLiteral("1.2.826.0.1.3680043.8.498.%1.1").arg(i);
        review.caseKey.sopInstanceUid = QStringLiteral("1.2.826.0.1.3680043.8.498.%1.1.1").arg(i);
    } else {
        review.caseKey.datasetPath = QStringLiteral("/data/synth_chest_xray.npz");
        review.caseKey.datasetSplit = QStringLiteral("test");
        review.caseKey.datasetIndex = i;
    }
    review.reviewer = QStringLiteral("Dr. Reader");
    review.model = {QStringLiteral("vitask-demo"), QStringLiteral("1.2"), QStringLiteral("sha256:0123abcd")};
    review.tsm = {QStringLiteral("builtin_resnet18"), QStringLiteral("3"), QStringLiteral("sha256:89ef")};
    review.aiSnapshot = QStringLiteral(
                            "{\"answer\": \"nodule\", \"answer_with_exemplar\": \"nodule\",\n"
                            " \"probabilities\": {\"normal\": 0.1, \"nodule\": 0.9000000000000001},\n"
                            " \"tsm\": {\"label\": \"nodule\", \"probability\": 0.87}, \"case\": %1}")
                            .arg(i);
    review.decision = static_cast<Decision>(i % 3);
    review.reason = review.decision == Decision::Accept    ? Reason::None
                    : review.decision == Decision::Correct ? Reason::WrongLabel
                                                           : Reason::FalseFinding;
    review.text = QStringLiteral("case %1: \"nodule\", upper lobe,\nsee also prior; \u00e4\u00df\u00e9").arg(i);
    review.read.label = review.decision == Decision::Correct ? QStringLiteral("normal") : QString();
    review.read.finding = review.decision == Decision::Reject ? QStringLiteral("no nodule, a nipple shadow") : QString();
    review.read.confidence = 1 + i % 5;
    review.read.secondsSpent = 12.25 + i;
    review.read.startedAt = fixtureTime(2 * i + 1);
    review.read.finishedAt = fixtureTime(2 * i + 1, 456);
    if (i % 3 == 0) {
        Read unaided;
        unaided.label = QStringLiteral("pleural effusion");
        unaided.confidence = 2;
        unaided.secondsSpent = 30.5;
        unaided.startedAt = fixtureTime(2 * i);
        unaided.finishedAt = fixtureTime(2 * i, 789);
        review.unaidedRead = unaided;
    }
    return review;
}

// The fields saveReview fills in are ignored.
inline bool sameContent(Review a, const Review& b) {
    a.savedAt = b.savedAt;
    a.revision = b.revision;
    return a == b;
}

}  // namespace vitask::ui::test
