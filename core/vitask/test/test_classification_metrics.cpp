// ClassificationMetrics against scikit-learn itself (Debian's python3-sklearn, run through
// /usr/bin/python3 at test time): accuracy_score, f1_score(average="macro"),
// precision_recall_fscore_support, confusion_matrix and roc_auc_score per class, on
// random predictions with tied scores and on the edge cases: a class never predicted, a
// class predicted but never true, a class absent from both, one class only, labels
// without negatives and no probabilities at all. Two of our rules are not sklearn's
// defaults and are given to it explicitly: multi-label macro-F1 leaves out a label absent
// from truth and predictions (labels=...), and a class whose AUC is undefined (sklearn
// raises) is NaN and left out of the macro AUC. The mean and sample standard deviation
// over runs have no sklearn counterpart: NumPy (ddof=1) is their reference.
#include "vitask/vitask/classification_metrics.h"
#include "vitask_test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace vitask::recipe;

namespace {

// Writes the inputs of every case and sklearn's figures for them into one JSON file.
const char* kReference = R"PY(
import json
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score,
                             precision_recall_fscore_support, roc_auc_score)
from sklearn.utils.multiclass import unique_labels
rng = np.random.default_rng(7)

def auc(positive, scores):
    # roc_auc_score raises without a positive or a negative sample: ours is NaN there.
    if scores is None or positive.all() or not positive.any():
        return None
    return float(roc_auc_score(positive, scores))

def figures(truth, pred, prob, k, per_class_auc, **macro_f1_args):
    p, r, f, s = precision_recall_fscore_support(truth, pred, labels=list(range(k)), average=None,
                                                 zero_division=0)
    predicted = pred.sum(0) if pred.ndim == 2 else np.bincount(pred, minlength=k)
    aucs = [per_class_auc(c) for c in range(k)]
    defined = [a for a in aucs if a is not None]
    return dict(truth=truth.ravel().tolist(), pred=pred.ravel().tolist(),
                prob=[] if prob is None else prob.ravel().tolist(), k=k, samples=len(truth),
                accuracy=float(accuracy_score(truth, pred)),
                macro_f1=float(f1_score(truth, pred, average="macro", zero_division=0, **macro_f1_args)),
                per=[dict(precision=float(p[c]), recall=float(r[c]), f1=float(f[c]), support=int(s[c]),
                          predicted=int(predicted[c])) for c in range(k)],
                auc=aucs, macro_auc=float(np.mean(defined)) if defined else None)

def single(truth, pred, prob, k):
    # f1_score(average="macro") averages over unique_labels(truth, pred), as we do.
    out = figures(truth, pred, prob, k, lambda c: auc(truth == c, None if prob is None else prob[:, c]))
    out["present"] = len(unique_labels(truth, pred))
    out["confusion"] = confusion_matrix(truth, pred, labels=list(range(k))).tolist()
    return out

def multi(t, p, sc, k):
    used = [c for c in range(k) if t[:, c].any() or p[:, c].any()]
    out = figures(t, p, sc, k, lambda c: auc(t[:, c] == 1, None if sc is None else sc[:, c]), labels=used)
    out["present"] = len(used)
    return out

out = {}
# 7 classes: 0-3 common; 4 predicted but never true; 5 neither true nor predicted; 6 true
# but never predicted. Scores rounded to one decimal, so many tie.
n, k = 300, 7
truth = rng.integers(0, 4, n)
truth[rng.choice(n, 12, replace=False)] = 6
pred = np.where(rng.random(n) < 0.6, truth, rng.integers(0, 5, n))
pred[pred == 6] = rng.integers(0, 4, (pred == 6).sum())
prob = np.round(rng.dirichlet(np.ones(k), n) + 0.5 * np.eye(k)[truth], 1)
out["single"] = single(truth, pred, prob, k)

# One class in the truth (2 of 3), predicted wrongly now and then: no AUC is defined.
n, k = 40, 3
truth = np.full(n, 2)
pred = np.where(rng.random(n) < 0.8, 2, 0)
out["one_true_class"] = single(truth, pred, rng.random((n, k)), k)

