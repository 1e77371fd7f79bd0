// Worklists listed from real sources: pydicom's DICOM files (a folder, a DICOMDIR) with a
// series of radiographs written by pydicom, a MedMNIST-layout .npz, and a CSV manifest of
// PNG files; and their cases read as the model sees them. Titles never carry patient data.
#include "service_test_files.h"
#include "vitask/test/error_of.h"
#include "vitask/common/error.h"
#include "vitask/imaging/png_writer.h"
#include "vitask/imaging/study_catalog.h"
#include "vitask/service/worklist.h"
#include "vitask/vitask/medmnist_info.h"
#include "vitask/vitask/npz_writer.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>

using namespace vitask;
using namespace vitask::service;
namespace fs = std::filesystem;

using vitask::test::errorOf;

namespace {

const fs::path kPydicomFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
const char kCtSmallUid[] = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";

// Writes, with pydicom, three single-frame radiographs of one DX series into argv[1] and a
// 512 x 512 CT slice (native, with a window) into argv[2]. The patient is named, to check
// that no title shows it.
const char kWriteDicom[] = R"(
import os, sys, numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid
def write(path, modality, sop_class, series, number, pixels, extra):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset(); ds.file_meta = meta
    ds.SOPClassUID = sop_class; ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.PatientName = 'Worklist^Tester'; ds.PatientID = 'WL-0042'
    ds.StudyInstanceUID = series + '.1'; ds.SeriesInstanceUID = series; ds.Modality = modality
    ds.SeriesDescription = 'Chest PA'; ds.SeriesNumber = 7; ds.InstanceNumber = number
    ds.Rows, ds.Columns = pixels.shape; ds.SamplesPerPixel = 1; ds.PhotometricInterpretation = 'MONOCHROME2'
    ds.BitsAllocated = 16; ds.BitsStored = 16; ds.HighBit = 15; ds.PixelRepresentation = 0
    for key, value in extra.items(): setattr(ds, key, value)
    ds.PixelData = pixels.astype(np.uint16).tobytes()
    ds.is_little_endian = True; ds.is_implicit_VR = False
    ds.save_as(path, write_like_original=False)
y, x = np.mgrid[0:64, 0:48]
series = generate_uid()
for i in range(3):
    write(os.path.join(sys.argv[1], 'dx%d.dcm' % i), 'DX', '1.2.840.10008.5.1.4.1.1.1.1', series, i + 1,
          (x * 40 + y * 20 + i * 500), {})
y, x = np.mgrid[0:512, 0:512]
write(sys.argv[2], 'CT', '1.2.840.10008.5.1.4.1.1.2', generate_uid(), 1, (x * 3 + y) % 3000,
      {'RescaleSlope': 1, 'RescaleIntercept': -1024, 'WindowCenter': 40, 'WindowWidth': 400,
       'ImagePositionPatient': [0, 0, 0], 'ImageOrientationPatient': [1, 0, 0, 0, 1, 0], 'PixelSpacing': [0.7, 0.7]})
)";

bool runPython(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral("-c"), QString::fromUtf8(kWriteDicom)} + arguments);
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

void compareImages(const ModelImage& a, const ModelImage& b) {
    QCOMPARE(a.channels, b.channels);
    QCOMPARE(a.height, b.height);
    QCOMPARE(a.width, b.width);
    QVERIFY(a.values == b.values);
}

// Every patient name part and ID of a scan: none may appear in a title.
std::vector<std::string> patientData(const fs::path& path) {
    std::vector<std::string> data;
    for (const auto& patient : imaging::openStudy(path).tree.patients) {
        if (!patient.patientId.empty()) data.push_back(patient.patientId);
        std::string part;
        for (const char c : patient.patientName + "^") {
            if (c != '^') {
                part += c;
            } else if (!part.empty()) {
                data.push_back(part);
                part.clear();
            }
        }
    }
    return data;
}

