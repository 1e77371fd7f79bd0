// `vitask image info` and `vitask image convert` as a user runs them: a real child process
// on the built-in demo's DICOM files (resources/demo) and nibabel's NIfTI test files, its
// output read back and compared with readers nobody here wrote: pydicom for the tags and
// pixels, nibabel for NIfTI values and geometry, numpy for .npy, PIL for PNG.
#include "cli_checks.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

// The demo's CT phantom sorted along its slice normal (as pydicom reads it), in HU:
// shared by the scripts below. Defines `ct_slices(folder)` -> (datasets, hu[s, r, c]).
const char* kCtSlices = R"PY(
import glob, os
import numpy as np, pydicom

def ct_slices(folder):
    slices = [pydicom.dcmread(f) for f in glob.glob(os.path.join(folder, '*.dcm'))]
    row = np.array(slices[0].ImageOrientationPatient[:3], float)
    col = np.array(slices[0].ImageOrientationPatient[3:], float)
    normal = np.cross(row, col)
    slices.sort(key=lambda d: float(np.dot(normal, np.array(d.ImagePositionPatient, float))))
    hu = np.stack([d.pixel_array * float(d.RescaleSlope) + float(d.RescaleIntercept) for d in slices])
    return slices, hu, row, col

def window(values, center, width):
    # DICOM PS3.3 C.11.2.1.2 (linear VOI function) to 0..255, rounded half away from zero.
    v = values.astype(np.float64)
    low, high = center - 0.5 - (width - 1) / 2, center - 0.5 + (width - 1) / 2
    y = np.where(v <= low, 0.0, np.where(v > high, 1.0, (v - (center - 0.5)) / (width - 1) + 0.5))
    return np.floor(y * 255.0 + 0.5).astype(np.int64)
)PY";

}  // namespace

