// Bad images refused by `vitask` in imaging builds, as a user meets them: a real child
// process given damaged copies of real files made here in a temporary folder (the demo's
// chest X-ray and pydicom's CT cut in half, pydicom's own truncated MR, empty and cut PNGs,
// NIfTI headers without their voxel file, DICOM objects without pixels) and CSV manifests
// mixing DICOM and NIfTI rows (docs/formats.md: NIfTI rows are read, middle slice).
// Each refusal: exit status 1, one message naming the file and what to do, never a crash.
#include "cli_checks.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kDicomAdvice = QStringLiteral("not a readable DICOM file");

}  // namespace

class TestCliBadImage : public QObject {
    Q_OBJECT

    // Every command that opens an image, on `image` (one LibTorch thread: the model and
    // TSM load faster on a busy machine, and they fail before computing anything).
    QList<QStringList> imageCommands(const QString& image, const QString& out) const {
        const QStringList threads{QStringLiteral("--threads"), QStringLiteral("1")};
        return {{QStringLiteral("image"), QStringLiteral("info"), image},
                {QStringLiteral("image"), QStringLiteral("info"), image, QStringLiteral("--json")},
                {QStringLiteral("image"), QStringLiteral("convert"), image, out},
                threads + QStringList{QStringLiteral("infer"), image, QStringLiteral("--model"), demoModel(),
                                      QStringLiteral("--task"), QStringLiteral("synth_chest_xray"), QStringLiteral("--device"),
                                      QStringLiteral("cpu")},
                threads + QStringList{QStringLiteral("chat"), QStringLiteral("--model"), demoModel(), QStringLiteral("--image"),
                                      image, QStringLiteral("--max-new-tokens"), QStringLiteral("2"),
                                      QStringLiteral("--device"), QStringLiteral("cpu")},
                threads + QStringList{QStringLiteral("tsm"), QStringLiteral("predict"), QStringLiteral("--tsm"), demoTsm(),
                                      QStringLiteral("--image"), image}};
    }

    static QString commandName(const QStringList& command) {
        const QStringList words = command.first() == QLatin1String("--threads") ? command.mid(2) : command;
        return words.mid(0, words.first() == QLatin1String("image") || words.first() == QLatin1String("tsm") ? 2 : 1)
            .join(QLatin1Char(' '));
    }

    // Runs every image command on `image`; each must refuse it saying all of `needles`,
    // without the text of the library underneath (OpenCV's assertions, ITK's errors), and
    // write no output file.
    void expectRefusedEverywhere(const QString& image, const QStringList& needles) {
        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("out.npy"));
        for (const auto& command : imageCommands(image, target)) {
            const CliResult r = runCli(command);
            const QString problem = refusalProblem(r, QStringList{image} + needles);
            QVERIFY2(problem.isEmpty(), qPrintable(commandName(command) + QStringLiteral(": ") + problem));
            QVERIFY2(!r.err.contains(QStringLiteral("OpenCV(")) && !r.err.contains(QStringLiteral("ITK ERROR")),
                     qPrintable(commandName(command) + QStringLiteral(": ") + r.err));
            QVERIFY(!QFileInfo::exists(target));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        const QString missing = missingPythonModules({QStringLiteral("numpy"), QStringLiteral("nibabel")});
        if (!missing.isEmpty()) QFAIL(qPrintable(missing));
        for (const QString& file : {demoChest(), pydicomFile(QStringLiteral("CT_small.dcm")),
                                    nibabelFile(QStringLiteral("anatomical.nii"))})
            if (!QFile::exists(file))
                QFAIL(qPrintable(file + QStringLiteral(" is missing: install python3-pydicom and python3-nibabel "
                                                       "(scripts/install-deps.sh installs them)")));
    }

    void truncatedDicomIsNamed_data() {
        QTest::addColumn<QString>("source");
        QTest::newRow("demo chest X-ray, half") << demoChest();
        QTest::newRow("pydicom CT_small, half") << pydicomFile(QStringLiteral("CT_small.dcm"));
        QTest::newRow("pydicom MR_truncated, as shipped") << pydicomFile(QStringLiteral("MR_truncated.dcm"));
    }

