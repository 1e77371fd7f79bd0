// ClassificationMetrics against a NumPy reference written at test time from scikit-learn's
// definitions (precision/recall/F1 with zero_division=0 over the classes in truth or
// prediction, ROC AUC as the trapezoidal area under the ROC curve, so the rank formula
// is checked against an independent computation), on random data with tied scores, a
// class absent from both truth and predictions, and a label without positives.
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

// Writes `data` (the inputs) and `reference` (sklearn's figures) into one JSON file.
const char* kReference = R"PY(
import json
rng = np.random.default_rng(7)

def roc_auc(scores, positive):
    # sklearn's roc_curve + auc: thresholds at distinct scores, trapezoids between them.
    if positive.all() or not positive.any():
        return None
    order = np.argsort(-scores, kind="mergesort")
    s, y = scores[order], positive[order].astype(float)
    last = np.r_[np.where(np.diff(s))[0], len(s) - 1]
    tps, fps = np.cumsum(y)[last], np.cumsum(1 - y)[last]
    tpr, fpr = np.r_[0, tps / tps[-1]], np.r_[0, fps / fps[-1]]
    return float(np.trapz(tpr, fpr))

def scores_for(t, p):
    tp = np.sum(t & p); pred = np.sum(p); sup = np.sum(t)
    precision = tp / pred if pred else 0.0
    recall = tp / sup if sup else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return dict(precision=float(precision), recall=float(recall), f1=float(f1), support=int(sup))

out = {}
# Single-label: 6 classes; class 5 never occurs; class 4 is predicted but never true.
n, k = 300, 6
truth = rng.integers(0, 4, n)
pred = np.where(rng.random(n) < 0.6, truth, rng.integers(0, 5, n))
prob = np.round(rng.dirichlet(np.ones(k), n) + 0.5 * np.eye(k)[truth], 1)  # rounding makes ties
present = np.union1d(truth, pred)
per = [scores_for(truth == c, pred == c) for c in range(k)]
aucs = [roc_auc(prob[:, c], truth == c) for c in range(k)]
cm = np.zeros((k, k), int)
np.add.at(cm, (truth, pred), 1)
out["single"] = dict(truth=truth.tolist(), pred=pred.tolist(), prob=prob.ravel().tolist(), k=k,
    accuracy=float(np.mean(truth == pred)), macro_f1=float(np.mean([per[c]["f1"] for c in present])),
    present=len(present), per=per, auc=aucs, macro_auc=float(np.mean([a for a in aucs if a is not None])),
    confusion=cm.tolist())

# Multi-label: 5 labels; label 3 never true nor predicted, label 4 true on every sample.
n, k = 200, 5
t = (rng.random((n, k)) < 0.3).astype(int); t[:, 3] = 0; t[:, 4] = 1
p = np.where(rng.random((n, k)) < 0.7, t, 1 - t); p[:, 3] = 0
sc = np.round(np.clip(t * 0.3 + rng.random((n, k)) * 0.7, 0, 1), 2)
per = [scores_for(t[:, c] == 1, p[:, c] == 1) for c in range(k)]
used = [c for c in range(k) if t[:, c].any() or p[:, c].any()]
aucs = [roc_auc(sc[:, c], t[:, c] == 1) for c in range(k)]
out["multi"] = dict(truth=t.ravel().tolist(), pred=p.ravel().tolist(), prob=sc.ravel().tolist(), k=k,
    accuracy=float(np.mean((t == p).all(1))), macro_f1=float(np.mean([per[c]["f1"] for c in used])),
    present=len(used), per=per, auc=aucs, macro_auc=float(np.mean([a for a in aucs if a is not None])))

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
    QVERIFY2(near(m.accuracy, ref["accuracy"].toDouble()), qPrintable(QString::number(m.accuracy)));
    QVERIFY2(near(m.macroF1, ref["macro_f1"].toDouble()), qPrintable(QString::number(m.macroF1)));
    QCOMPARE(m.classesInMacroF1, ref["present"].toInt());
    QVERIFY2(near(m.macroAuc, ref["macro_auc"].toDouble()), qPrintable(QString::number(m.macroAuc)));
    const auto per = ref["per"].toArray();
    const auto auc = ref["auc"].toArray();
    QCOMPARE(m.perClass.size(), size_t(per.size()));
    for (int c = 0; c < per.size(); ++c) {
        const auto r = per[c].toObject();
        const auto& s = m.perClass[size_t(c)];
        QVERIFY(near(s.precision, r["precision"].toDouble()));
        QVERIFY(near(s.recall, r["recall"].toDouble()));
        QVERIFY(near(s.f1, r["f1"].toDouble()));
        QCOMPARE(s.support, int64_t(r["support"].toInt()));
        if (auc[c].isNull())
            QVERIFY(std::isnan(s.auc));
        else
            QVERIFY2(near(s.auc, auc[c].toDouble()), qPrintable(QString("class %1: %2 vs %3").arg(c).arg(s.auc).arg(auc[c].toDouble())));
    }
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
        QVERIFY(test::runNumpy(QString::fromUtf8(kReference), file));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        reference_ = QJsonDocument::fromJson(in.readAll()).object();
        QVERIFY(!reference_.isEmpty());
    }

    void singleLabelMatchesSklearn() {
        const auto ref = reference_["single"].toObject();
        const auto m = ClassificationMetrics::ofSingleLabel(values<int64_t>(ref["truth"]), values<int64_t>(ref["pred"]),
                                                          ref["k"].toInt(), values<double>(ref["prob"]));
        compare(m, ref);
        QVERIFY(!m.perClass[5].inMacroF1);  // absent from truth and predictions
        QVERIFY(m.perClass[4].inMacroF1);   // predicted only: F1 0, counted
        const auto confusion = ref["confusion"].toArray();
        for (int i = 0; i < confusion.size(); ++i)
            for (int j = 0; j < confusion.size(); ++j)
                QCOMPARE(m.confusion[size_t(i)][size_t(j)], int64_t(confusion[i].toArray()[j].toInt()));
    }

    void multiLabelMatchesSklearn() {
        const auto ref = reference_["multi"].toObject();
        const auto m = ClassificationMetrics::ofMultiLabel(values<uint8_t>(ref["truth"]), values<uint8_t>(ref["pred"]),
                                                         ref["k"].toInt(), values<double>(ref["prob"]));
        compare(m, ref);
        QVERIFY(m.multiLabel);
        QVERIFY(std::isnan(m.perClass[4].auc));  // positive on every sample: no negatives
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
