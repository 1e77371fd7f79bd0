// `vitask data prompts` as a user runs it: a real child process on MedMNIST-layout .npz
// files written by NumPy with a label sidecar (docs/formats.md), and on the built-in
// catalog. The instruction texts are compared with the paper's template as
// ../shared/VITASK_METHOD.md states it ("Analyze the given {modality} image for
// diagnosis. The possible diagnoses are: {label set}."), the demo's recorded questions
// (resources/demo/demo.json) and what each robustness variant promises (docs/training.md).
#include "cli_checks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QStringList kLabels{QStringLiteral("healthy"), QStringLiteral("glaucoma"), QStringLiteral("diabetic retinopathy")};
const QString kLabelList = kLabels.join(QStringLiteral(", "));

// `<dir>/<stem>.npz` with 6/2/2 grey 8 px images and `columns` label columns (1: class
// index, more: multi-label 0/1), and its sidecar naming the modality and the labels.
QString writeDataset(const QString& dir, const QString& stem, int columns) {
    const QString path = dir + QLatin1Char('/') + stem + QStringLiteral(".npz");
    const auto python = runPython(QStringLiteral(R"PY(
import json, sys
import numpy as np
path, columns = sys.argv[1], int(sys.argv[2])
arrays = {}
for split, n in (("train", 6), ("val", 2), ("test", 2)):
    arrays[split + "_images"] = np.zeros((n, 8, 8), np.uint8)
    labels = np.arange(n) % 3 if columns == 1 else (np.arange(n * columns) % 2)
    arrays[split + "_labels"] = labels.reshape(n, columns).astype(np.uint8)
np.savez(path, **arrays)
print(json.dumps({}))
)PY"),
                                  {path, QString::number(columns)});
    if (!python.ok) return {};
    const QJsonObject sidecar{{QStringLiteral("name"), stem},
                              {QStringLiteral("modality"), QStringLiteral("fundus")},
                              {QStringLiteral("labels"), QJsonArray::fromStringList(kLabels)}};
    if (!writeFile(dir + QLatin1Char('/') + stem + QStringLiteral(".json"), QJsonDocument(sidecar).toJson())) return {};
    return path;
}

QStringList promptLines(const QStringList& arguments) {
    const CliResult r = runCli(QStringList{QStringLiteral("data"), QStringLiteral("prompts")} + arguments);
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.err));
        return {};
    }
    return r.text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

}  // namespace