# A single class, always right, and no probabilities.
out["single_class"] = single(np.zeros(25, int), np.zeros(25, int), None, 1)

# Multi-label, 6 labels: 3 neither true nor predicted, 4 true on every sample (no
# negatives), 5 sometimes true but never predicted.
n, k = 200, 6
t = (rng.random((n, k)) < 0.3).astype(int); t[:, 3] = 0; t[:, 4] = 1
p = np.where(rng.random((n, k)) < 0.7, t, 1 - t); p[:, 3] = 0; p[:, 5] = 0
sc = np.round(np.clip(t * 0.3 + rng.random((n, k)) * 0.7, 0, 1), 2)
out["multi"] = multi(t, p, sc, k)

runs = rng.random(5)
out["runs"] = dict(values=runs.tolist(), mean=float(runs.mean()), std=float(runs.std(ddof=1)))
json.dump(out, open(path, "w"))
)PY";

template <typename T>
std::vector<T> values(const QJsonValue& array) {
    std::vector<T> out;
    for (const auto& v : array.toArray()) out.push_back(static_cast<T>(v.toDouble()));
    return out;
}

bool near(double a, double b) { return std::abs(a - b) < 1e-9; }

void compare(const ClassificationMetrics& m, const QJsonObject& ref) {
    QCOMPARE(m.samples, int64_t(ref["samples"].toInt()));
    QVERIFY2(near(m.accuracy, ref["accuracy"].toDouble()), qPrintable(QString::number(m.accuracy)));
    QVERIFY2(near(m.macroF1, ref["macro_f1"].toDouble()),
             qPrintable(QStringLiteral("%1 vs %2").arg(m.macroF1).arg(ref["macro_f1"].toDouble())));
    QCOMPARE(m.classesInMacroF1, ref["present"].toInt());
    if (ref["macro_auc"].isNull())
        QVERIFY2(std::isnan(m.macroAuc), qPrintable(QString::number(m.macroAuc)));
    else
        QVERIFY2(near(m.macroAuc, ref["macro_auc"].toDouble()), qPrintable(QString::number(m.macroAuc)));
    const auto per = ref["per"].toArray();
    const auto auc = ref["auc"].toArray();
    QCOMPARE(m.perClass.size(), size_t(per.size()));
    for (int c = 0; c < per.size(); ++c) {
        const auto r = per[c].toObject();
        const auto& s = m.perClass[size_t(c)];
        const QString which = QStringLiteral("class %1").arg(c);
        QVERIFY2(near(s.precision, r["precision"].toDouble()), qPrintable(which));
        QVERIFY2(near(s.recall, r["recall"].toDouble()), qPrintable(which));
        QVERIFY2(near(s.f1, r["f1"].toDouble()), qPrintable(which));
        QCOMPARE(s.support, int64_t(r["support"].toInt()));
        QCOMPARE(s.predicted, int64_t(r["predicted"].toInt()));
        QCOMPARE(s.inMacroF1, s.support > 0 || s.predicted > 0);
        if (auc[c].isNull())
            QVERIFY2(std::isnan(s.auc), qPrintable(which));
        else
            QVERIFY2(near(s.auc, auc[c].toDouble()), qPrintable(QString("class %1: %2 vs %3").arg(c).arg(s.auc).arg(auc[c].toDouble())));
    }
    if (ref.contains("confusion")) {
        const auto confusion = ref["confusion"].toArray();
        QCOMPARE(m.confusion.size(), size_t(confusion.size()));
        for (int i = 0; i < confusion.size(); ++i)
            for (int j = 0; j < confusion.size(); ++j)
                QCOMPARE(m.confusion[size_t(i)][size_t(j)], int64_t(confusion[i].toArray()[j].toInt()));
    }
}

