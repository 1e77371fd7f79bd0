// Bad input refused by `vitask` as a user meets it, in every build (the image formats of
// imaging builds are in test_cli_bad_image.cpp): a real child process given damaged copies
// of real files made here in a temporary folder: the demo model's safetensors truncated,
// emptied or with their header overwritten (`chat`, `infer`, `eval`), broken run
// configurations (`train`), and .npz archives cut short, empty or with damaged bytes
// (`data inspect|prompts`, `eval`, `infer --dataset`, `tsm train`). Each must end with
// exit status 1 and one message naming the file (or key) and what to do, never a crash.
#include "cli_checks.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

namespace {

// One LibTorch thread: the model loads faster on a busy machine, and fails before computing.
const QStringList kOneThread{QStringLiteral("--threads"), QStringLiteral("1")};

// A PNG of the repository (the studio's screenshot): the image of `chat` and `infer` runs,
// readable by every build.
QString pngImage() { return qEnvironmentVariable("VITASK_SOURCE_DIR") + QStringLiteral("/docs/images/studio-main-window.png"); }

// safetensors: 8 bytes of little-endian header length, the JSON header, the data.
struct Safetensors {
    QJsonObject header;
    QByteArray data;
};

Safetensors readSafetensors(const QByteArray& bytes) {
    quint64 length = 0;
    std::memcpy(&length, bytes.constData(), 8);
    return {QJsonDocument::fromJson(bytes.mid(8, static_cast<int>(length))).object(), bytes.mid(8 + static_cast<int>(length))};
}

QByteArray writeSafetensors(const Safetensors& file) {
    QByteArray header = QJsonDocument(file.header).toJson(QJsonDocument::Compact);
    while (header.size() % 8) header.append(' ');
    const quint64 length = static_cast<quint64>(header.size());
    QByteArray out(8, '\0');
    std::memcpy(out.data(), &length, 8);
    return out + header + file.data;
}

// The first tensor (in name order) of two dimensions that differ: its shape swapped keeps
// the byte count, so only the model's shapes can tell.
QString nonSquareMatrix(const QJsonObject& header) {
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == QLatin1String("__metadata__")) continue;
        const auto shape = it.value().toObject()[QStringLiteral("shape")].toArray();
        if (shape.size() == 2 && shape[0].toInt() != shape[1].toInt()) return it.key();
    }
    return {};
}

}  // namespace