void checkNoPatientData(const WorklistSource& source, const std::vector<std::string>& data) {
    QVERIFY(!data.empty());
    for (const auto& c : source.cases) {
        QVERIFY(!c.title.empty());
        for (const auto& item : data) QVERIFY2(c.title.find(item) == std::string::npos, c.title.c_str());
    }
}

std::vector<const WorklistCase*> casesTitled(const WorklistSource& source, const std::string& prefix) {
    std::vector<const WorklistCase*> found;
    for (const auto& c : source.cases)
        if (c.title.compare(0, prefix.size(), prefix) == 0) found.push_back(&c);
    return found;
}

// A grey PNG whose pixel (x, y) is 10x + 20y + seed, exactly (the full 8-bit window).
void writePng(const fs::path& file, int seed) {
    imaging::Volume volume;
    volume.dims = {8, 6, 1, 1};
    for (std::size_t y = 0; y < 6; ++y)
        for (std::size_t x = 0; x < 8; ++x) volume.voxels.push_back(static_cast<float>(10 * x + 20 * y + seed));
    imaging::PngWriter::write(volume, file, imaging::fullRange8Bit());
}

double medianMilliseconds(const std::function<void()>& action, int runs = 5) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        action();
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

class TestWorklist : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    fs::path root_, dicom_, ct512_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        root_ = dir_.path().toStdString();
        dicom_ = root_ / "dicom";
        fs::create_directories(dicom_);
        if (!fs::exists(kPydicomFiles / "CT_small.dcm"))
            QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh does)");
        fs::copy_file(kPydicomFiles / "CT_small.dcm", dicom_ / "CT_small.dcm");
        fs::copy_file(kPydicomFiles / "MR_small.dcm", dicom_ / "MR_small.dcm");
        ct512_ = root_ / "ct512.dcm";
        QVERIFY2(runPython({QString::fromStdString(dicom_.string()), QString::fromStdString(ct512_.string())}),
                 "/usr/bin/python3 with pydicom and numpy could not write the radiographs and the 512 x 512 CT");
    }

    void listsADicomFolder() {
        const auto source = listWorklist(dicom_);
        QCOMPARE(source.kind, WorklistSourceKind::DicomFolder);
        QCOMPARE(std::string(worklistSourceKindName(source.kind)), std::string("dicom-folder"));
        QVERIFY(source.task.labels.empty());
        QCOMPARE(source.cases.size(), std::size_t(5));  // CT, MR, 3 radiographs
        checkNoPatientData(source, patientData(dicom_));

        const auto ct = casesTitled(source, "CT ·");
        QCOMPARE(ct.size(), std::size_t(1));
        QCOMPARE(ct[0]->title, std::string("CT · series 1"));
        QCOMPARE(ct[0]->sopInstanceUid, std::string(kCtSmallUid));
        QCOMPARE(ct[0]->studyInstanceUid, std::string("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"));
        QVERIFY(!ct[0]->seriesInstanceUid.empty());
        QVERIFY(ct[0]->isDicom());
        QCOMPARE(ct[0]->file, dicom_ / "CT_small.dcm");
        QVERIFY(ct[0]->groundTruth.empty());
        QCOMPARE(casesTitled(source, "MR ·").size(), std::size_t(1));

        // A series of radiographs: a case per image, each its own.
        const auto dx = casesTitled(source, "DX · Chest PA · image ");
        QCOMPARE(dx.size(), std::size_t(3));
        QCOMPARE(dx[0]->title, std::string("DX · Chest PA · image 1 of 3"));
        QCOMPARE(dx[2]->title, std::string("DX · Chest PA · image 3 of 3"));
        QCOMPARE(dx[0]->seriesInstanceUid, dx[1]->seriesInstanceUid);
        QVERIFY(dx[0]->sopInstanceUid != dx[1]->sopInstanceUid && dx[1]->sopInstanceUid != dx[2]->sopInstanceUid);
        QVERIFY(dx[0]->file != dx[1]->file);
    }

    // pydicom's DICOMDIR: 13 series of 31 images; the three CR series hold one image each,
    // the CT and MR series become one case each, showing the series' middle image.
    void listsADicomdir() {
        const fs::path source = kPydicomFiles / "dicomdirtests";
        QVERIFY2(fs::exists(source / "DICOMDIR"), "pydicom's DICOMDIR test files are missing: install python3-pydicom");
        const fs::path cd = root_ / "cd";
        fs::create_directories(cd);
        fs::copy_file(source / "DICOMDIR", cd / "DICOMDIR");
        for (const char* patient : {"77654033", "98892001", "98892003"})
            fs::copy(source / patient, cd / patient, fs::copy_options::recursive);

        const auto worklist = listWorklist(cd / "DICOMDIR");
        QCOMPARE(worklist.kind, WorklistSourceKind::Dicomdir);
        QCOMPARE(worklist.cases.size(), std::size_t(13));
        checkNoPatientData(worklist, patientData(cd / "DICOMDIR"));
        const auto catalog = imaging::openStudy(cd / "DICOMDIR");
        for (const auto* series : catalog.tree.allSeries()) {
            const auto c = std::find_if(worklist.cases.begin(), worklist.cases.end(), [&](const WorklistCase& w) {
                return w.seriesInstanceUid == series->seriesInstanceUid;
            });
            QVERIFY(c != worklist.cases.end());
            QCOMPARE(c->sopInstanceUid, series->instances[series->instances.size() / 2].sopInstanceUid);
            QCOMPARE(c->file, series->instances[series->instances.size() / 2].file);
            QCOMPARE(c->title.substr(0, series->modality.size()), series->modality);
        }
        const auto angio = casesTitled(worklist, "MR · ANGIO Projected from");
        QCOMPARE(angio.size(), std::size_t(1));  // 7 images, one case
        QCOMPARE(angio[0]->title, std::string("MR · ANGIO Projected from   C"));
        // The folder itself lists the same cases.
        QCOMPARE(listWorklist(cd).cases.size(), std::size_t(13));
    }

    void readsDicomCasesAsAFileRead() {
        const auto source = listWorklist(dicom_);
        for (const auto& c : source.cases) compareImages(loadCaseImage(c), modelImageFromFile(c.file));
        const auto ct = casesTitled(source, "CT ·")[0];
        const auto image = loadCaseImage(*ct);
        QCOMPARE(image.width, 128);
        QCOMPARE(image.height, 128);
    }

    // One case reads one file: a 512 x 512 CT slice in well under 100 ms (printed; not
    // asserted, the machine may be loaded), and pydicom's JPEG 2000 CT for comparison.
    void readsOneCaseQuickly() {
        const fs::path folder = root_ / "timing";
        fs::create_directories(folder);
        fs::copy_file(ct512_, folder / "ct512.dcm");
        fs::copy_file(kPydicomFiles / "693_J2KI.dcm", folder / "j2k.dcm");
        const auto cases = listWorklist(folder).cases;
        QCOMPARE(cases.size(), std::size_t(2));
        for (const auto& c : cases) {
            ModelImage image;
            const double ms = medianMilliseconds([&] { image = loadCaseImage(c); });
            QCOMPARE(image.width, 512);
            QCOMPARE(image.height, 512);
            qInfo("%s (%s): %.1f ms per case read", c.file.filename().c_str(), c.title.c_str(), ms);
        }
    }

    void listsAMedMnistSplit() {
        const auto npz = service::test::writeDermaMnist(root_ / "derma", 5);
        const auto* info = recipe::findMedMnistInfo("dermamnist");
        const auto source = listWorklist(npz);
        QCOMPARE(source.kind, WorklistSourceKind::MedMnist);
        QCOMPARE(source.split, std::string("test"));
        QCOMPARE(source.task.name, std::string("dermamnist"));
        QCOMPARE(source.task.modality, std::string("dermatoscope"));
        QCOMPARE(source.task.labels, info->labels);
        QVERIFY(!source.task.multiLabel);
        QCOMPARE(source.cases.size(), std::size_t(5));
        for (int i = 0; i < 5; ++i) {
            const auto& c = source.cases[static_cast<std::size_t>(i)];
            QCOMPARE(c.title, "test #" + std::to_string(i));
            QCOMPARE(c.groundTruth, info->labels[static_cast<std::size_t>(i % 7)]);
            QCOMPARE(c.datasetIndex, int64_t(i));
            QCOMPARE(c.datasetSplit, std::string("test"));
            QCOMPARE(c.datasetPath, npz);
            QVERIFY(!c.isDicom());
        }
        QCOMPARE(listWorklist(npz, "val").cases.size(), std::size_t(2));
        const QString unknown = errorOf([&] { listWorklist(npz, "holdout"); });
        QVERIFY2(unknown.contains(QStringLiteral("holdout")) && unknown.contains(QStringLiteral("dermamnist.npz")),
                 qPrintable(unknown));
    }

    // A sample's uint8 values / 255, channels first; the test split, then the val split
    // (the split kept in memory is replaced), then the test split again.
    void readsMedMnistSamples() {
        const auto npz = service::test::writeDermaMnist(root_ / "derma-read", 5);
        const auto test = listWorklist(npz, "test");
        const auto val = listWorklist(npz, "val");
        for (const auto* c : {&test.cases[3], &val.cases[1], &test.cases[0]}) {
            const auto image = loadCaseImage(*c);
            QCOMPARE(image.channels, 3);
            QCOMPARE(image.height, 28);
            QCOMPARE(image.width, 28);
            const int sample = static_cast<int>(c->datasetIndex);
            for (int ch = 0; ch < 3; ++ch)
                for (int y = 0; y < 28; ++y)
                    for (int x = 0; x < 28; ++x)
                        QCOMPARE(image.values[static_cast<std::size_t>((ch * 28 + y) * 28 + x)],
                                 service::test::dermaMnistPixel(sample, y, x, ch) / 255.0f);
        }
        WorklistCase beyond = test.cases[0];
        beyond.datasetIndex = 5;
        QVERIFY(errorOf([&] { loadCaseImage(beyond); }).contains(QStringLiteral("no sample 5")));
    }

    // chestmnist is multi-label: the positive labels '|'-joined, or "no finding"; grey.
    void listsAMultiLabelDataset() {
        const auto* info = recipe::findMedMnistInfo("chestmnist");
        const auto columns = static_cast<int64_t>(info->labels.size());
        recipe::NpzWriter npz;
        for (const std::string split : {"train", "val", "test"}) {
            std::vector<uint8_t> labels(static_cast<std::size_t>(2 * columns), 0);
            labels[0] = labels[2] = 1;  // sample 0: the first and third label; sample 1: none
            npz.addUint8(split + "_images", {2, 28, 28}, std::vector<uint8_t>(2 * 28 * 28, 77));
            npz.addUint8(split + "_labels", {2, columns}, labels);
        }
        const auto file = root_ / "chestmnist.npz";
        npz.write(file);
        const auto source = listWorklist(file);
        QVERIFY(source.task.multiLabel);
        QCOMPARE(source.cases[0].groundTruth, info->labels[0] + "|" + info->labels[2]);
        QCOMPARE(source.cases[1].groundTruth, std::string("no finding"));
        const auto image = loadCaseImage(source.cases[1]);
        QCOMPARE(image.channels, 1);
        QCOMPARE(image.values[100], 77 / 255.0f);
    }

    void listsACsvManifest() {
        const fs::path folder = root_ / "csv";
        fs::create_directories(folder / "img");
        for (int i = 0; i < 5; ++i) writePng(folder / "img" / ("p" + std::to_string(i) + ".png"), i);
        const auto manifest = folder / "lesions.csv";
        std::ofstream(manifest) << "path,label,split\n"
                                   "img/p0.png,benign,test\n"
                                   "img/p1.png,malignant,train\n"
                                   "img/p2.png,benign,TEST\n"
                                   "img/p3.png,malignant,test\n"
                                   "img/p4.png,benign,val\n";
        const auto source = listWorklist(manifest);
        QCOMPARE(source.kind, WorklistSourceKind::CsvManifest);
        QCOMPARE(source.split, std::string("test"));
        QCOMPARE(source.task.name, std::string("lesions"));
        QVERIFY(source.task.modality.empty());  // as the trainer names a CSV dataset's modality
        QCOMPARE(source.task.labels, (std::vector<std::string>{"benign", "malignant"}));
        QCOMPARE(source.cases.size(), std::size_t(3));
        QCOMPARE(source.cases[0].title, std::string("test · line 2"));
        QCOMPARE(source.cases[1].title, std::string("test · line 4"));
        QCOMPARE(source.cases[2].groundTruth, std::string("malignant"));
        QCOMPARE(source.cases[2].file, folder / "img/p3.png");
        QCOMPARE(source.cases[2].datasetIndex, int64_t(2));
        QCOMPARE(listWorklist(manifest, "val").cases.size(), std::size_t(1));
        const QString none = errorOf([&] { listWorklist(manifest, "holdout"); });
        QVERIFY2(none.contains(QStringLiteral("holdout")) && none.contains(QStringLiteral("lesions.csv")) &&
                     none.contains(QStringLiteral("test, train, val")),
                 qPrintable(none));

        const auto image = loadCaseImage(source.cases[1]);  // img/p2.png
        compareImages(image, modelImageFromFile(folder / "img/p2.png"));
        QCOMPARE(image.values[static_cast<std::size_t>(3 * 8 + 5)], (10 * 5 + 20 * 3 + 2) / 255.0f);

        // Without a split column: every row. A missing file shows when its case is read.
        const auto all = folder / "all.csv";
        std::ofstream(all) << "path,label\nimg/p0.png,benign\nimg/p1.png,malignant\nimg/gone.png,benign\n";
        const auto every = listWorklist(all, "test");
        QVERIFY(every.split.empty());
        QCOMPARE(every.cases.size(), std::size_t(3));
        QCOMPARE(every.cases[1].title, std::string("line 3"));
        QVERIFY(errorOf([&] { loadCaseImage(every.cases[2]); }).contains(QStringLiteral("gone.png")));
    }

    void errorsNameThePath() {
        const fs::path empty = root_ / "empty";
        fs::create_directories(empty);
        std::ofstream(empty / "notes.txt") << "not an image";
        QString message = errorOf([&] { listWorklist(empty); });
        QVERIFY2(message.contains(QString::fromStdString(empty.string())) && message.contains(QStringLiteral("no images")),
                 qPrintable(message));
        message = errorOf([&] { listWorklist(root_ / "missing"); });
        QVERIFY2(message.contains(QStringLiteral("missing")), qPrintable(message));
        message = errorOf([&] { listWorklist(empty / "notes.txt"); });
        QVERIFY2(message.contains(QStringLiteral("notes.txt")) && message.contains(QStringLiteral("not a worklist")),
                 qPrintable(message));
    }

    void progressCancels() {
        std::size_t calls = 0;
        const auto stop = [&](std::size_t, std::size_t) { return ++calls < 1; };
        QString message = errorOf([&] { listWorklist(dicom_, "test", stop); });
        QVERIFY2(message.contains(QStringLiteral("cancelled")) && message.contains(QString::fromStdString(dicom_.string())),
                 qPrintable(message));
        const auto npz = service::test::writeDermaMnist(root_ / "derma-cancel", 2);
        message = errorOf([&] { listWorklist(npz, "test", [](std::size_t, std::size_t) { return false; }); });
        QVERIFY2(message.contains(QStringLiteral("cancelled")) && message.contains(QStringLiteral("dermamnist.npz")),
                 qPrintable(message));
        // Progress reaches the end when not cancelled.
        std::size_t done = 0, total = 0;
        listWorklist(dicom_, "test", [&](std::size_t d, std::size_t t) {
            done = d;
            total = t;
            return true;
        });
        QVERIFY(total > 0);
        QCOMPARE(done, total);
    }
};

QTEST_GUILESS_MAIN(TestWorklist)
#include "test_worklist.moc"