ClassificationMetrics singleLabel(const QJsonObject& ref) {
    return ClassificationMetrics::ofSingleLabel(values<int64_t>(ref["truth"]), values<int64_t>(ref["pred"]),
                                                ref["k"].toInt(), values<double>(ref["prob"]));
}

}  // namespace

class TestClassificationMetrics : public QObject {
    Q_OBJECT
private:
    QJsonObject reference_;

private Q_SLOTS:
    void initTestCase() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("reference.json"));
        QVERIFY2(test::runNumpy(QString::fromUtf8(kReference), file),
                 "the reference needs /usr/bin/python3 with numpy and scikit-learn: install python3-sklearn "
                 "(scripts/install-deps.sh does)");
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        reference_ = QJsonDocument::fromJson(in.readAll()).object();
        QVERIFY(!reference_.isEmpty());
    }

    void singleLabelMatchesSklearn() {
        const auto ref = reference_["single"].toObject();
        const auto m = singleLabel(ref);
        compare(m, ref);
        QCOMPARE(m.perClass.size(), size_t(7));
        QVERIFY(m.perClass[4].inMacroF1);   // predicted only: F1 0, counted
        QCOMPARE(m.perClass[4].f1, 0.0);
        QVERIFY(!m.perClass[5].inMacroF1);  // absent from truth and predictions
        QVERIFY(m.perClass[6].inMacroF1);   // true only, never predicted: recall 0, counted
        QCOMPARE(m.perClass[6].predicted, int64_t(0));
        QCOMPARE(m.perClass[6].recall, 0.0);
        QCOMPARE(m.classesInMacroF1, 6);
    }

    // All samples of one class: macro-F1 over that class and the one wrongly predicted;
    // no class has both positives and negatives, so no AUC at all.
    void oneTrueClassMatchesSklearn() {
        const auto ref = reference_["one_true_class"].toObject();
        const auto m = singleLabel(ref);
        compare(m, ref);
        QCOMPARE(m.classesInMacroF1, 2);
        QVERIFY(std::isnan(m.macroAuc));
    }

    void singleClassWithoutProbabilitiesMatchesSklearn() {
        const auto ref = reference_["single_class"].toObject();
        const auto m = singleLabel(ref);
        compare(m, ref);
        QCOMPARE(m.accuracy, 1.0);
        QCOMPARE(m.macroF1, 1.0);
        QVERIFY(std::isnan(m.macroAuc));
    }

    void multiLabelMatchesSklearn() {
        const auto ref = reference_["multi"].toObject();
        const auto m = ClassificationMetrics::ofMultiLabel(values<uint8_t>(ref["truth"]), values<uint8_t>(ref["pred"]),
                                                         ref["k"].toInt(), values<double>(ref["prob"]));
        compare(m, ref);
        QVERIFY(m.multiLabel);
        QVERIFY(!m.perClass[3].inMacroF1);       // neither true nor predicted: left out
        QVERIFY(std::isnan(m.perClass[4].auc));  // positive on every sample: no negatives
        QCOMPARE(m.perClass[5].recall, 0.0);     // never predicted
        QCOMPARE(m.classesInMacroF1, 5);
    }

    void meanAndSampleStdOverRuns() {
        const auto ref = reference_["runs"].toObject();
        auto runs = values<double>(ref["values"]);
        runs.push_back(std::nan(""));  // an undefined figure is skipped
        const auto s = MeanStd::of(runs);
        QVERIFY(near(s.mean, ref["mean"].toDouble()));
        QVERIFY(near(s.std, ref["std"].toDouble()));
        QCOMPARE(s.runs, 5);
    }

    void mismatchedInputsAreErrors() {
        QVERIFY(test::errorOf([] { ClassificationMetrics::ofSingleLabel({0, 1}, {0}, 2); }).contains("2 true labels"));
        QVERIFY(test::errorOf([] { ClassificationMetrics::ofSingleLabel({0, 3}, {0, 1}, 2); }).contains("sample 1"));
    }
};

QTEST_GUILESS_MAIN(TestClassificationMetrics)
#include "test_classification_metrics.moc"
