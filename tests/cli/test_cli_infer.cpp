// `vitask infer` as a user runs it: a real child process asking the built-in demo's VITask
// model (resources/demo/vitask-demo) about the demo's DICOM studies beside its TSM. The
// answers must be those scripts/make_demo.py recorded (resources/demo/expected_answers.json),
// within the tolerance the studio's demo test allows for another CPU's rounding.
#include "cli_checks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

constexpr double kProbabilityTolerance = 1e-4;  // as tests/studio/test_studio_script.cpp
constexpr double kTsmTolerance = 1e-5;

QJsonArray recordedAnswers() {
    return QJsonDocument::fromJson(readFile(demo(QStringLiteral("expected_answers.json")))).array();
}

QMap<QString, double> probabilities(const QJsonArray& list) {
    QMap<QString, double> out;
    for (const auto& item : list)
        out[item.toObject()[QStringLiteral("label")].toString()] = item.toObject()[QStringLiteral("probability")].toDouble();
    return out;
}

// Empty when the two label -> probability lists name the same labels, in the same
// (descending) order, with probabilities within `tolerance`.
QString compareProbabilities(const QJsonArray& got, const QJsonArray& want, double tolerance) {
    if (got.size() != want.size()) return QStringLiteral("%1 labels, expected %2").arg(got.size()).arg(want.size());
    for (int i = 0; i < got.size(); ++i) {
        const auto g = got[i].toObject(), w = want[i].toObject();
        if (g[QStringLiteral("label")] != w[QStringLiteral("label")])
            return QStringLiteral("place %1: %2, expected %3")
                .arg(i)
                .arg(g[QStringLiteral("label")].toString(), w[QStringLiteral("label")].toString());
        const double delta = std::abs(g[QStringLiteral("probability")].toDouble() - w[QStringLiteral("probability")].toDouble());
        if (!(delta < tolerance)) return QStringLiteral("%1: off by %2").arg(w[QStringLiteral("label")].toString()).arg(delta);
    }
    return {};
}

// One LibTorch thread: 3x faster than all cores for this small model on a loaded 2-core
// machine; the last bits it rounds differently stay far inside the tolerances.
QStringList inferArguments(const QString& image, const QString& task, bool exemplar) {
    QStringList args{QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("infer"), image, QStringLiteral("--model"), demoModel(), QStringLiteral("--task"), task,
                     QStringLiteral("--tsm"), demoTsm(), QStringLiteral("--device"), QStringLiteral("cpu")};
    if (exemplar) args << QStringLiteral("--exemplar");
    return args;
}

}  // namespace

