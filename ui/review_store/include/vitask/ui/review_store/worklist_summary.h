#pragma once
// The numbers a study coordinator reads off a worklist: how far the review got, how often
// the reviewer agreed with the VLM and with the TSM, how accurate each was against the
// dataset's ground truth, the time per case, and for blinded reader studies how the
// reads changed once the AI was shown. Computed from the store's rows, no widget.
//
// The AI's labels come from the answer JSON as the review panel stores it (the case's
// aiAnswer, or a review's aiSnapshot: what that reviewer was shown): the top-level keys
// "vlm_label" and "tsm_label" (docs/formats.md, "AI answer JSON").

#include "vitask/ui/review_store/review_types.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace vitask::ui {

// `hits` of `total`; rate() is nullopt when total is 0.
struct Rate {
    int hits = 0;
    int total = 0;
    std::optional<double> rate() const { return total > 0 ? std::optional<double>(double(hits) / total) : std::nullopt; }
    void add(bool hit) { ++total; hits += hit ? 1 : 0; }
};

struct WorklistSummary {
    int cases = 0;
    int answered = 0;             // cases with an AI answer (not an error)
    int reviewed = 0;             // cases with a review (by the reviewer summarised)
    int accepted = 0, corrected = 0, rejected = 0;
    QMap<QString, int> reasons;   // reason name -> count, corrections and rejections
    // The reviewer's final label against the AI's, over reviewed cases where both exist.
    Rate agreesWithVlm, agreesWithTsm;
    // Against the ground truth, over cases that have one: the VLM and TSM over answered
    // cases, the reviewer over reviewed cases with a final label.
    Rate vlmCorrect, tsmCorrect, reviewerCorrect;
    double secondsTotal = 0, secondsMean = 0, secondsMedian = 0;  // aided reads
    // Blinded reader studies: cases with an unaided read.
    int blinded = 0;
    Rate unaidedCorrect, aidedCorrect;  // same cases, with ground truth
    int changed = 0;                    // final label differs from the unaided one
    int changedToCorrect = 0, changedToWrong = 0;
    double unaidedSecondsMean = 0;
};

// The reviewer's final label for a review: the VLM's label when the answer was accepted,
// else the label the reviewer chose (empty: none).
QString finalLabel(const Review& review);

// Labels compared as sets of '|'-separated names, case and surrounding space ignored.
bool sameLabel(const QString& a, const QString& b);

// Over `cases` and the reviews of `reviewer` among `reviews` (empty: every review; a
// case reviewed by several then counts each review).
WorklistSummary summarizeWorklist(const QList<WorklistCase>& cases, const QList<Review>& reviews,
                                  const QString& reviewer = {});

}  // namespace vitask::ui
