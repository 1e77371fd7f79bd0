#pragma once
// ClassificationMetrics: how well a classifier (a TSM, or the VLM's answers mapped to
// classes) did on a labelled split, computed as scikit-learn computes them:
//   - accuracy (multi-label: exact match, every label of a sample right);
//   - macro-F1, the primary figure: the mean F1 over the classes that occur in the truth
//     or in the predictions. A class absent from both is excluded (it has no F1 to speak
//     of; sklearn's f1_score(average="macro") does the same by default for single-label
//     data). A class that is predicted but never true, or true but never predicted, scores
//     F1 = 0 (sklearn's zero_division=0). For multi-label data the same rule is applied
//     per label (sklearn would count a label absent from both as F1 = 0);
//   - per class: precision, recall, F1, support (true samples);
//   - the confusion matrix (single-label): rows are true classes, columns predicted;
//   - one-vs-rest ROC AUC per class from the class probabilities (rank-based, tied scores
//     share their mean rank, as roc_auc_score), NaN where a class has no positive or no
//     negative sample; macro AUC is the mean over the classes where it is defined.
// Plain types only: the studio shows these without LibTorch.

#include <cstdint>
#include <limits>
#include <vector>

namespace vitask::recipe {

struct ClassScores {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    int64_t support = 0;    // samples whose truth is this class (multi-label: positive on this label)
    int64_t predicted = 0;  // samples predicted as this class
    double auc = std::numeric_limits<double>::quiet_NaN();
    bool inMacroF1 = false;  // false: absent from truth and predictions
};

struct ClassificationMetrics {
    bool multiLabel = false;
    int64_t samples = 0;
    double accuracy = 0;
    double macroF1 = 0;
    int classesInMacroF1 = 0;
    double macroAuc = std::numeric_limits<double>::quiet_NaN();  // NaN without probabilities
    std::vector<ClassScores> perClass;
    std::vector<std::vector<int64_t>> confusion;  // single-label only: [true][predicted]

    // truth, predicted: one class index in [0, classCount) per sample. probabilities:
    // empty, or samples x classCount row-major scores (used for AUC only). Throws
    // vitask::Error for mismatched lengths or an index out of range.
    static ClassificationMetrics ofSingleLabel(const std::vector<int64_t>& truth, const std::vector<int64_t>& predicted,
                                             int classCount, const std::vector<double>& probabilities = {});
    // truth, predicted: samples x labelCount row-major 0/1 values (ChestMNIST rows).
    static ClassificationMetrics ofMultiLabel(const std::vector<uint8_t>& truth, const std::vector<uint8_t>& predicted,
                                            int labelCount, const std::vector<double>& probabilities = {});
};

// ROC AUC of `scores` for the samples marked in `positive` against the rest
// (Mann-Whitney U over average ranks); NaN when either side is empty.
double rocAuc(const std::vector<double>& scores, const std::vector<uint8_t>& positive);

// Mean and standard deviation of one figure over several runs (seeds). The standard
// deviation is the sample one (n - 1 in the denominator; 0 for one run). NaN values (an
// undefined AUC) are skipped; with none left both are NaN.
struct MeanStd {
    double mean = std::numeric_limits<double>::quiet_NaN();
    double std = std::numeric_limits<double>::quiet_NaN();
    int runs = 0;
    static MeanStd of(const std::vector<double>& values);
};

struct ClassificationSummary {
    MeanStd accuracy, macroF1, macroAuc;
    static ClassificationSummary over(const std::vector<ClassificationMetrics>& runs);
};

}  // namespace vitask::recipe