class TestCliBadInput : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString dataset_;  // synth_chest_xray.npz (+ sidecar): a task of the demo model

    QStringList chat(const QString& model) const {
        return {QStringLiteral("chat"), QStringLiteral("--model"), model, QStringLiteral("--image"), pngImage(),
                QStringLiteral("--max-new-tokens"), QStringLiteral("2"), QStringLiteral("--device"), QStringLiteral("cpu")};
    }
    QStringList infer(const QString& model, const QStringList& more = {}) const {
        return QStringList{QStringLiteral("infer"), pngImage(), QStringLiteral("--model"), model, QStringLiteral("--task"),
                           QStringLiteral("synth_chest_xray"), QStringLiteral("--max-new-tokens"), QStringLiteral("2"),
                           QStringLiteral("--device"), QStringLiteral("cpu")} +
               more;
    }
    QStringList eval(const QString& model, const QString& data, const QStringList& more = {}) const {
        return QStringList{QStringLiteral("eval"), QStringLiteral("--model"), model, QStringLiteral("--data"), data} + more;
    }
    // A one-epoch TSM training: the smallest command that reads every pixel of `data`.
    static QStringList tsmTrain(const QString& data, const QString& out) {
        return {QStringLiteral("tsm"), QStringLiteral("train"), QStringLiteral("--data"), data, QStringLiteral("--out"), out,
                QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--depth"), QStringLiteral("10"),
                QStringLiteral("--width"), QStringLiteral("8"), QStringLiteral("--device"), QStringLiteral("cpu")};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        for (const QString& file : {pngImage(), demoModel() + QStringLiteral("/model.safetensors"), demoTsm()})
            if (!QFile::exists(file)) QFAIL(qPrintable(file + QStringLiteral(" is missing from the checkout")));
        const CliResult synth = runCli({QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--out"),
                                        dir_.filePath(QStringLiteral("synth")), QStringLiteral("--modality"),
                                        QStringLiteral("chest_xray"), QStringLiteral("--train"), QStringLiteral("16"),
                                        QStringLiteral("--val"), QStringLiteral("4"), QStringLiteral("--test"), QStringLiteral("8")});
        QVERIFY2(synth.exitCode == 0, qPrintable(synth.err));
        dataset_ = dir_.filePath(QStringLiteral("synth/synth_chest_xray.npz"));
        // The undamaged inputs work: what the damaged copies below break is theirs.
        const CliResult good = runCli(kOneThread + eval(demoModel(), dataset_));
        QVERIFY2(good.exitCode == 0, qPrintable(good.err));
    }

    void corruptModelWeightsAreNamed_data() {
        QTest::addColumn<QString>("file");        // in the model folder
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QStringList>("needles");  // besides the file's path
        QTest::addColumn<bool>("chatReadsIt");     // chat asks a plain LLaVA: no exemplar connector
        const QString remedy = QStringLiteral("download or export it again");
        QTest::newRow("truncated") << "model.safetensors" << "truncate" << QStringList{QStringLiteral("truncated file?"), remedy} << true;
        QTest::newRow("empty") << "model.safetensors" << "empty"
                               << QStringList{QStringLiteral("too short to hold a safetensors header (0 bytes)"), remedy} << true;
        QTest::newRow("header overwritten") << "model.safetensors" << "garbage header"
                                            << QStringList{QStringLiteral("header is not valid JSON"), remedy} << true;
        QTest::newRow("header length overwritten") << "model.safetensors" << "huge length"
                                                   << QStringList{QStringLiteral("header length 1099511627776 is larger than the file allows"), remedy} << true;
        QTest::newRow("shape swapped") << "model.safetensors" << "swap shape"
                                       << QStringList{QStringLiteral("from config.json"), QStringLiteral("Check that config.json belongs to these weights")}
                                       << true;
        QTest::newRow("tensor renamed") << "model.safetensors" << "rename tensor"
                                        << QStringList{QStringLiteral("is missing from the checkpoint"), QStringLiteral("config.json")}
                                        << true;
        QTest::newRow("connector truncated") << "exemplar_connector.safetensors" << "truncate"
                                             << QStringList{QStringLiteral("truncated file?"), remedy} << false;
        QTest::newRow("connector header overwritten") << "exemplar_connector.safetensors" << "garbage header"
                                                      << QStringList{QStringLiteral("header is not valid JSON"), remedy} << false;
    }

    // A copy of the demo model with one safetensors file damaged: `chat`, `infer` and `eval`
    // each refuse it naming that file (and the tensor, where one is at fault).
    void corruptModelWeightsAreNamed() {
        QFETCH(QString, file);
        QFETCH(QString, damage);
        QFETCH(QStringList, needles);
        QFETCH(bool, chatReadsIt);
        QTemporaryDir work;
        const QString model = work.filePath(QStringLiteral("model"));
        QVERIFY(copyFolder(demoModel(), model));
        const QString path = model + QLatin1Char('/') + file;
        QByteArray bytes = readFile(path);
        QVERIFY(bytes.size() > 64);
        QString subject = path;
        if (damage == QLatin1String("truncate")) {
            bytes = bytes.left(bytes.size() / 2);
        } else if (damage == QLatin1String("empty")) {
            bytes.clear();
        } else if (damage == QLatin1String("garbage header")) {
            bytes.replace(8, 16, QByteArray(16, '\0'));
        } else if (damage == QLatin1String("huge length")) {
            const quint64 length = quint64(1) << 40;
            std::memcpy(bytes.data(), &length, 8);
        } else {
            Safetensors parsed = readSafetensors(bytes);
            QVERIFY(!parsed.header.isEmpty());
            QString tensor = nonSquareMatrix(parsed.header);
            QVERIFY(!tensor.isEmpty());
            QJsonObject entry = parsed.header[tensor].toObject();
            if (damage == QLatin1String("swap shape")) {
                const auto shape = entry[QStringLiteral("shape")].toArray();
                entry[QStringLiteral("shape")] = QJsonArray{shape[1], shape[0]};
                parsed.header[tensor] = entry;
                subject = path + QStringLiteral(": ") + tensor;  // the file and the tensor
            } else {
                parsed.header.remove(tensor);
                parsed.header[tensor + QStringLiteral("_renamed")] = entry;
                needles << QStringLiteral("'%1'").arg(tensor);
            }
            bytes = writeSafetensors(parsed);
        }
        QVERIFY(writeFile(path, bytes));

        QList<QStringList> commands{infer(model), eval(model, dataset_)};
        if (chatReadsIt) commands << chat(model);
        for (const auto& command : commands) {
            const CliResult r = runCli(kOneThread + command);
            const QString problem = refusalProblem(r, QStringList{subject} + needles);
            QVERIFY2(problem.isEmpty(), qPrintable(command.first() + QStringLiteral(": ") + problem));
        }
    }

    // The TSM's weights cut short: `infer --tsm` and `eval --exemplar --tsm` name them.
    void corruptTsmWeightsAreNamed() {
        QTemporaryDir work;
        const QString tsm = work.filePath(QStringLiteral("tsm"));
        QVERIFY(copyFolder(QFileInfo(demoTsm()).absolutePath(), tsm));
        const QString weights = tsm + QStringLiteral("/demo-resnet10.safetensors");
        QVERIFY(QFile::exists(weights));
        QVERIFY(writeTruncated(weights, weights + QStringLiteral(".tmp")));
        QVERIFY(QFile::remove(weights) && QFile::rename(weights + QStringLiteral(".tmp"), weights));
        const QString manifest = tsm + QLatin1Char('/') + QFileInfo(demoTsm()).fileName();
        for (const auto& command : {infer(demoModel(), {QStringLiteral("--tsm"), manifest}),
                                    eval(demoModel(), dataset_, {QStringLiteral("--exemplar"), QStringLiteral("--tsm"), manifest})}) {
            const CliResult r = runCli(kOneThread + command);
            const QString problem = refusalProblem(r, {weights, QStringLiteral("truncated file?")});
            QVERIFY2(problem.isEmpty(), qPrintable(command.first() + QStringLiteral(": ") + problem));
        }
    }

    void brokenRunConfigurationsAreExplained_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QStringList>("needles");
        QTest::newRow("unclosed bracket") << QByteArray("model: {scratch: {tokenizer: t}}\ndata: [a.npz\n")
                                          << QStringList{QStringLiteral("is not valid YAML (line "), QStringLiteral("Fix that line")};
        QTest::newRow("tab indentation") << QByteArray("stages:\n\t- name: a\n")
                                         << QStringList{QStringLiteral("is not valid YAML (line 2)"), QStringLiteral("indent with spaces")};
        QTest::newRow("empty file") << QByteArray() << QStringList{QStringLiteral("is empty"), QStringLiteral("docs/training.md")};
        QTest::newRow("comments only") << QByteArray("# run settings go here\n\n")
                                       << QStringList{QStringLiteral("is empty"), QStringLiteral("model, data, stages")};
        QTest::newRow("a list") << QByteArray("- model: {scratch: {tokenizer: t}}\n- data: [a.npz]\n")
                                << QStringList{QStringLiteral("is a list, not a mapping of keys"), QStringLiteral("key: value")};
        QTest::newRow("a single value") << QByteArray("run.yaml\n")
                                        << QStringList{QStringLiteral("is a single value, not a mapping of keys")};
        QTest::newRow("empty mapping") << QByteArray("{}\n")
                                       << QStringList{QStringLiteral("model names neither a base model nor a scratch tokenizer"),
                                                      QStringLiteral("model.base")};
        QTest::newRow("model is a list") << QByteArray("model: [a, b]\ndata: [a.npz]\n")
                                         << QStringList{QStringLiteral("model must be a mapping of keys to values")};
    }

    // `vitask train CONFIG`: a configuration that is no YAML, empty, or not a mapping is
    // refused naming the file and what is wrong, before any run folder is made.
    void brokenRunConfigurationsAreExplained() {
        QFETCH(QByteArray, yaml);
        QFETCH(QStringList, needles);
        QTemporaryDir work;
        const QString config = work.filePath(QStringLiteral("run.yaml"));
        QVERIFY(writeFile(config, yaml));
        const QString out = work.filePath(QStringLiteral("run"));
        const CliResult r = runCli({QStringLiteral("train"), config, QStringLiteral("--out"), out});
        const QString problem = refusalProblem(r, QStringList{QFileInfo(config).absoluteFilePath() + QStringLiteral(": ")} + needles);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.err.trimmed().count(QLatin1Char('\n')) == 0, qPrintable(r.err));  // one line
        QVERIFY(!QFileInfo::exists(out));

        const QString missing = work.filePath(QStringLiteral("absent.yaml"));
        const CliResult none = runCli({QStringLiteral("train"), missing, QStringLiteral("--out"), out});
        const QString noFile = refusalProblem(none, {missing, QStringLiteral("cannot open the run configuration")});
        QVERIFY2(noFile.isEmpty(), qPrintable(noFile));
    }

    void damagedArchivesAreNamed_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QStringList>("needles");
        QTest::newRow("cut short") << "truncate"
                                   << QStringList{QStringLiteral("truncated or damaged"), QStringLiteral("cut short"),
                                                  QStringLiteral("download or copy the dataset again")};
        QTest::newRow("empty") << "empty" << QStringList{QStringLiteral("the file is empty (0 bytes)")};
        QTest::newRow("not a zip") << "text"
                                   << QStringList{QStringLiteral("not an .npz file"), QStringLiteral("not a zip archive"),
                                                  QStringLiteral("numpy.savez")};
    }

    // Every command that reads a dataset refuses a broken .npz naming it, whichever reads
    // it first: inspect, prompts, eval, infer --dataset and (imaging builds) tsm train.
    void damagedArchivesAreNamed() {
        QFETCH(QString, damage);
        QFETCH(QStringList, needles);
        QTemporaryDir work;
        const QString npz = work.filePath(QStringLiteral("synth_chest_xray.npz"));
        QVERIFY(QFile::copy(dataset_.chopped(4) + QStringLiteral(".json"), work.filePath(QStringLiteral("synth_chest_xray.json"))));
        if (damage == QLatin1String("truncate"))
            QVERIFY(writeTruncated(dataset_, npz));
        else
            QVERIFY(writeFile(npz, damage == QLatin1String("empty") ? QByteArray() : QByteArray("<html>404 Not Found</html>\n")));

        QList<QStringList> commands{{QStringLiteral("data"), QStringLiteral("inspect"), npz},
                                    {QStringLiteral("data"), QStringLiteral("prompts"), npz},
                                    eval(demoModel(), npz),
                                    infer(demoModel(), {QStringLiteral("--dataset"), npz})};
#ifdef CLI_HAS_IMAGING
        commands << tsmTrain(npz, work.filePath(QStringLiteral("tsm")));
#endif
        for (const auto& command : commands) {
            const CliResult r = runCli(kOneThread + command);
            const QString problem = refusalProblem(r, QStringList{npz} + needles);
            QVERIFY2(problem.isEmpty(), qPrintable(command.mid(0, 2).join(' ') + QStringLiteral(": ") + problem));
        }
    }

    // An uncompressed .npz (numpy.savez) whose image bytes were damaged after writing: the
    // zip directory is intact, only the members' CRC-32 tell (Python's zipfile sees it).
    // Commands that read the pixels refuse it instead of training or scoring on them.
    void damagedArrayBytesAreRefused() {
        QTemporaryDir work;
        const QString npz = work.filePath(QStringLiteral("synth_chest_xray.npz"));
        QVERIFY(QFile::copy(dataset_.chopped(4) + QStringLiteral(".json"), work.filePath(QStringLiteral("synth_chest_xray.json"))));
        const auto python = runPython(QStringLiteral(R"PY(
import json, sys, zipfile
import numpy as np
source, target = sys.argv[1], sys.argv[2]
np.savez(target, **dict(np.load(source)))  # stored members, as numpy.savez writes them
with zipfile.ZipFile(target) as z:
    members = {i.filename: i for i in z.infolist()}
data = bytearray(open(target, "rb").read())
for name in ("train_images.npy", "test_images.npy"):
    member = members[name]
    assert member.compress_type == zipfile.ZIP_STORED
    local = member.header_offset
    start = local + 30 + int.from_bytes(data[local + 26:local + 28], "little") + int.from_bytes(data[local + 28:local + 30], "little")
    at = start + member.file_size - 64  # inside the pixels, far past the .npy header
    data[at:at + 16] = bytes(b ^ 0xFF for b in data[at:at + 16])
open(target, "wb").write(data)
with zipfile.ZipFile(target) as z:
    print(json.dumps({"first_bad": z.testzip()}))
)PY"),
                                      {dataset_, npz});
        if (!python.ok && python.err.contains(QStringLiteral("No module named")))
            QFAIL(qPrintable(QStringLiteral("install python3-numpy (scripts/install-deps.sh installs it): ") + python.err));
        QVERIFY2(python.ok, qPrintable(python.err));
        QCOMPARE(python.json[QStringLiteral("first_bad")].toString(), QStringLiteral("train_images.npy"));

        QList<QStringList> commands{eval(demoModel(), npz)};
#ifdef CLI_HAS_IMAGING
        commands << tsmTrain(npz, work.filePath(QStringLiteral("tsm")));
#endif
        for (const auto& command : commands) {
            const CliResult r = runCli(kOneThread + command);
            const QString problem = refusalProblem(r, {npz, QStringLiteral("_images: the array is truncated or corrupt (CRC error)"),
                                                       QStringLiteral("Download the dataset again")});
            QVERIFY2(problem.isEmpty(), qPrintable(command.mid(0, 2).join(' ') + QStringLiteral(": ") + problem));
            QVERIFY(!QFileInfo::exists(work.filePath(QStringLiteral("tsm"))));
        }
    }

    // Files that are not there at all: each command names the path.
    void missingFilesAreNamed() {
        QTemporaryDir work;
        const QString image = work.filePath(QStringLiteral("absent.png"));
        const QString model = work.filePath(QStringLiteral("absent-model"));
        const QString data = work.filePath(QStringLiteral("absent.npz"));
        // chat checks --image while parsing: CLI11's validation error, 105 (docs/cli.md says 106-110).
        const CliResult chatting = runCli({QStringLiteral("chat"), QStringLiteral("--model"), demoModel(),
                                           QStringLiteral("--image"), image});
        QCOMPARE(chatting.exitCode, 105);
        QVERIFY2(chatting.err.contains(QStringLiteral("--image: File does not exist: ") + image), qPrintable(chatting.err));
        const QList<QPair<QStringList, QStringList>> cases{
            {{QStringLiteral("infer"), image, QStringLiteral("--model"), demoModel(), QStringLiteral("--task"), QStringLiteral("1")},
             {image}},
            {infer(model), {model, QStringLiteral("no such folder")}},
            {eval(model, dataset_), {model, QStringLiteral("no such folder")}},
            {eval(demoModel(), data), {data, QStringLiteral("not found")}},
        };
        for (const auto& [command, needles] : cases) {
            const CliResult r = runCli(kOneThread + command);
            const QString problem = refusalProblem(r, needles);
            QVERIFY2(problem.isEmpty(), qPrintable(command.join(' ') + QStringLiteral(": ") + problem));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "test_cli_bad_input.moc"
