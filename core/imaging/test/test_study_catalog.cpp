// The study catalog on real files: pydicom's and nibabel's test data copied into a
// temporary folder with a corrupt file beside them.
#include "vitask/common/error.h"
#include "vitask/imaging/nifti_reader.h"
#include "vitask/imaging/study_catalog.h"
#include "vitask/imaging/window.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <set>

using namespace vitask::imaging;
namespace fs = std::filesystem;

namespace {

const fs::path pydicomFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
const fs::path nibabelFiles = "/usr/lib/python3/dist-packages/nibabel/tests/data";

// The message of the vitask::Error `call` throws; empty when it throws nothing.
template <typename Call>
vitask::Error errorOf(Call call) {
    try {
        call();
    } catch (const vitask::Error& e) {
        return e;
    }
    return vitask::Error("");
}

// The 8-bit windowed middle slice the thumbnail stands for.
std::vector<int> windowedMiddleSlice(const Volume& volume) {
    const std::size_t slice = volume.dims[2] / 2;
    const Window window = defaultWindow(volume, slice);
    std::vector<int> out(volume.sliceSize());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const float value = volume.voxels[slice * volume.sliceSize() + i];
        out[i] = static_cast<int>(std::lround(window.apply(value, volume.isMonochrome1()) * 255.0));
    }
    return out;
}

}  // namespace

class TestStudyCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!fs::exists(pydicomFiles / "CT_small.dcm")) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        QVERIFY(dir_.isValid());
        folder_ = fs::path(dir_.path().toStdString()) / "study";
        fs::create_directories(folder_ / "sub");
        fs::copy_file(pydicomFiles / "CT_small.dcm", folder_ / "CT_small.dcm");
        fs::copy_file(pydicomFiles / "MR_small.dcm", folder_ / "sub" / "MR_small.dcm");
        std::ofstream(folder_ / "corrupt.dcm") << "this is not DICOM, only text with a .dcm name";
    }

    void listsTheSeriesOfAFolder() {
        std::vector<std::pair<std::size_t, std::size_t>> calls;
        const StudyCatalog catalog = openStudy(folder_, [&](std::size_t done, std::size_t total) {
            calls.emplace_back(done, total);
            return true;
        });
        QCOMPARE(catalog.series.size(), std::size_t(2));
        std::set<std::string> modalities;
        for (const SeriesItem& item : catalog.series) {
            modalities.insert(item.modality);
            QCOMPARE(item.kind, SeriesItem::Kind::Dicom);
            QCOMPARE(item.images, std::size_t(1));
            const DicomPatient& patient = catalog.tree.patients.at(item.patient);
            QCOMPARE(item.patientName, patient.patientName);
            QCOMPARE(patient.studies.at(item.study).series.at(item.series).modality, item.modality);
        }
        QCOMPARE(modalities, (std::set<std::string>{"CT", "MR"}));
        const SeriesItem& ct = catalog.series[catalog.series[0].modality == "CT" ? 0 : 1];
        QCOMPARE(ct.patientName, std::string("CompressedSamples^CT1"));
        QCOMPARE(ct.studyDate, std::string("20040119"));
        QCOMPARE(ct.file, folder_ / "CT_small.dcm");
        QCOMPARE(catalog.skipped.size(), std::size_t(1));
        QCOMPARE(catalog.skipped[0].file, folder_ / "corrupt.dcm");

        // Progress: never backwards, ends at all three files.
        QVERIFY(!calls.empty());
        for (std::size_t i = 1; i < calls.size(); ++i) QVERIFY(calls[i].first >= calls[i - 1].first);
        QCOMPARE(calls.back(), std::make_pair(std::size_t(3), std::size_t(3)));
    }

    void cancelThrows() {
        int calls = 0;
        const vitask::Error e = errorOf([&] {
            openStudy(folder_, [&](std::size_t, std::size_t) { return ++calls < 2; });
        });
        QCOMPARE(e.problem(), std::string("cancelled"));
        QCOMPARE(e.subject(), folder_.string());
        QCOMPARE(calls, 2);
    }

    void loadsAndThumbnailsASeries() {
        const StudyCatalog catalog = openStudy(folder_);
        const std::size_t ct = catalog.series[0].modality == "CT" ? 0 : 1;
        const Volume volume = loadSeries(catalog, ct);
        QCOMPARE(volume.modality, std::string("CT"));
        QCOMPARE(volume.dims[0], std::size_t(128));
        // The value range comes computed with the volume, equal to a pass over its voxels.
        QVERIFY(volume.valueRange.has_value());
        const auto [low, high] = std::minmax_element(volume.voxels.begin(), volume.voxels.end());
        QCOMPARE((*volume.valueRange)[0], *low);
        QCOMPARE((*volume.valueRange)[1], *high);
        Volume uncached = volume;
        uncached.valueRange.reset();
        QCOMPARE(autoWindow(uncached).center, autoWindow(volume).center);
        QCOMPARE(autoWindow(uncached).width, autoWindow(volume).width);
        const std::vector<int> expected = windowedMiddleSlice(volume);

        // Large enough: the windowed slice itself.
        const Thumbnail full = makeThumbnail(catalog, ct, 200);
        QCOMPARE(full.width, 128);
        QCOMPARE(full.height, 128);
        QCOMPARE(full.channels, 1);
        for (std::size_t i = 0; i < expected.size(); ++i) QCOMPARE(int(full.pixels[i]), expected[i]);

        // Half size: each pixel the mean of a 2x2 block (area averaging).
        const Thumbnail half = makeThumbnail(catalog, ct, 64);
        QCOMPARE(half.width, 64);
        QCOMPARE(half.height, 64);
        int lowest = 255, highest = 0;
        for (int y = 0; y < 64; ++y) {
            for (int x = 0; x < 64; ++x) {
                const auto at = [&](int dx, int dy) { return expected[(2 * y + dy) * 128 + 2 * x + dx]; };
                const double mean = (at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4.0;
                const int value = half.pixels[static_cast<std::size_t>(y) * 64 + x];
                QVERIFY2(std::abs(value - mean) <= 1.0, qPrintable(QString("(%1, %2)").arg(x).arg(y)));
                lowest = std::min(lowest, value);
                highest = std::max(highest, value);
            }
        }
        QVERIFY(highest - lowest > 100);  // an image, not a flat square
    }

    void readsADicomDir() {
        const fs::path source = pydicomFiles / "dicomdirtests";
        if (!fs::exists(source / "DICOMDIR")) QFAIL("pydicom's DICOMDIR test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        const fs::path copy = fs::path(dir_.path().toStdString()) / "cd";
        fs::create_directories(copy);
        fs::copy_file(source / "DICOMDIR", copy / "DICOMDIR");
        for (const char* patient : {"77654033", "98892001", "98892003"}) {
            fs::copy(source / patient, copy / patient, fs::copy_options::recursive);
        }
        const StudyCatalog catalog = openStudy(copy / "DICOMDIR");
        QCOMPARE(catalog.tree.patients.size(), std::size_t(2));
        QCOMPARE(catalog.series.size(), std::size_t(13));
        std::size_t images = 0;
        for (const SeriesItem& item : catalog.series) images += item.images;
        QCOMPARE(images, std::size_t(31));
        QVERIFY(catalog.skipped.empty());
        // The folder itself: the same series, the DICOMDIR skipped.
        const StudyCatalog folder = openStudy(copy);
        QCOMPARE(folder.series.size(), std::size_t(13));
        QCOMPARE(folder.skipped.size(), std::size_t(1));
    }

    void readsNiftiHeadersOnly() {
        if (!fs::exists(nibabelFiles / "anatomical.nii")) QFAIL("python3-nibabel's test files are missing: install python3-nibabel (scripts/install-deps.sh installs it)");
        // NIfTI-1, gzipped 4D NIfTI-1, NIfTI-2.
        for (const char* name : {"anatomical.nii", "example4d.nii.gz", "example_nifti2.nii.gz"}) {
            const fs::path file = nibabelFiles / name;
            const StudyCatalog catalog = openStudy(file);
            QCOMPARE(catalog.series.size(), std::size_t(1));
            const SeriesItem& item = catalog.series[0];
            QCOMPARE(item.kind, SeriesItem::Kind::Nifti);
            const Volume volume = NiftiReader::read(file);
            QVERIFY2(item.images == volume.dims[2] * volume.dims[3], name);
            const Thumbnail thumbnail = makeThumbnail(catalog, 0, 32);
            QVERIFY(std::max(thumbnail.width, thumbnail.height) == 32 ||
                    std::max(volume.dims[0], volume.dims[1]) < 32);
        }
        const Volume anatomical = NiftiReader::read(nibabelFiles / "anatomical.nii");
        QCOMPARE(openStudy(nibabelFiles / "anatomical.nii").series[0].images, anatomical.dims[2]);
    }

    void niftiInAFolderIsListed() {
        if (!fs::exists(nibabelFiles / "anatomical.nii")) QFAIL("python3-nibabel's test files are missing: install python3-nibabel (scripts/install-deps.sh installs it)");
        const fs::path mixed = fs::path(dir_.path().toStdString()) / "mixed";
        fs::create_directories(mixed);
        fs::copy_file(pydicomFiles / "CT_small.dcm", mixed / "CT_small.dcm");
        fs::copy_file(nibabelFiles / "anatomical.nii", mixed / "anatomical.nii");
        const StudyCatalog catalog = openStudy(mixed);
        QCOMPARE(catalog.series.size(), std::size_t(2));
        QCOMPARE(catalog.series[0].kind, SeriesItem::Kind::Dicom);
        QCOMPARE(catalog.series[1].kind, SeriesItem::Kind::Nifti);
        QCOMPARE(catalog.series[1].file, mixed / "anatomical.nii");
        QVERIFY(catalog.skipped.empty());
        QCOMPARE(loadSeries(catalog, 1).dims, NiftiReader::read(mixed / "anatomical.nii").dims);
    }

    void explainsWhatIsMissing() {
        const fs::path missing = fs::path(dir_.path().toStdString()) / "no-such-folder";
        const vitask::Error gone = errorOf([&] { openStudy(missing); });
        QCOMPARE(gone.subject(), missing.string());
        QVERIFY(gone.problem().find("no such file or folder") != std::string::npos);

        const fs::path empty = fs::path(dir_.path().toStdString()) / "empty";
        fs::create_directories(empty);
        const vitask::Error none = errorOf([&] { openStudy(empty); });
        QCOMPARE(none.subject(), empty.string());
        QVERIFY2(none.problem().find("no images found (the folder holds no files)") != std::string::npos,
                 none.what());
        QVERIFY(!none.remedy().empty());

        const fs::path junk = fs::path(dir_.path().toStdString()) / "junk";
        fs::create_directories(junk);
        fs::copy_file(folder_ / "corrupt.dcm", junk / "corrupt.dcm");
        const vitask::Error skipped = errorOf([&] { openStudy(junk); });
        QVERIFY2(skipped.problem().find("1 file(s) skipped, first: corrupt.dcm") != std::string::npos,
                 skipped.what());

        // A structured report alone: a series, but no images.
        const vitask::Error report = errorOf([&] { openStudy(pydicomFiles / "test-SR.dcm"); });
        QVERIFY2(report.problem().find("1 DICOM series without images: SR") != std::string::npos, report.what());

        const StudyCatalog catalog = openStudy(folder_);
        const vitask::Error outside = errorOf([&] { loadSeries(catalog, 2); });
        QVERIFY2(outside.problem().find("there is no series 2") != std::string::npos, outside.what());
    }

private:
    QTemporaryDir dir_;
    fs::path folder_;
};

QTEST_APPLESS_MAIN(TestStudyCatalog)
#include "test_study_catalog.moc"