class TestCliInfer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        for (const QString& file : {demoModel() + QStringLiteral("/model.safetensors"), demoTsm(),
                                    demo(QStringLiteral("expected_answers.json"))})
            if (!QFile::exists(file)) QFAIL(qPrintable(file + QStringLiteral(" is missing: check out resources/demo")));
        QVERIFY(recordedAnswers().size() >= 2);
    }

    // One row per recorded answer: every demo image, without and with the TSM's exemplar.
    void jsonAnswersAsRecorded_data() {
        QTest::addColumn<QJsonObject>("recorded");
        for (const auto& entry : recordedAnswers()) {
            const auto answer = entry.toObject();
            const QString tag = QFileInfo(answer[QStringLiteral("image")].toString()).completeBaseName() +
                                (answer[QStringLiteral("exemplar")].toBool() ? QStringLiteral(" with EP") : QStringLiteral(""));
            QTest::newRow(qPrintable(tag)) << answer;
        }
    }

    // `infer --json`: the answer, the label probabilities (of the way it answered), the TSM's
    // label and probability are the recorded ones; the instruction is the paper's template
    // for the task, and the agreement follows the rule docs/cli.md states.
    void jsonAnswersAsRecorded() {
        QFETCH(QJsonObject, recorded);
        const bool exemplar = recorded[QStringLiteral("exemplar")].toBool();
        const QString task = recorded[QStringLiteral("task")].toString();
        const CliResult r = runCli(inferArguments(demo(recorded[QStringLiteral("image")].toString()), task, exemplar) +
                                   QStringList{QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(!json.isEmpty(), r.out.constData());

        QCOMPARE(json[QStringLiteral("answer")].toString(), recorded[QStringLiteral("answer")].toString());
        QCOMPARE(json[QStringLiteral("exemplar")].toBool(), exemplar);
        QCOMPARE(json[QStringLiteral("finish_reason")].toString(), QStringLiteral("stop"));
        const QString mismatch = compareProbabilities(json[QStringLiteral("label_probabilities")].toArray(),
                                                      recorded[QStringLiteral("label_probabilities")].toArray(),
                                                      kProbabilityTolerance);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

        const auto tsm = json[QStringLiteral("tsm")].toObject(), wantTsm = recorded[QStringLiteral("tsm")].toObject();
        QCOMPARE(tsm[QStringLiteral("name")].toString(), wantTsm[QStringLiteral("name")].toString());
        QCOMPARE(tsm[QStringLiteral("label")].toString(), wantTsm[QStringLiteral("label")].toString());
        QVERIFY(std::abs(tsm[QStringLiteral("probability")].toDouble() - wantTsm[QStringLiteral("probability")].toDouble()) <
                kTsmTolerance);

        // The instruction: "Analyze the given {modality} image for diagnosis. The possible
        // diagnoses are: {labels}." with the task's labels in the model's order (vitask.json).
        const auto model = QJsonDocument::fromJson(readFile(demoModel() + QStringLiteral("/vitask.json"))).object();
        QJsonObject taskInfo;
        for (const auto& t : model[QStringLiteral("tasks")].toArray())
            if (t.toObject()[QStringLiteral("name")].toString() == task) taskInfo = t.toObject();
        QVERIFY(!taskInfo.isEmpty());
        QCOMPARE(json[QStringLiteral("instruction")].toString(),
                 QStringLiteral("Analyze the given %1 image for diagnosis. The possible diagnoses are: %2.")
                     .arg(taskInfo[QStringLiteral("modality")].toString(),
                          taskInfo[QStringLiteral("labels")].toVariant().toStringList().join(QStringLiteral(", "))));
        QVERIFY(!json[QStringLiteral("generated_ids")].toArray().isEmpty());

        if (!exemplar) {
            // Without --exemplar the TSM still allows EP: its probabilities come beside,
            // equal to the recorded answer with the exemplar.
            QJsonArray withExemplar;
            for (const auto& entry : recordedAnswers())
                if (entry.toObject()[QStringLiteral("image")] == recorded[QStringLiteral("image")] &&
                    entry.toObject()[QStringLiteral("exemplar")].toBool())
                    withExemplar = entry.toObject()[QStringLiteral("label_probabilities")].toArray();
            const QString epMismatch = compareProbabilities(json[QStringLiteral("label_probabilities_with_exemplar")].toArray(),
                                                            withExemplar, kProbabilityTolerance);
            QVERIFY2(epMismatch.isEmpty(), qPrintable(epMismatch));

            // agree / disagree with the TSM's top label, vlm_unsure below 50 %.
            const auto top = recorded[QStringLiteral("label_probabilities")].toArray()[0].toObject();
            const QString expected = top[QStringLiteral("probability")].toDouble() < 0.5 ? QStringLiteral("vlm_unsure")
                                     : top[QStringLiteral("label")] == wantTsm[QStringLiteral("label")]
                                         ? QStringLiteral("agree")
                                         : QStringLiteral("disagree");
            QCOMPARE(json[QStringLiteral("agreement")].toString(), expected);
        } else {
            QVERIFY(!json.contains(QStringLiteral("label_probabilities_with_exemplar")));
        }
    }

    // Without --json: the streamed answer on the first line, then one "  xx.xx%  label"
    // line per label, most likely first, then the TSM's label and the agreement.
    void textPrintsAnswerProbabilitiesAndTsm() {
        QJsonObject recorded;
        for (const auto& entry : recordedAnswers())
            if (entry.toObject()[QStringLiteral("image")].toString() == QLatin1String("studies/chest_xray/chest_01.dcm") &&
                !entry.toObject()[QStringLiteral("exemplar")].toBool())
                recorded = entry.toObject();
        QVERIFY(!recorded.isEmpty());
        const CliResult r = runCli(inferArguments(demoChest(), recorded[QStringLiteral("task")].toString(), false));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const auto labels = recorded[QStringLiteral("label_probabilities")].toArray();
        QCOMPARE(lines.size(), 1 + labels.size() + 1);
        QCOMPARE(lines[0], recorded[QStringLiteral("answer")].toString());
        const QRegularExpression row(QStringLiteral("^ +(\\d+\\.\\d\\d)%  (.+)$"));
        for (int i = 0; i < labels.size(); ++i) {
            const auto match = row.match(lines[1 + i]);
            QVERIFY2(match.hasMatch(), qPrintable(lines[1 + i]));
            const auto want = labels[i].toObject();
            QCOMPARE(match.captured(2), want[QStringLiteral("label")].toString());
            QVERIFY2(std::abs(match.captured(1).toDouble() - 100 * want[QStringLiteral("probability")].toDouble()) <= 0.006,
                     qPrintable(lines[1 + i]));
        }
        const auto tsm = recorded[QStringLiteral("tsm")].toObject();
        QCOMPARE(lines.last(), QStringLiteral("TSM %1: %2 (%3%); agreement: agree")
                                   .arg(tsm[QStringLiteral("name")].toString(), tsm[QStringLiteral("label")].toString())
                                   .arg(100 * tsm[QStringLiteral("probability")].toDouble(), 0, 'f', 2));
    }

    // The task given by name, by 1-based index, by --labels/--modality or by a dataset file
    // of that task (written by `vitask data synth`): the same instruction, the same scores.
    void theTaskGivenAnyWayAsksTheSame() {
        QTemporaryDir dir;
        const CliResult synth = runCli({QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--out"), dir.path(),
                                        QStringLiteral("--modality"), QStringLiteral("chest_xray"), QStringLiteral("--train"),
                                        QStringLiteral("4"), QStringLiteral("--val"), QStringLiteral("4"),
                                        QStringLiteral("--test"), QStringLiteral("4")});
        QVERIFY2(synth.exitCode == 0, qPrintable(synth.err));
        const QStringList base{QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("infer"), demoChest(), QStringLiteral("--model"), demoModel(),
                               QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--json")};
        const QList<QStringList> ways{
            {QStringLiteral("--task"), QStringLiteral("synth_chest_xray")},
            {QStringLiteral("--task"), QStringLiteral("1")},
            {QStringLiteral("--labels"), QStringLiteral("normal,nodule,pleural effusion,cardiomegaly"),
             QStringLiteral("--modality"), QStringLiteral("chest X-ray")},
            {QStringLiteral("--dataset"), dir.filePath(QStringLiteral("synth_chest_xray.npz"))},
        };
        QJsonObject first;
        for (const auto& way : ways) {
            const CliResult r = runCli(base + way);
            QVERIFY2(r.exitCode == 0, qPrintable(way.join(' ') + QStringLiteral(": ") + r.err));
            const auto json = QJsonDocument::fromJson(r.out).object();
            if (first.isEmpty()) {
                first = json;
                QCOMPARE(first[QStringLiteral("label_probabilities")].toArray().size(), 4);
                continue;
            }
            QCOMPARE(json[QStringLiteral("instruction")], first[QStringLiteral("instruction")]);
            QCOMPARE(json[QStringLiteral("answer")], first[QStringLiteral("answer")]);
            QCOMPARE(json[QStringLiteral("label_probabilities")], first[QStringLiteral("label_probabilities")]);
        }
        QCOMPARE(probabilities(first[QStringLiteral("label_probabilities")].toArray()).keys(),
                 (QStringList{QStringLiteral("cardiomegaly"), QStringLiteral("nodule"), QStringLiteral("normal"),
                              QStringLiteral("pleural effusion")}));
    }

    // --question is sent as is (the instruction reported is the question), and the task's
    // labels are still scored after it.
    void questionIsSentAsIs() {
        const QString question = QStringLiteral("Which finding does this radiograph show?");
        const CliResult r = runCli({QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("infer"), demoChest(),
                                    QStringLiteral("--model"), demoModel(), QStringLiteral("--task"),
                                    QStringLiteral("synth_chest_xray"), QStringLiteral("--question"),
                                    question, QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json[QStringLiteral("instruction")].toString(), question);
        double total = 0;
        for (const auto& p : json[QStringLiteral("label_probabilities")].toArray())
            total += p.toObject()[QStringLiteral("probability")].toDouble();
        QCOMPARE(json[QStringLiteral("label_probabilities")].toArray().size(), 4);
        QVERIFY(std::abs(total - 1.0) < 1e-6);
        QVERIFY(!json.contains(QStringLiteral("tsm")));  // none given: no agreement either
        QVERIFY(!json.contains(QStringLiteral("agreement")));
    }
};

QTEST_GUILESS_MAIN(TestCliInfer)
#include "test_cli_infer.moc"
