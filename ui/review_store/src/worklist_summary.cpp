#include "vitask/ui/review_store/worklist_summary.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace vitask::ui {
namespace {

QString aiLabel(const QString& answerJson, const char* key) {
    if (answerJson.isEmpty()) return {};
    return QJsonDocument::fromJson(answerJson.toUtf8()).object().value(QLatin1String(key)).toString();
}

QStringList labelSet(const QString& label) {
    QStringList names;
    for (const QString& name : label.split(QLatin1Char('|'), Qt::SkipEmptyParts))
        if (const QString trimmed = name.trimmed().toLower(); !trimmed.isEmpty()) names << trimmed;
    names.sort();
    names.removeDuplicates();
    return names;
}

QString caseIdentity(const CaseKey& key) {
    return QStringLiteral("%1|%2|%3|%4|%5|%6")
        .arg(key.studyInstanceUid, key.seriesInstanceUid, key.sopInstanceUid, key.datasetPath, key.datasetSplit)
        .arg(key.datasetIndex);
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

}  // namespace

QString finalLabel(const Review& review) {
    if (review.decision == Decision::Accept) return aiLabel(review.aiSnapshot, "vlm_label");
    return review.read.label;
}

bool sameLabel(const QString& a, const QString& b) {
    const QStringList left = labelSet(a);
    return !left.isEmpty() && left == labelSet(b);
}

WorklistSummary summarizeWorklist(const QList<WorklistCase>& cases, const QList<Review>& reviews,
                                  const QString& reviewer) {
    WorklistSummary s;
    s.cases = int(cases.size());
    QHash<QString, const WorklistCase*> byKey;
    for (const WorklistCase& c : cases) {
        byKey.insert(caseIdentity(c.key), &c);
        if (c.aiAnswer.isEmpty()) continue;
        ++s.answered;
        if (c.groundTruth.isEmpty()) continue;
        if (const QString vlm = aiLabel(c.aiAnswer, "vlm_label"); !vlm.isEmpty())
            s.vlmCorrect.add(sameLabel(vlm, c.groundTruth));
        if (const QString tsm = aiLabel(c.aiAnswer, "tsm_label"); !tsm.isEmpty())
            s.tsmCorrect.add(sameLabel(tsm, c.groundTruth));
    }

    std::vector<double> seconds;
    double unaidedSeconds = 0;
    for (const Review& review : reviews) {
        if (!reviewer.isEmpty() && review.reviewer != reviewer) continue;
        const WorklistCase* c = byKey.value(caseIdentity(review.caseKey), nullptr);
        const QString truth = c ? c->groundTruth : QString();
        ++s.reviewed;
        switch (review.decision) {
        case Decision::Accept: ++s.accepted; break;
        case Decision::Correct: ++s.corrected; break;
        case Decision::Reject: ++s.rejected; break;
        }
        if (review.reason != Reason::None) ++s.reasons[reasonName(review.reason)];
        seconds.push_back(review.read.secondsSpent);

        const QString label = finalLabel(review);
        if (!label.isEmpty()) {
            if (const QString vlm = aiLabel(review.aiSnapshot, "vlm_label"); !vlm.isEmpty())
                s.agreesWithVlm.add(sameLabel(label, vlm));
            if (const QString tsm = aiLabel(review.aiSnapshot, "tsm_label"); !tsm.isEmpty())
                s.agreesWithTsm.add(sameLabel(label, tsm));
            if (!truth.isEmpty()) s.reviewerCorrect.add(sameLabel(label, truth));
        }
        if (!review.unaidedRead) continue;
        ++s.blinded;
        unaidedSeconds += review.unaidedRead->secondsSpent;
        const QString before = review.unaidedRead->label;
        const bool changed = !sameLabel(before, label) && !(before.isEmpty() && label.isEmpty());
        if (changed) ++s.changed;
        if (truth.isEmpty()) continue;
        const bool wasRight = sameLabel(before, truth), isRight = sameLabel(label, truth);
        s.unaidedCorrect.add(wasRight);
        s.aidedCorrect.add(isRight);
        if (changed && !wasRight && isRight) ++s.changedToCorrect;
        if (changed && wasRight && !isRight) ++s.changedToWrong;
    }
    for (double v : seconds) s.secondsTotal += v;
    s.secondsMean = seconds.empty() ? 0 : s.secondsTotal / double(seconds.size());
    s.secondsMedian = median(seconds);
    s.unaidedSecondsMean = s.blinded ? unaidedSeconds / s.blinded : 0;
    return s;
}

}  // namespace vitask::ui