    // A DICOM file cut short: every command that opens images names it, says it is not
    // readable and to check it is complete.
    void truncatedDicomIsNamed() {
        QFETCH(QString, source);
        QTemporaryDir dir;
        QString image = source;
        if (!source.endsWith(QStringLiteral("MR_truncated.dcm"))) {
            image = dir.filePath(QStringLiteral("cut-") + QFileInfo(source).fileName());
            QVERIFY(writeTruncated(source, image));
        }
        expectRefusedEverywhere(image, {kDicomAdvice, QStringLiteral("complete")});

        // In a folder it is skipped with the reason, and a folder of nothing else has no images.
        QTemporaryDir folder;
        QVERIFY(QFile::copy(image, folder.filePath(QStringLiteral("only.dcm"))));
        const CliResult r = runCli({QStringLiteral("image"), QStringLiteral("info"), folder.path()});
        const QString problem = refusalProblem(r, {folder.path(), QStringLiteral("no DICOM files found")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(r.text().contains(QStringLiteral("only.dcm: not a readable DICOM file")), qPrintable(r.text()));
    }

    void missingFileIsNamed() {
        QTemporaryDir dir;
        const QString absent = dir.filePath(QStringLiteral("absent.dcm"));
        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("out.npy"));
        for (const auto& command : imageCommands(absent, target)) {
            const CliResult r = runCli(command);
            if (commandName(command) == QLatin1String("chat") || commandName(command) == QLatin1String("tsm predict")) {
                // Checked while parsing: CLI11's validation error (exit status 105).
                QCOMPARE(r.exitCode, 105);
                QVERIFY2(r.err.contains(QStringLiteral("File does not exist: ") + absent), qPrintable(r.err));
                continue;
            }
            const QString problem = refusalProblem(r, {absent, QStringLiteral("no such file or folder"),
                                                       QStringLiteral("Check the path")});
            QVERIFY2(problem.isEmpty(), qPrintable(commandName(command) + QStringLiteral(": ") + problem));
        }
    }

    // An empty PNG (OpenCV would answer with an assertion text) and one cut short.
    void emptyAndCutPhotosAreNamed() {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.png"));
        QVERIFY(writeFile(empty, {}));
        expectRefusedEverywhere(empty, {QStringLiteral("the file is empty (0 bytes)")});

        const QString cut = dir.filePath(QStringLiteral("cut.png"));
        QVERIFY(writeTruncated(qEnvironmentVariable("VITASK_SOURCE_DIR") + QStringLiteral("/docs/images/studio-main-window.png"),
                               cut));
        expectRefusedEverywhere(cut, {QStringLiteral("not a decodable PNG or JPEG image"), QStringLiteral("truncated")});
    }

    // Analyze and NIfTI-1 pairs keep their voxels in a .img beside the .hdr: one written
    // by nibabel reads back with nibabel's values; without its .img it is refused by name.
    void headerWithoutImageFileIsNamed() {
        QTemporaryDir dir;
        const auto pairs = runPython(QStringLiteral(R"PY(
import json, os, sys
import numpy as np, nibabel as nib
data = (np.arange(5 * 6 * 4).reshape(5, 6, 4) * 3 - 20).astype(np.int16)
nib.AnalyzeImage(data, np.diag([2.0, 3.0, 4.0, 1.0])).to_filename(os.path.join(sys.argv[1], "analyze.hdr"))
nib.Nifti1Pair(data.astype(np.float32) * 0.5, np.diag([2.0, 3.0, 4.0, 1.0])).to_filename(os.path.join(sys.argv[1], "pair.hdr"))
print(json.dumps({}))
)PY"),
                                     {dir.path()});
        QVERIFY2(pairs.ok, qPrintable(pairs.err));
        for (const QString& stem : {QStringLiteral("analyze"), QStringLiteral("pair")}) {
            const QString header = dir.filePath(stem + QStringLiteral(".hdr"));
            const QString npy = dir.filePath(stem + QStringLiteral(".npy"));
            const CliResult ok = runCli({QStringLiteral("image"), QStringLiteral("convert"), header, npy});
            QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
            const auto check = runPython(QStringLiteral("import json, sys, numpy as np, nibabel as nib\n"
                                                        "want = np.asarray(nib.load(sys.argv[1]).get_fdata()).transpose(2, 1, 0)\n"
                                                        "print(json.dumps({'equal': bool(np.array_equal(np.load(sys.argv[2]), want))}))\n"),
                                         {header, npy});
            QVERIFY2(check.ok && check.json[QStringLiteral("equal")].toBool(), qPrintable(check.err));

            QVERIFY(QFile::remove(dir.filePath(stem + QStringLiteral(".img"))));
            expectRefusedEverywhere(header, {QStringLiteral("the .img file holding the voxels is missing"),
                                             stem + QStringLiteral(".img"), QStringLiteral("Keep the .hdr and .img")});
        }
    }

    // A DICOM file without pixel data (pydicom's structured report): nothing to convert or
    // ask about, and the message says so rather than "give a DICOM file".
    void objectWithoutPixelsIsExplained() {
        const QString report = pydicomFile(QStringLiteral("test-SR.dcm"));
        QVERIFY(QFile::exists(report));
        QTemporaryDir out;
        const QList<QStringList> commands{
            {QStringLiteral("image"), QStringLiteral("convert"), report, out.filePath(QStringLiteral("sr.npy"))},
            {QStringLiteral("infer"), report, QStringLiteral("--model"), demoModel(), QStringLiteral("--task"), QStringLiteral("1"),
             QStringLiteral("--device"), QStringLiteral("cpu")}};
        for (const auto& command : commands) {
            const CliResult r = runCli(command);
            const QString problem = refusalProblem(r, {report, QStringLiteral("no DICOM images found"),
                                                       QStringLiteral("without pixel data: SR"), QStringLiteral("vitask image info")});
            QVERIFY2(problem.isEmpty(), qPrintable(command.first() + QStringLiteral(": ") + problem));
        }
        // image info lists it: an object, no images.
        const CliResult info = runCli({QStringLiteral("image"), QStringLiteral("info"), report, QStringLiteral("--json")});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        const auto series = QJsonDocument::fromJson(info.out).object()[QStringLiteral("series")].toArray();
        QCOMPARE(series.size(), 1);
        QCOMPARE(series[0].toObject()[QStringLiteral("modality")].toString(), QStringLiteral("SR"));
        QCOMPARE(series[0].toObject()[QStringLiteral("images")].toInt(), 0);
    }

    // NIfTI rows in a CSV manifest are read like DICOM ones (middle slice, resized): 3D,
    // 4D, NIfTI-2 and a .hdr/.img pair are counted in their splits at the asked size.
    void manifestReadsNiftiRowsBesideDicomRows() {
        QTemporaryDir dir;
        for (int i = 1; i <= 4; ++i)
            QVERIFY(QFile::copy(demo(QStringLiteral("studies/chest_xray/chest_0%1.dcm").arg(i)),
                                dir.filePath(QStringLiteral("chest_%1.dcm").arg(i))));
        for (const QString& name : {QStringLiteral("anatomical.nii"), QStringLiteral("example4d.nii.gz"),
                                   QStringLiteral("example_nifti2.nii.gz")})
            QVERIFY(QFile::copy(nibabelFile(name), dir.filePath(name)));
        const auto pair = runPython(QStringLiteral("import json, os, sys, numpy as np, nibabel as nib\n"
                                                   "nib.Nifti1Pair(np.arange(120, dtype=np.float32).reshape(5, 6, 4), np.eye(4))"
                                                   ".to_filename(os.path.join(sys.argv[1], 'pair.hdr'))\n"
                                                   "print(json.dumps({}))\n"),
                                    {dir.path()});
        QVERIFY2(pair.ok, qPrintable(pair.err));
        const QString csv = dir.filePath(QStringLiteral("mixed.csv"));
        QVERIFY(writeFile(csv, "path,label,split\n"
                               "chest_1.dcm,normal,train\nchest_2.dcm,effusion,train\n"
                               "anatomical.nii,normal,train\nexample4d.nii.gz,effusion,train\n"
                               "chest_3.dcm,normal,val\nexample_nifti2.nii.gz,effusion,val\n"
                               "chest_4.dcm,normal,test\npair.hdr,effusion,test\n"));
        const CliResult r = runCli({QStringLiteral("data"), QStringLiteral("inspect"), csv, QStringLiteral("--size"),
                                    QStringLiteral("16"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json[QStringLiteral("labels")].toVariant().toStringList(),
                 (QStringList{QStringLiteral("effusion"), QStringLiteral("normal")}));
        const auto splits = json[QStringLiteral("splits")].toObject();
        const QList<QPair<QString, int>> sizes{{QStringLiteral("train"), 4}, {QStringLiteral("val"), 2}, {QStringLiteral("test"), 2}};
        for (const auto& [name, size] : sizes) {
            const auto split = splits[name].toObject();
            QCOMPARE(split[QStringLiteral("size")].toInt(), size);
            QCOMPARE(split[QStringLiteral("width")].toInt(), 16);
            QCOMPARE(split[QStringLiteral("height")].toInt(), 16);
            QCOMPARE(split[QStringLiteral("channels")].toInt(), 1);
            QCOMPARE(split[QStringLiteral("class_counts")].toArray(), (QJsonArray{size / 2, size / 2}));
        }
    }

    // Broken NIfTI rows: every one listed with its line, file and reason (cut short, not
    // NIfTI, header without .img, missing), and what to do; nothing is trained on.
    void manifestListsEveryBrokenNiftiRow() {
        QTemporaryDir dir;
        for (int i = 1; i <= 3; ++i)
            QVERIFY(QFile::copy(demo(QStringLiteral("studies/chest_xray/chest_0%1.dcm").arg(i)),
                                dir.filePath(QStringLiteral("chest_%1.dcm").arg(i))));
        QVERIFY(writeTruncated(nibabelFile(QStringLiteral("example4d.nii.gz")), dir.filePath(QStringLiteral("cut.nii.gz"))));
        QVERIFY(writeTruncated(nibabelFile(QStringLiteral("anatomical.nii")), dir.filePath(QStringLiteral("cut.nii"))));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("notes.nii")), "reading list, not an image\n"));
        QVERIFY(QFile::copy(nibabelFile(QStringLiteral("nifti1.hdr")), dir.filePath(QStringLiteral("lonely.hdr"))));
        const QString csv = dir.filePath(QStringLiteral("broken.csv"));
        const QByteArray rows = "path,label,split\n"
                                "chest_1.dcm,normal,train\ncut.nii.gz,effusion,train\ncut.nii,normal,train\n"
                                "chest_2.dcm,effusion,val\nnotes.nii,normal,val\n"
                                "chest_3.dcm,normal,test\nlonely.hdr,effusion,test\n";
        QVERIFY(writeFile(csv, rows));
        CliResult r = runCli({QStringLiteral("data"), QStringLiteral("inspect"), csv});
        QString problem = refusalProblem(
            r, {csv, QStringLiteral("4 unreadable image(s)"),
                QStringLiteral("line 3: %1: ").arg(dir.filePath(QStringLiteral("cut.nii.gz"))),
                QStringLiteral("line 4: %1: the header declares").arg(dir.filePath(QStringLiteral("cut.nii"))),
                QStringLiteral("line 6: %1: not a readable NIfTI-1, NIfTI-2 or Analyze image").arg(dir.filePath(QStringLiteral("notes.nii"))),
                QStringLiteral("line 8: %1: the .img file holding the voxels is missing (lonely.img beside the header)")
                    .arg(dir.filePath(QStringLiteral("lonely.hdr"))),
                QStringLiteral("Replace or remove those files")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(!r.err.contains(QStringLiteral("ITK ERROR")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("chest_")));  // the good rows are not blamed

        // A row naming no file is found before any image is decoded (the cheap checks first).
        QVERIFY(writeFile(csv, rows + "absent.nii,effusion,test\n"));
        r = runCli({QStringLiteral("data"), QStringLiteral("inspect"), csv});
        problem = refusalProblem(r, {csv, QStringLiteral("1 missing file(s)"), QStringLiteral("line 9: absent.nii"),
                                     QStringLiteral("relative to the manifest's folder")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestCliBadImage)
#include "test_cli_bad_image.moc"