class TestCliPrompts : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() {
        const QString missing = missingPythonModules({QStringLiteral("numpy")});
        if (!missing.isEmpty()) QFAIL(qPrintable(missing));
    }

    // --variant complete: the paper's template with the sidecar's modality and labels in
    // their order, then the answers, one per line: exactly that.
    void completeIsThePaperTemplate() {
        const QString npz = writeDataset(dir_.path(), QStringLiteral("complete"), 1);
        QVERIFY(!npz.isEmpty());
        const CliResult r = runCli({QStringLiteral("data"), QStringLiteral("prompts"), npz, QStringLiteral("--variant"),
                                    QStringLiteral("complete")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.text(), QStringLiteral("Analyze the given fundus image for diagnosis. The possible diagnoses are: %1.\n"
                                          "healthy\nglaucoma\ndiabetic retinopathy\n")
                               .arg(kLabelList));
    }

    // The grid (--variant all, the default): seven instructions in the documented order,
    // then the answers. Fixed wordings exactly; the randomised ones by what they promise.
    void everyVariantChangesWhatItPromises() {
        const QString npz = writeDataset(dir_.path(), QStringLiteral("grid"), 1);
        QVERIFY(!npz.isEmpty());
        const QStringList lines = promptLines({npz});
        QCOMPARE(lines.size(), 7 + 3);
        QCOMPARE(promptLines({npz, QStringLiteral("--variant"), QStringLiteral("all")}), lines);
        const QString complete =
            QStringLiteral("Analyze the given fundus image for diagnosis. The possible diagnoses are: %1.").arg(kLabelList);
        QCOMPARE(lines[0], complete);
        QCOMPARE(lines[1], QStringLiteral("Analyze the given fundus image for diagnosis."));  // no_label_set
        QCOMPARE(lines[2], QStringLiteral("Analyze the given image for diagnosis. The possible diagnoses are: %1.")
                               .arg(kLabelList));  // no_modality
        // shuffled_labels: the paper's words, the same labels in another order.
        const QString prefix = QStringLiteral("Analyze the given fundus image for diagnosis. The possible diagnoses are: ");
        QVERIFY2(lines[3].startsWith(prefix) && lines[3].endsWith(QLatin1Char('.')), qPrintable(lines[3]));
        const QStringList shuffled = lines[3].mid(prefix.size()).chopped(1).split(QStringLiteral(", "));
        QCOMPARE(QSet<QString>(shuffled.begin(), shuffled.end()), QSet<QString>(kLabels.begin(), kLabels.end()));
        QVERIFY(shuffled != kLabels);
        // paraphrase: other words, the modality and every label still named.
        QVERIFY2(!lines[4].startsWith(QStringLiteral("Analyze")) && lines[4].contains(QStringLiteral("fundus")) &&
                     lines[4].contains(kLabelList),
                 qPrintable(lines[4]));
        // typos: the template's words misspelt, the labels intact.
        QVERIFY2(lines[5] != complete && lines[5].endsWith(kLabelList + QLatin1Char('.')), qPrintable(lines[5]));
        QCOMPARE(lines[6], QStringLiteral("Analysiere das gegebene fundus-Bild zur Diagnose. Die möglichen Diagnosen sind: %1.")
                               .arg(kLabelList));  // other_language: German template, English labels
        QCOMPARE(lines.mid(7), kLabels);
    }

    // --seeds N: N draws of a randomised variant, distinct, and the same on every run.
    void seedsGiveDistinctReproducibleDraws() {
        const QString npz = writeDataset(dir_.path(), QStringLiteral("seeds"), 1);
        QVERIFY(!npz.isEmpty());
        const QStringList args{npz, QStringLiteral("--variant"), QStringLiteral("typos"), QStringLiteral("--seeds"),
                               QStringLiteral("3")};
        const QStringList lines = promptLines(args);
        QCOMPARE(lines.size(), 3 + 3);
        QCOMPARE(promptLines(args), lines);
        const QStringList draws = lines.mid(0, 3);
        QCOMPARE(QSet<QString>(draws.begin(), draws.end()).size(), 3);
        for (const auto& draw : draws) QVERIFY2(draw.endsWith(kLabelList + QLatin1Char('.')), qPrintable(draw));
    }

    // Several label columns make the task multi-label: its answers end with "no finding".
    void multiLabelAnswersEndWithNoFinding() {
        const QString npz = writeDataset(dir_.path(), QStringLiteral("multi"), 3);
        QVERIFY(!npz.isEmpty());
        const QStringList lines = promptLines({npz, QStringLiteral("--variant"), QStringLiteral("no_modality")});
        QCOMPARE(lines, (QStringList{QStringLiteral("Analyze the given image for diagnosis. The possible diagnoses are: %1.")
                                         .arg(kLabelList)} +
                         kLabels + QStringList{QStringLiteral("no finding")}));
    }

    // --catalog holds the synthetic tasks the demo model was trained on: each of the demo's
    // recorded questions is a line, followed by that task's labels as the model lists them.
    void catalogHoldsTheDemoQuestions() {
        const QStringList lines = promptLines({QStringLiteral("--catalog"), QStringLiteral("--variant"), QStringLiteral("complete")});
        QVERIFY(!lines.isEmpty());
        const auto demoJson = QJsonDocument::fromJson(readFile(demo(QStringLiteral("demo.json")))).object();
        const auto model = QJsonDocument::fromJson(readFile(demoModel() + QStringLiteral("/vitask.json"))).object();
        QMap<QString, QStringList> labelsOf;
        for (const auto& t : model[QStringLiteral("tasks")].toArray())
            labelsOf[t.toObject()[QStringLiteral("name")].toString()] = t.toObject()[QStringLiteral("labels")].toVariant().toStringList();
        const auto studies = demoJson[QStringLiteral("studies")].toArray();
        QCOMPARE(studies.size(), 4);
        for (const auto& s : studies) {
            const auto study = s.toObject();
            const QString question = study[QStringLiteral("question")].toString();
            const int at = lines.indexOf(question);
            QVERIFY2(at >= 0, qPrintable(question));
            const QStringList labels = labelsOf.value(study[QStringLiteral("task")].toString());
            QVERIFY(!labels.isEmpty());
            QCOMPARE(lines.mid(at + 1, labels.size()), labels);
        }
    }

    void mistakesAreExplained() {
        CliResult r = runCli({QStringLiteral("data"), QStringLiteral("prompts")});
        QString problem = refusalProblem(r, {QStringLiteral("no tasks given"), QStringLiteral("--catalog")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        r = runCli({QStringLiteral("data"), QStringLiteral("prompts"), QStringLiteral("--catalog"), QStringLiteral("--variant"),
                    QStringLiteral("typo")});
        problem = refusalProblem(r, {QStringLiteral("--variant"), QStringLiteral("'typo'"), QStringLiteral("typos"),
                                     QStringLiteral("other_language")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const QString missing = dir_.filePath(QStringLiteral("absent.npz"));
        r = runCli({QStringLiteral("data"), QStringLiteral("prompts"), missing});
        problem = refusalProblem(r, {missing, QStringLiteral("not found")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestCliPrompts)
#include "test_cli_prompts.moc"
