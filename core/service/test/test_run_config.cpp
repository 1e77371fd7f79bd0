// The tuning wizard's plain API: a run configuration is checked by the trainer's own
// parser, and a problem reads exactly as `vitask train` (run here as a child process)
// prints it for the same file; presets and defaults are the parser's; a dataset preview
// counts what `vitask data inspect --json` counts and reports a corrupt file's error.
#include "vitask/service/run_config.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Child {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Child runCli(const QStringList& arguments, const QString& dataDir) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VITASK_DATA_DIR"), dataDir);  // log files stay out of the home folder
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("VITASK_CLI"), arguments);
    if (!process.waitForFinished(120000)) return {};
    return {process.exitCode(), process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
}

// A run configuration the parser accepts (nothing is read: paths need not exist).
const std::string kGood =
    "preset: scratch\nseed: 1\nthreads: 1\n"
    "model:\n  scratch: {tokenizer: tok, image_size: 28, patch_size: 7, vision_width: 32, vision_layers: 1,"
    " text_width: 32, text_layers: 1, heads: 2}\n"
    "tsm: tsm/tsm.tsm.json\ndata: [synth/synth_chest_xray.npz]\n"
    "training: {batch_size: 8, log_every: 1}\n";

}  // namespace

class TestRunConfig : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void acceptedConfigHasNoProblem() {
        QVERIFY(vitask::service::checkRunConfig(kGood, dir_.filePath(QStringLiteral("good.yaml")).toStdString()).empty());
    }

    void problemsReadAsTheCliPrintsThem_data() {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("field");
        const auto good = QString::fromStdString(kGood);
        QTest::newRow("unknown key") << good + "prompts: {trian: [complete]}\n" << "prompts.trian";
        QTest::newRow("below minimum") << QString(good).replace("batch_size: 8", "batch_size: 0") << "training.batch_size";
        QTest::newRow("wrong type") << QString(good).replace("batch_size: 8", "batch_size: \"abc\"")
                                    << "training.batch_size";
        QTest::newRow("out of range") << good.chopped(2) + ", warmup_ratio: 1.5}\n" << "training.warmup_ratio";
        QTest::newRow("bad direction") << good + "rda: {direction: backward}\n" << "rda.direction";
        QTest::newRow("bad temperature") << good + "rda: {tau: 0}\n" << "rda.tau";
        QTest::newRow("bad group") << good + "stages:\n  - {name: s, lr: 1.0e-3, trainable: [language, decoder]}\n"
                                   << "stages[0].trainable[1]";
        QTest::newRow("bad lr") << good + "stages:\n  - {name: s, lr: 0, trainable: [language]}\n" << "stages[0].lr";
        QTest::newRow("negative weight")
            << good + "stages:\n  - {name: s, losses: {van: 1, crt: -0.1}, trainable: [language]}\n" << "stages[0].losses";
        QTest::newRow("tsm missing") << QString(good).remove(QStringLiteral("tsm: tsm/tsm.tsm.json\n")) << "tsm";
        QTest::newRow("no model") << QString(good).replace("tokenizer: tok, ", "") << "model";
        QTest::newRow("not yaml") << QStringLiteral("data: [a.npz\n") << "";
    }

    void problemsReadAsTheCliPrintsThem() {
        QFETCH(QString, yaml);
        QFETCH(QString, field);
        const QString file = dir_.filePath(QStringLiteral("bad-%1.yaml").arg(QTest::currentDataTag()).replace(' ', '-'));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(yaml.toUtf8());
        out.close();

        const auto problems = vitask::service::checkRunConfig(yaml.toStdString(), file.toStdString());
        QCOMPARE(problems.size(), size_t{1});
        QCOMPARE(QString::fromStdString(problems[0].field), field);
        QVERIFY(QString::fromStdString(problems[0].message).endsWith(QString::fromStdString(problems[0].text)));
        QVERIFY(!QString::fromStdString(problems[0].text).contains(file) || field.isEmpty());

        const Child cli = runCli({QStringLiteral("train"), file, QStringLiteral("--out"), file + QStringLiteral(".run")},
                                 dir_.path());
        QCOMPARE(cli.exitCode, 1);
        const QString printed = cli.err.trimmed().split('\n').last();
        QCOMPARE(printed, QStringLiteral("error: ") + QString::fromStdString(problems[0].message));
    }

    void presetsAreTheDocumentedOnes() {
        const auto paper = vitask::service::presetStages("paper");
        QCOMPARE(paper.size(), size_t{2});
        QCOMPARE(paper[0].name, std::string("stage1"));
        QCOMPARE(paper[0].learningRate, 2e-4);
        QCOMPARE(paper[0].rda, 0.5);  // alpha
        QCOMPARE(paper[0].crt, 0.0);
        QCOMPARE(paper[0].trainable, (std::vector<std::string>{"lora", "connector"}));
        QCOMPARE(paper[1].crt, 0.1);  // beta
        QCOMPARE(paper[1].trainable, std::vector<std::string>{"lora"});

        const auto scratch = vitask::service::presetStages("scratch");
        QCOMPARE(scratch.size(), size_t{3});
        QCOMPARE(scratch[0].name, std::string("warmup"));
        QCOMPARE(scratch[0].epochs, 4.0);
        QCOMPARE(scratch[0].ep + scratch[0].rda + scratch[0].crt, 0.0);
        QCOMPARE(scratch[0].trainable, (std::vector<std::string>{"vision", "projector", "language"}));
        QCOMPARE(scratch[1].learningRate, 5e-4);
        QCOMPARE(scratch[2].trainable, std::vector<std::string>{"language"});
        QVERIFY(vitask::service::presetStages("custom").empty());
        QVERIFY_THROWS_EXCEPTION(std::exception, vitask::service::presetStages("fancy"));
    }

    void defaultsAreTheParsers() {
        const auto d = vitask::service::runConfigDefaults();
        QCOMPARE(d.batchSize, int64_t{32});
        QCOMPARE(d.lora.rank, int64_t{16});
        QCOMPARE(d.rdaDirection, std::string("forward"));
        QCOMPARE(d.precision, std::string("fp32"));
        QCOMPARE(d.trainVariants, std::vector<std::string>{"complete"});
        QCOMPARE(d.scratch.imageSize % d.scratch.patchSize, int64_t{0});
        QCOMPARE(vitask::service::rdaDirectionNames(), (std::vector<std::string>{"forward", "paper"}));
        QCOMPARE(vitask::service::parameterGroupNames().size(), size_t{5});
        QCOMPARE(vitask::service::trainVariantNames().front(), std::string("complete"));
        QCOMPARE(vitask::service::syntheticModalityNames().front(), std::string("synth_chest_xray"));
    }

    void previewCountsWhatInspectCounts() {
        const QString folder = dir_.filePath(QStringLiteral("synth"));
        const Child synth = runCli({QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--out"), folder,
                                    QStringLiteral("--train"), QStringLiteral("40"), QStringLiteral("--val"),
                                    QStringLiteral("8"), QStringLiteral("--test"), QStringLiteral("12"),
                                    QStringLiteral("--modality"), QStringLiteral("dermoscopy")},
                                   dir_.path());
        QVERIFY2(synth.exitCode == 0, qPrintable(synth.err));
        const QString npz = folder + QStringLiteral("/synth_dermoscopy.npz");
        const auto preview = vitask::service::previewDataset(npz.toStdString(), {3});
        QVERIFY2(preview.ok(), preview.errors.empty() ? "" : preview.errors[0].c_str());

        const Child inspect = runCli({QStringLiteral("data"), QStringLiteral("inspect"), npz, QStringLiteral("--json")},
                                     dir_.path());
        QVERIFY2(inspect.exitCode == 0, qPrintable(inspect.err));
        const auto report = QJsonDocument::fromJson(inspect.out).object();
        QCOMPARE(QString::fromStdString(preview.name), report.value(QStringLiteral("dataset")).toString());
        QCOMPARE(QString::fromStdString(preview.modality), report.value(QStringLiteral("modality")).toString());
        QCOMPARE(int(preview.labels.size()), report.value(QStringLiteral("labels")).toArray().size());
        QCOMPARE(preview.splits.size(), size_t{3});
        for (const auto& split : preview.splits) {
            const auto expected =
                report.value(QStringLiteral("splits")).toObject().value(QString::fromStdString(split.name)).toObject();
            QCOMPARE(split.size, expected.value(QStringLiteral("size")).toInteger());
            const auto counts = expected.value(QStringLiteral("class_counts")).toArray();
            QCOMPARE(int(split.classCounts.size()), counts.size());
            for (int c = 0; c < counts.size(); ++c) QCOMPARE(split.classCounts[size_t(c)], counts[c].toInteger());
        }
        QCOMPARE(preview.warnings.size(), size_t(report.value(QStringLiteral("warnings")).toArray().size()));

        // Three images of every class, each the split's size and colour.
        QCOMPARE(preview.thumbnails.size(), preview.labels.size());
        for (const auto& images : preview.thumbnails) {
            QCOMPARE(images.size(), size_t{3});
            for (const auto& image : images) {
                QCOMPARE(image.width, preview.splits[0].width);
                QCOMPARE(image.channels, preview.splits[0].channels);
                QCOMPARE(image.pixels.size(), size_t(image.width * image.height * image.channels));
            }
        }
    }

    void corruptFileReportsTheLoadersError() {
        const QString npz = dir_.filePath(QStringLiteral("broken.npz"));
        QFile file(npz);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("PK\x03\x04 this is not a zip archive");
        file.close();
        const auto preview = vitask::service::previewDataset(npz.toStdString());
        QVERIFY(!preview.ok());
        QVERIFY2(QString::fromStdString(preview.errors[0]).contains(npz), preview.errors[0].c_str());
        // The same error stops `vitask data inspect`.
        const Child inspect = runCli({QStringLiteral("data"), QStringLiteral("inspect"), npz}, dir_.path());
        QCOMPARE(inspect.exitCode, 1);
        QVERIFY2(inspect.err.contains(QString::fromStdString(preview.errors[0])), qPrintable(inspect.err));
    }
};

QTEST_GUILESS_MAIN(TestRunConfig)
#include "test_run_config.moc"