class TestCliImage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        const QString missing = missingPythonModules({QStringLiteral("numpy"), QStringLiteral("pydicom"),
                                                      QStringLiteral("nibabel"), QStringLiteral("PIL")});
        if (!missing.isEmpty()) QFAIL(qPrintable(missing));
        for (const QString& file : {demoChest(), nibabelFile(QStringLiteral("anatomical.nii"))})
            if (!QFile::exists(file))
                QFAIL(qPrintable(file + QStringLiteral(" is missing: install python3-nibabel and check out resources/demo")));
    }

    // Every tag `image info --json` reports for a series equals pydicom's reading of the
    // file, and the patient's name and ID appear nowhere in the output (text or JSON).
    void infoJsonMatchesPydicom() {
        const CliResult r = runCli({QStringLiteral("image"), QStringLiteral("info"), demoChest(), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json[QStringLiteral("patients")].toInt(), 1);
        QCOMPARE(json[QStringLiteral("skipped")].toArray().size(), 0);
        const auto all = json[QStringLiteral("series")].toArray();
        QCOMPARE(all.size(), 1);
        const auto series = all[0].toObject();

        const auto ref = runPython(QStringLiteral(R"PY(
import json, sys, pydicom
ds = pydicom.dcmread(sys.argv[1])
print(json.dumps({
    "rows": ds.Rows, "columns": ds.Columns, "modality": ds.Modality,
    "photometric": ds.PhotometricInterpretation, "samples_per_pixel": ds.SamplesPerPixel,
    "pixel_spacing": [float(v) for v in ds.PixelSpacing], "frames": int(ds.get("NumberOfFrames", 1)),
    "series_instance_uid": ds.SeriesInstanceUID, "study_instance_uid": ds.StudyInstanceUID,
    "series_number": int(ds.SeriesNumber), "series_description": ds.SeriesDescription,
    "study_description": ds.StudyDescription, "study_date": ds.StudyDate,
    "transfer_syntax": ds.file_meta.TransferSyntaxUID,
    "patient_name": str(ds.PatientName), "patient_id": ds.PatientID}))
)PY"),
                                   {demoChest()});
        QVERIFY2(ref.ok, qPrintable(ref.err));
        for (const char* key : {"rows", "columns", "samples_per_pixel", "frames", "series_number"})
            QVERIFY2(series[QLatin1String(key)].toInt() == ref.json[QLatin1String(key)].toInt(), key);
        for (const char* key : {"modality", "photometric", "series_instance_uid", "study_instance_uid",
                                "series_description", "study_description", "study_date", "transfer_syntax"})
            QVERIFY2(series[QLatin1String(key)].toString() == ref.json[QLatin1String(key)].toString(), key);
        QCOMPARE(series[QStringLiteral("pixel_spacing")].toArray(), ref.json[QStringLiteral("pixel_spacing")].toArray());
        QCOMPARE(series[QStringLiteral("images")].toInt(), 1);
        QCOMPARE(series[QStringLiteral("files")].toArray().size(), 1);

        // No patient identifiers, in either form of the output.
        const CliResult text = runCli({QStringLiteral("image"), QStringLiteral("info"), demoChest()});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.text().contains(ref.json[QStringLiteral("series_instance_uid")].toString()), qPrintable(text.text()));
        for (const auto& identifier : {ref.json[QStringLiteral("patient_name")].toString(),
                                       ref.json[QStringLiteral("patient_id")].toString()}) {
            QVERIFY(!identifier.isEmpty());
            QVERIFY2(!r.text().contains(identifier) && !text.text().contains(identifier), qPrintable(identifier));
        }
    }

    // A folder of 24 CT slices is one series, its files in the order of their positions
    // along the slice normal, with the geometry pydicom reads from the first of them.
    void infoSortsAFolderAlongTheSliceNormal() {
        const QString folder = demo(QStringLiteral("studies/ct_phantom"));
        const CliResult r = runCli({QStringLiteral("image"), QStringLiteral("info"), folder, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto all = QJsonDocument::fromJson(r.out).object()[QStringLiteral("series")].toArray();
        QCOMPARE(all.size(), 1);
        const auto series = all[0].toObject();

        const auto ref = runPython(QLatin1String(kCtSlices) + QStringLiteral(R"PY(
import json, sys
slices, hu, row, col = ct_slices(sys.argv[1])
positions = [float(np.dot(np.cross(row, col), np.array(d.ImagePositionPatient, float))) for d in slices]
print(json.dumps({"files": [os.path.basename(d.filename) for d in slices],
                  "origin": [float(v) for v in slices[0].ImagePositionPatient],
                  "orientation": [float(v) for v in slices[0].ImageOrientationPatient],
                  "spacing": positions[1] - positions[0]}))
)PY"),
                                   {folder});
        QVERIFY2(ref.ok, qPrintable(ref.err));
        QStringList files;
        for (const auto& f : series[QStringLiteral("files")].toArray()) files << QFileInfo(f.toString()).fileName();
        QCOMPARE(files, ref.json[QStringLiteral("files")].toVariant().toStringList());
        QCOMPARE(series[QStringLiteral("images")].toInt(), 24);
        QVERIFY(series[QStringLiteral("sorted_by_position")].toBool());
        QCOMPARE(series[QStringLiteral("origin")].toArray(), ref.json[QStringLiteral("origin")].toArray());
        QCOMPARE(series[QStringLiteral("orientation")].toArray(), ref.json[QStringLiteral("orientation")].toArray());
        QCOMPARE(series[QStringLiteral("slice_spacing")].toDouble(), ref.json[QStringLiteral("spacing")].toDouble());
        QCOMPARE(series[QStringLiteral("warnings")].toArray().size(), 0);
    }

    // A NIfTI file: size, spacing, LPS origin and direction from nibabel's affine, and the
    // value range of nibabel's (scaled) data.
    void infoNiftiMatchesNibabel() {
        const QString nifti = nibabelFile(QStringLiteral("anatomical.nii"));
        const CliResult r = runCli({QStringLiteral("image"), QStringLiteral("info"), nifti, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        const auto ref = runPython(QStringLiteral(R"PY(
import json, sys
import numpy as np, nibabel as nib
img = nib.load(sys.argv[1])
data = img.get_fdata()
m = np.diag([-1.0, -1.0, 1.0]) @ img.affine[:3, :3]   # RAS -> LPS
spacing = np.sqrt((m ** 2).sum(axis=0))
print(json.dumps({"dims": list(data.shape) + [1] * (4 - data.ndim), "spacing": spacing.tolist(),
                  "origin": (np.diag([-1.0, -1.0, 1.0]) @ img.affine[:3, 3]).tolist(),
                  "direction": (m / spacing).flatten().tolist(),
                  "min": float(data.min()), "max": float(data.max())}))
)PY"),
                                   {nifti});
        QVERIFY2(ref.ok, qPrintable(ref.err));
        QCOMPARE(json[QStringLiteral("dims")].toArray(), ref.json[QStringLiteral("dims")].toArray());
        for (const char* key : {"spacing", "origin", "direction"}) {
            const auto got = json[QLatin1String(key)].toArray(), want = ref.json[QLatin1String(key)].toArray();
            QVERIFY2(got.size() == want.size(), key);
            for (int i = 0; i < got.size(); ++i)
                QVERIFY2(std::abs(got[i].toDouble() - want[i].toDouble()) < 1e-6, key);
        }
        QCOMPARE(json[QStringLiteral("min")].toDouble(), ref.json[QStringLiteral("min")].toDouble());
        QCOMPARE(json[QStringLiteral("max")].toDouble(), ref.json[QStringLiteral("max")].toDouble());
    }

    // .npy: float32 after the modality LUT, [z, y, x] (a trailing 3 for colour), equal to
    // pydicom's pixels with the rescale applied, for a grey and an RGB demo file.
    void convertDicomToNpyEqualsPydicomPixels() {
        QTemporaryDir dir;
        for (const QString& source : {demoChest(), demo(QStringLiteral("studies/dermoscopy/dermoscopy_01.dcm"))}) {
            const QString out = dir.filePath(QFileInfo(source).completeBaseName() + QStringLiteral(".npy"));
            const CliResult r = runCli({QStringLiteral("image"), QStringLiteral("convert"), source, out});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.text().contains(out), qPrintable(r.text()));
            const auto ref = runPython(QStringLiteral(R"PY(
import json, sys
import numpy as np, pydicom
ds = pydicom.dcmread(sys.argv[1])
want = ds.pixel_array.astype(np.float64) * float(ds.get("RescaleSlope", 1)) + float(ds.get("RescaleIntercept", 0))
want = want[None]  # one frame: z = 1
got = np.load(sys.argv[2])
print(json.dumps({"dtype": str(got.dtype), "shape": list(got.shape), "want_shape": list(want.shape),
                  "equal": bool(got.shape == want.shape and np.array_equal(got.astype(np.float64), want)),
                  "photometric": ds.PhotometricInterpretation}))
)PY"),
                                       {source, out});
            QVERIFY2(ref.ok, qPrintable(ref.err));
            QCOMPARE(ref.json[QStringLiteral("dtype")].toString(), QStringLiteral("float32"));
            QCOMPARE(ref.json[QStringLiteral("shape")].toArray(), ref.json[QStringLiteral("want_shape")].toArray());
            QVERIFY2(ref.json[QStringLiteral("equal")].toBool(), qPrintable(source));
        }
    }

    // NIfTI: the CT folder's values and geometry agree with pydicom's voxel by voxel in
    // patient space. nibabel's RAS affine, taken to LPS, must map every NIfTI voxel onto a
    // DICOM voxel (a signed permutation of the axes, whatever order the writer chose) whose
    // HU equal the NIfTI's; the whole-number HU are stored as int16 (docs/cli.md).
    void convertCtFolderToNiftiMatchesPydicomInPatientSpace() {
        QTemporaryDir dir;
        const QString folder = demo(QStringLiteral("studies/ct_phantom"));
        const QString out = dir.filePath(QStringLiteral("ct.nii.gz"));
        const CliResult r = runCli({QStringLiteral("image"), QStringLiteral("convert"), folder, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto ref = runPython(QLatin1String(kCtSlices) + QStringLiteral(R"PY(
import json, sys
import nibabel as nib
slices, hu, row, col = ct_slices(sys.argv[1])
dr, dc = (float(v) for v in slices[0].PixelSpacing)
first = np.array(slices[0].ImagePositionPatient, float)
step = (np.array(slices[-1].ImagePositionPatient, float) - first) / (len(slices) - 1)
dicom = np.eye(4)                          # DICOM voxel (column, row, slice) -> LPS
dicom[:3, 0], dicom[:3, 1], dicom[:3, 2], dicom[:3, 3] = row * dc, col * dr, step, first
img = nib.load(sys.argv[2])
data = np.asarray(img.get_fdata())
T = np.linalg.inv(dicom) @ np.diag([-1.0, -1.0, 1.0, 1.0]) @ img.affine   # NIfTI voxel -> DICOM voxel
P = np.round(T)
permutation = bool(np.allclose(T, P, atol=1e-4) and (np.abs(P[:3, :3]).sum(axis=0) == 1).all()
                   and (np.abs(P[:3, :3]).sum(axis=1) == 1).all())
result = {"shape": list(data.shape), "dtype": str(img.get_data_dtype()), "permutation": permutation}
if permutation:
    index = np.indices(data.shape).reshape(3, -1)
    c, r, s = (P[:3, :3] @ index + P[:3, 3:4]).round().astype(int)
    inside = bool((c >= 0).all() and (r >= 0).all() and (s >= 0).all() and (c < hu.shape[2]).all()
                  and (r < hu.shape[1]).all() and (s < hu.shape[0]).all())
    result["inside"] = inside
    if inside:
        result["max_diff"] = float(np.abs(data.reshape(-1) - hu[s, r, c]).max())
print(json.dumps(result))
)PY"),
                                   {folder, out});
        QVERIFY2(ref.ok, qPrintable(ref.err));
        QCOMPARE(ref.json[QStringLiteral("shape")].toArray(), (QJsonArray{64, 64, 24}));
        QCOMPARE(ref.json[QStringLiteral("dtype")].toString(), QStringLiteral("int16"));
        QVERIFY2(ref.json[QStringLiteral("permutation")].toBool(), "the NIfTI affine is not the DICOM geometry");
        QVERIFY2(ref.json[QStringLiteral("inside")].toBool(), "NIfTI voxels fall outside the DICOM volume");
        QCOMPARE(ref.json[QStringLiteral("max_diff")].toDouble(), 0.0);
    }

    // NIfTI in, .npy out: nibabel's 4D example becomes [t, z, y, x] float32 with nibabel's values.
    void convertNiftiToNpyIsTimeAndSliceMajor() {
        QTemporaryDir dir;
        const QString nifti = nibabelFile(QStringLiteral("example4d.nii.gz"));
        const QString out = dir.filePath(QStringLiteral("4d.npy"));
        const CliResult r = runCli({QStringLiteral("image"), QStringLiteral("convert"), nifti, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto ref = runPython(QStringLiteral(R"PY(
import json, sys
import numpy as np, nibabel as nib
want = np.asarray(nib.load(sys.argv[1]).get_fdata()).transpose(3, 2, 1, 0)
got = np.load(sys.argv[2])
same = got.shape == want.shape
print(json.dumps({"shape": list(got.shape), "want": list(want.shape), "dtype": str(got.dtype),
                  "max_rel_diff": float((np.abs(got - want) / np.maximum(1.0, np.abs(want))).max()) if same else -1}))
)PY"),
                                   {nifti, out});
        QVERIFY2(ref.ok, qPrintable(ref.err));
        QCOMPARE(ref.json[QStringLiteral("shape")].toArray(), ref.json[QStringLiteral("want")].toArray());
        QCOMPARE(ref.json[QStringLiteral("dtype")].toString(), QStringLiteral("float32"));
        const double diff = ref.json[QStringLiteral("max_rel_diff")].toDouble();
        QVERIFY2(diff >= 0 && diff < 1e-6, qPrintable(QString::number(diff)));
    }

    // PNG: 8-bit after the file's window (pydicom's apply_voi_lut gives the same pixels),
    // after --window C,W (the PS3.3 linear function); a volume gives OUT_0001.png, ...,
    // one per slice in position order.
    void convertToPngAppliesTheWindow() {
        QTemporaryDir dir;
        const QString fileWindow = dir.filePath(QStringLiteral("file-window.png"));
        const QString ownWindow = dir.filePath(QStringLiteral("own-window.png"));
        CliResult r = runCli({QStringLiteral("image"), QStringLiteral("convert"), demoChest(), fileWindow});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("image"), QStringLiteral("convert"), demoChest(), ownWindow, QStringLiteral("--window"),
                    QStringLiteral("100,61")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString ctFolder = demo(QStringLiteral("studies/ct_phantom"));
        const QString ctPng = dir.filePath(QStringLiteral("ct.png"));
        r = runCli({QStringLiteral("image"), QStringLiteral("convert"), ctFolder, ctPng, QStringLiteral("--window"),
                    QStringLiteral("-600,1500")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!QFile::exists(ctPng));  // several slices: numbered files only

        const auto ref = runPython(QLatin1String(kCtSlices) + QStringLiteral(R"PY(
import json, sys
from PIL import Image
from pydicom.pixel_data_handlers.util import apply_voi_lut
chest, file_png, own_png, ct_folder, ct_png = sys.argv[1:6]
ds = pydicom.dcmread(chest)
pixels = ds.pixel_array * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
png = lambda path: np.asarray(Image.open(path)).astype(np.int64)
voi = np.floor(apply_voi_lut(ds.pixel_array, ds).astype(np.float64) + 0.5).astype(np.int64)  # 8-bit data: 0..255
result = {"file_window_vs_pydicom": int(np.abs(png(file_png) - voi).max()),
          "file_window_vs_formula": int(np.abs(png(file_png) - window(pixels, float(ds.WindowCenter), float(ds.WindowWidth))).max()),
          "own_window": int(np.abs(png(own_png) - window(pixels, 100, 61)).max()),
          "own_window_levels": int(len(np.unique(png(own_png)))),
          "shape": list(png(file_png).shape)}
slices, hu, row, col = ct_slices(ct_folder)
stem = ct_png[:-4]
names = sorted(glob.glob(stem + "_*.png"))
result["ct_files"] = [os.path.basename(n) for n in names]
result["ct_diff"] = max(int(np.abs(png(n) - window(hu[k], -600, 1500)).max()) for k, n in enumerate(names)) if len(names) == len(hu) else -1
print(json.dumps(result))
)PY"),
                                   {demoChest(), fileWindow, ownWindow, ctFolder, ctPng});
        QVERIFY2(ref.ok, qPrintable(ref.err));
        QCOMPARE(ref.json[QStringLiteral("shape")].toArray(), (QJsonArray{64, 64}));
        QCOMPARE(ref.json[QStringLiteral("file_window_vs_pydicom")].toInt(), 0);
        QCOMPARE(ref.json[QStringLiteral("file_window_vs_formula")].toInt(), 0);
        QCOMPARE(ref.json[QStringLiteral("own_window")].toInt(), 0);
        QVERIFY(ref.json[QStringLiteral("own_window_levels")].toInt() > 2);  // the window is inside the data
        const auto files = ref.json[QStringLiteral("ct_files")].toVariant().toStringList();
        QCOMPARE(files.size(), 24);
        QCOMPARE(files.first(), QStringLiteral("ct_0001.png"));
        QCOMPARE(files.last(), QStringLiteral("ct_0024.png"));
        QCOMPARE(ref.json[QStringLiteral("ct_diff")].toInt(), 0);
    }

    // A folder of several series needs --series; the index `image info` prints and the
    // series UID pick the same series, and the refusal lists the choices.
    void convertPicksASeriesByIndexOrUid() {
        const QString studies = demo(QStringLiteral("studies"));
        const CliResult info = runCli({QStringLiteral("image"), QStringLiteral("info"), studies, QStringLiteral("--json")});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        int withImages = 0, ctIndex = 0;
        QString ctUid;
        for (const auto& s : QJsonDocument::fromJson(info.out).object()[QStringLiteral("series")].toArray()) {
            const auto series = s.toObject();
            if (series[QStringLiteral("images")].toInt() > 0) ++withImages;
            if (series[QStringLiteral("modality")].toString() == QStringLiteral("CT")) {
                ctIndex = series[QStringLiteral("index")].toInt();
                ctUid = series[QStringLiteral("series_instance_uid")].toString();
            }
        }
        QVERIFY(withImages > 1);
        QVERIFY(ctIndex > 0 && !ctUid.isEmpty());

        QTemporaryDir dir;
        const QString byIndex = dir.filePath(QStringLiteral("by-index.npy"));
        const QString byUid = dir.filePath(QStringLiteral("by-uid.npy"));
        const CliResult none = runCli({QStringLiteral("image"), QStringLiteral("convert"), studies, byIndex});
        const QString choices = refusalProblem(none, {studies, QStringLiteral("%1 series with images found").arg(withImages),
                                                      QStringLiteral("[%1] CT 24 frame(s)").arg(ctIndex), ctUid,
                                                      QStringLiteral("--series")});
        QVERIFY2(choices.isEmpty(), qPrintable(choices));
        QVERIFY(!QFile::exists(byIndex));

        CliResult r = runCli({QStringLiteral("image"), QStringLiteral("convert"), studies, byIndex, QStringLiteral("--series"),
                              QString::number(ctIndex)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("image"), QStringLiteral("convert"), studies, byUid, QStringLiteral("--series"), ctUid});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(readFile(byIndex), readFile(byUid));
        const auto shape = runPython(QStringLiteral("import json, sys, numpy as np\n"
                                                    "print(json.dumps({'shape': list(np.load(sys.argv[1]).shape)}))\n"),
                                     {byIndex});
        QVERIFY2(shape.ok, qPrintable(shape.err));
        QCOMPARE(shape.json[QStringLiteral("shape")].toArray(), (QJsonArray{24, 64, 64}));

        const CliResult wrong = runCli({QStringLiteral("image"), QStringLiteral("convert"), studies, byIndex,
                                        QStringLiteral("--series"), QStringLiteral("999")});
        const QString problem = refusalProblem(wrong, {QStringLiteral("'999'"), QStringLiteral("vitask image info")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestCliImage)
#include "test_cli_image.moc"
