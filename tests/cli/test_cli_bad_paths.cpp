// The bad input every entry point meets, on real files and the real `vitask`, entry point
// by entry point (images, model folders, TSM manifests, run configurations, CSV dataset
// manifests): zero-length
// files, a folder where a file belongs, files the user may not read, header values far
// too big or not finite, a series that mixes image sizes, and path names that are not
// UTF-8, which must simply work. Each refusal: exit status 1, an "error:" line naming the
// file and what to do, nothing written, no crash (refusalProblem in cli_checks.h).
#include "cli_checks.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

namespace {

// What a refused command may not have written.
const QString kOutName = QStringLiteral("out.npy");

}  // namespace

class TestCliBadPaths : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    // The commands that open `file` as the given entry point reads it.
    QList<QStringList> commands(const QString& entry, const QString& file) const {
        const QStringList cpu{QStringLiteral("--device"), QStringLiteral("cpu")};
        const QStringList threads{QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--no-log-file")};
        const QString task = QStringLiteral("synth_chest_xray");
        if (entry == QLatin1String("image"))
            return {threads + QStringList{QStringLiteral("image"), QStringLiteral("info"), file},
                    threads + QStringList{QStringLiteral("image"), QStringLiteral("info"), file, QStringLiteral("--json")},
                    threads + QStringList{QStringLiteral("image"), QStringLiteral("convert"), file, path(kOutName)},
                    threads + QStringList{QStringLiteral("infer"), file, QStringLiteral("--model"), demoModel(),
                                          QStringLiteral("--task"), task} + cpu,
                    threads + QStringList{QStringLiteral("tsm"), QStringLiteral("predict"), QStringLiteral("--tsm"), demoTsm(),
                                          QStringLiteral("--image"), file}};
        if (entry == QLatin1String("model"))
            return {threads + QStringList{QStringLiteral("infer"), demoChest(), QStringLiteral("--model"), file,
                                          QStringLiteral("--task"), task} + cpu,
                    threads + QStringList{QStringLiteral("chat"), QStringLiteral("--model"), file, QStringLiteral("--image"),
                                          demoChest(), QStringLiteral("--max-new-tokens"), QStringLiteral("2")} + cpu};
        if (entry == QLatin1String("tsm"))
            return {threads + QStringList{QStringLiteral("tsm"), QStringLiteral("predict"), QStringLiteral("--tsm"), file,
                                          QStringLiteral("--image"), demoChest()}};
        if (entry == QLatin1String("manifest"))
            return {threads + QStringList{QStringLiteral("data"), QStringLiteral("inspect"), file}};
        return {threads + QStringList{QStringLiteral("train"), file, QStringLiteral("--out"), path(QStringLiteral("run-out"))}};
    }

    // Every command of `entry` refuses `file`, naming `named` (the file the message must
    // name: the file itself, or the one inside a model folder) and saying `needles`.
    void expectRefused(const QString& entry, const QString& file, const QString& named, const QStringList& needles,
                       bool unreadable = false) {
        for (const QStringList& command : commands(entry, file)) {
            // Permissions do not bind root, and the tests run as root in CI: there the
            // command runs without the capabilities that override them (setpriv,
            // util-linux), still as root, so it can reach the build wherever it lies.
            const CliResult r = unreadable && ::geteuid() == 0
                                    ? runProgram(QStringLiteral("setpriv"),
                                                 QStringList{QStringLiteral("--bounding-set=-dac_override,-dac_read_search"),
                                                             qEnvironmentVariable("VITASK_CLI")} +
                                                     command)
                                    : runCli(command);
            if (r.exitCode == 105) {
                // Refused while parsing the command line (CLI11's file check; docs/cli.md:
                // exit status 105), with the file named.
                QVERIFY2(r.err.contains(named) && !r.err.contains(QStringLiteral("internal error")), qPrintable(r.err));
                continue;
            }
            const QString problem = refusalProblem(r, QStringList{named} + needles);
            QVERIFY2(problem.isEmpty(), qPrintable(command.mid(3, 2).join(QLatin1Char(' ')) + QStringLiteral(": ") + problem));
            QVERIFY2(!QFileInfo::exists(path(kOutName)), qPrintable(command.join(QLatin1Char(' '))));
            QVERIFY2(!QFileInfo::exists(path(QStringLiteral("run-out/config.yaml"))), qPrintable(command.join(QLatin1Char(' '))));
        }
    }

    // A copy of the demo model whose `file` is replaced by what `prepare` makes of it.
    QString modelWith(const QString& name, const QString& file, const std::function<void(const QString&)>& prepare) {
        const QString model = path(name);
        if (!copyFolder(demoModel(), model)) return {};
        QFile::remove(model + QLatin1Char('/') + file);
        prepare(model + QLatin1Char('/') + file);
        return model;
    }

    // nibabel's anatomical.nii (a big-endian NIfTI-1) with header fields overwritten.
    QString patchedNifti(const QString& name, const QList<QPair<int, QByteArray>>& patches) {
        QByteArray bytes = readFile(nibabelFile(QStringLiteral("anatomical.nii")));
        for (const auto& [offset, value] : patches) bytes.replace(offset, value.size(), value);
        writeFile(path(name), bytes);
        return path(name);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const QString missing = missingPythonModules({QStringLiteral("numpy"), QStringLiteral("pydicom")});
        if (!missing.isEmpty()) QFAIL(qPrintable(missing));
        QVERIFY2(QFile::exists(nibabelFile(QStringLiteral("anatomical.nii"))), "install python3-nibabel");
    }

    void zeroLengthFilesAreNamed() {
        for (const char* name : {"empty.dcm", "empty.nii", "empty.nii.gz", "empty.png"}) {
            QVERIFY(writeFile(path(QLatin1String(name)), {}));
            expectRefused(QStringLiteral("image"), path(QLatin1String(name)), path(QLatin1String(name)), {});
        }
        for (const char* file : {"config.json", "tokenizer.model", "model.safetensors"}) {
            const QString model = modelWith(QStringLiteral("model-empty-") + QLatin1String(file), QLatin1String(file),
                                            [](const QString& f) { writeFile(f, {}); });
            expectRefused(QStringLiteral("model"), model, model + QLatin1Char('/') + QLatin1String(file), {});
        }
        QVERIFY(writeFile(path(QStringLiteral("empty.tsm.json")), {}));
        expectRefused(QStringLiteral("tsm"), path(QStringLiteral("empty.tsm.json")), path(QStringLiteral("empty.tsm.json")), {});
        QVERIFY(writeFile(path(QStringLiteral("empty.yaml")), {}));
        expectRefused(QStringLiteral("config"), path(QStringLiteral("empty.yaml")), path(QStringLiteral("empty.yaml")),
                      {QStringLiteral("is empty")});
        QVERIFY(writeFile(path(QStringLiteral("empty.csv")), {}));
        expectRefused(QStringLiteral("manifest"), path(QStringLiteral("empty.csv")), path(QStringLiteral("empty.csv")),
                      {QStringLiteral("is empty")});
    }

    void aFolderWhereAFileBelongsIsNamed() {
        for (const char* name : {"folder.nii", "folder.png", "folder.tsm.json", "folder.yaml", "folder.csv"})
            QVERIFY(QDir().mkpath(path(QLatin1String(name))));
        // A folder is a valid image input (a folder of DICOM files): without any, it is refused.
        expectRefused(QStringLiteral("image"), path(QStringLiteral("folder.nii")), path(QStringLiteral("folder.nii")),
                      {QStringLiteral("no DICOM")});
        expectRefused(QStringLiteral("image"), path(QStringLiteral("folder.png")), path(QStringLiteral("folder.png")),
                      {QStringLiteral("no DICOM")});
        expectRefused(QStringLiteral("tsm"), path(QStringLiteral("folder.tsm.json")), path(QStringLiteral("folder.tsm.json")), {});
        expectRefused(QStringLiteral("config"), path(QStringLiteral("folder.yaml")), path(QStringLiteral("folder.yaml")),
                      {QStringLiteral("is a folder")});
        expectRefused(QStringLiteral("manifest"), path(QStringLiteral("folder.csv")), path(QStringLiteral("folder.csv")), {});
        const QString model = modelWith(QStringLiteral("model-config-folder"), QStringLiteral("config.json"),
                                        [](const QString& f) { QDir().mkpath(f); });
        expectRefused(QStringLiteral("model"), model, model + QStringLiteral("/config.json"), {});
    }

    void unreadableFilesAreNamed() {
        const auto unreadableCopy = [&](const QString& from, const QString& name) {
            QFile::copy(from, path(name));
            QFile::setPermissions(path(name), QFileDevice::Permissions());
            return path(name);
        };
        const QString image = unreadableCopy(demoChest(), QStringLiteral("unreadable.dcm"));
        expectRefused(QStringLiteral("image"), image, image, {QStringLiteral("Permission denied")}, true);
        const QString manifest = unreadableCopy(demoTsm(), QStringLiteral("unreadable.tsm.json"));
        expectRefused(QStringLiteral("tsm"), manifest, manifest, {}, true);
        const QString config = unreadableCopy(demo(QStringLiteral("vitask.yaml")), QStringLiteral("unreadable.yaml"));
        expectRefused(QStringLiteral("config"), config, config, {QStringLiteral("Permission denied")}, true);
        QVERIFY(writeFile(path(QStringLiteral("labels.csv")), "path,label\nchest.dcm,normal\n"));
        const QString csv = unreadableCopy(path(QStringLiteral("labels.csv")), QStringLiteral("unreadable.csv"));
        expectRefused(QStringLiteral("manifest"), csv, csv, {QStringLiteral("Permission denied")}, true);
        const QString model = modelWith(QStringLiteral("model-unreadable"), QStringLiteral("config.json"), [](const QString& f) {
            QFile::copy(demoModel() + QStringLiteral("/config.json"), f);
            QFile::setPermissions(f, QFileDevice::Permissions());
        });
        expectRefused(QStringLiteral("model"), model, model + QStringLiteral("/config.json"), {}, true);
    }

    void hugeAndNonFiniteHeaderValuesAreRefused() {
        // dim = [3, 30000, 30000, 30000]: 27e12 voxels in a 300 KB file.
        const QByteArray dims = QByteArray::fromHex("0003" "7530" "7530" "7530");
        const QString huge = patchedNifti(QStringLiteral("huge-dims.nii"), {{40, dims}});
        expectRefused(QStringLiteral("image"), huge, huge, {QStringLiteral("more than the file can hold")});
        // srow_x[0] (byte 280) = NaN: ITK's reader would abort the whole process on it.
        const QString nan = patchedNifti(QStringLiteral("nan-srow.nii"), {{280, QByteArray::fromHex("7fc00000")}});
        expectRefused(QStringLiteral("image"), nan, nan, {QStringLiteral("srow holds nan, which no image")});
    }

    void aSeriesMixingImageSizesIsExplained() {
        // Two slices of one series (pydicom's CT_small), the second cut down to 64 x 64.
        const QString series = path(QStringLiteral("mixed-series"));
        QVERIFY(QDir().mkpath(series));
        const auto made = runPython(QStringLiteral("import json, sys, pydicom\n"
                                                   "ds = pydicom.dcmread(sys.argv[1])\n"
                                                   "ds.save_as(sys.argv[2] + '/1.dcm')\n"
                                                   "ds.SOPInstanceUID += '.2'; ds.InstanceNumber = 2\n"
                                                   "ds.ImagePositionPatient[2] += 5\n"
                                                   "ds.PixelData = ds.pixel_array[:64, :64].tobytes(); ds.Rows = ds.Columns = 64\n"
                                                   "ds.save_as(sys.argv[2] + '/2.dcm')\n"
                                                   "print(json.dumps({}))\n"),
                                    {pydicomFile(QStringLiteral("CT_small.dcm")), series});
        QVERIFY2(made.ok, qPrintable(made.err));
        const CliResult r = runCli({QStringLiteral("image"), QStringLiteral("convert"), series, path(kOutName)});
        const QString problem = refusalProblem(r, {QStringLiteral("image sizes")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!QFileInfo::exists(path(kOutName)));
    }

    void pathsThatAreNotUtf8Work() {
        // A folder named with the Latin-1 bytes of "Röntgen" (0xF6 alone is not UTF-8): the
        // file system allows it, so VITask must open it, and print it without failing
        // (JSON gets U+FFFD). QProcess cannot pass such bytes, so a shell does.
        const QString script = QStringLiteral(
            "set -e; d=\"$1/R$(printf '\\366')ntgen\"; mkdir -p \"$d\"; cp \"$2\" \"$d/chest.dcm\"\n"
            "\"$VITASK_CLI\" --no-log-file image info \"$d/chest.dcm\" > \"$1/info.txt\"\n"
            "\"$VITASK_CLI\" --no-log-file image info --json \"$d/chest.dcm\" > \"$1/info.json\"\n"
            "\"$VITASK_CLI\" --no-log-file image convert \"$d/chest.dcm\" \"$d/chest.nii.gz\"\n"
            "test -s \"$d/chest.nii.gz\"\n"
            "if \"$VITASK_CLI\" --no-log-file image info \"$d/missing.dcm\" 2> \"$1/missing.txt\"; then exit 3; fi\n");
        const CliResult r = runProgram(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script, QStringLiteral("sh"),
                                                                   dir_.path(), demoChest()});
        QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: ").arg(r.exitCode) + r.err));
        QVERIFY(readFile(path(QStringLiteral("info.txt"))).contains("64 x 64"));
        QJsonParseError error{};
        QJsonDocument::fromJson(readFile(path(QStringLiteral("info.json"))), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QByteArray missing = readFile(path(QStringLiteral("missing.txt")));
        QVERIFY2(missing.startsWith("error: ") && missing.contains("missing.dcm") && !missing.contains("internal error"),
                 missing.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliBadPaths)
#include "test_cli_bad_paths.moc"
