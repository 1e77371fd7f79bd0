// Decodes every file of pydicom's test corpus (Debian python3-pydicom) and compares with
// what pydicom (numpy, RLE and GDCM handlers) decodes: values after the modality LUT and
// the geometry of the file. Files the reference rejects must get a vitask::Error naming
// the file from us, unless listed in kDisagreements with the reason.
#include "reference_data.h"
#include "vitask/common/error.h"
#include "vitask/imaging/dicom_metadata.h"
#include "vitask/imaging/dicom_reader.h"
#include "vitask/imaging/series_geometry.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>

using vitask::imaging::DicomReader;
using vitask::imaging::Volume;

namespace {

const QString kCorpus = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

// Where we and the reference legitimately differ (file name -> why). Each entry is checked:
// a listed file must still behave as described here.
// Each listed file must still make us throw a vitask::Error naming it.
struct Disagreement {
    const char* why;
};
const std::map<QString, Disagreement> kDisagreements = {
    {"JPEG2000-embedded-sequence-delimiter.dcm",
     {"JPEG2000.dcm with 4 bytes of the code stream replaced by a Sequence Delimitation tag: "
      "pydicom's fragment reader skips them and hands GDCM the stream; GDCM's own DICOM parser "
      "(inside ITK, our JPEG 2000 path) stops at the delimiter. Its README calls the data "
      "'almost certainly not a valid JPEG anymore': an error is the honest answer."}},
};

// Maximum |ours - reference| allowed for a file: exact for lossless data (up to float
// rounding of the rescale), looser where the decoders legitimately differ.
double tolerance(const nlohmann::json& ref) {
    if (ref.value("lossy", false)) {
        // Lossy JPEG: libjpeg (DCMTK's IJG 6b) and GDCM's libjpeg builds use different
        // inverse DCT implementations; errors of a few grey levels are within the codec's
        // own precision.
        return 8.0;
    }
    const std::string photometric = ref.value("photometric", "");
    if (photometric.rfind("YBR", 0) == 0) {
        // YBR -> RGB: DCMTK and pydicom round the colour conversion differently.
        return 2.0;
    }
    return 0.0;
}

}  // namespace

class TestDicomCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!QFileInfo::exists(kCorpus)) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        QVERIFY(tmp_.isValid());
        files_ = filesUnder(kCorpus);
        QVERIFY(files_.size() > 100);
        QString error;
        ref_ = ReferenceData::decode(tmp_.path(), "dicom", files_, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void everyFileDecodesLikeTheReferenceOrFailsClearly() {
        int agree = 0, errorsAsExpected = 0, explained = 0;
        QStringList failures;
        for (const QString& file : files_) {
            const QString name = QFileInfo(file).fileName();
            const auto& entry = ref_.manifest.at(file.toStdString());
            const std::string status = entry.at("status");
            std::string ourError;
            Volume volume;
            try {
                volume = DicomReader::readFile(file.toStdString());
            } catch (const vitask::Error& e) {
                ourError = e.what();
            } catch (const std::exception& e) {
                failures << name + ": unexpected exception type: " + e.what();
                continue;
            }
            if (!ourError.empty() && ourError.find(file.toStdString()) == std::string::npos) {
                failures << name + ": error does not name the file: " + QString::fromStdString(ourError);
                continue;
            }

            const auto listed = kDisagreements.find(name);
            if (listed != kDisagreements.end()) {
                if (ourError.empty()) failures << name + " (listed): expected an error";
                ++explained;
                qInfo("%-45s explained: %s", qPrintable(name), listed->second.why);
                continue;
            }

            if (status == "ok") {
                const QString problem = compare(volume, entry, ourError);
                if (problem.isEmpty()) {
                    ++agree;
                } else {
                    failures << name + ": " + problem;
                }
            } else if (ourError.empty()) {
                failures << name + ": reference says " + QString::fromStdString(status) + " (" +
                                QString::fromStdString(entry.value("reason", "")) +
                                ") but we decoded an image";
            } else {
                ++errorsAsExpected;
                qInfo("%-45s both reject: %s", qPrintable(name), ourError.c_str() + file.size() + 2);
            }
        }
        qInfo("%d files: %d decode equal to pydicom, %d rejected by both, %d explained "
              "disagreements, %d failures",
              int(files_.size()), agree, errorsAsExpected, explained, int(failures.size()));
        for (const QString& failure : failures) qWarning("%s", qPrintable(failure));
        QVERIFY2(failures.isEmpty(), "files disagree with the reference, see the warnings above");
        QVERIFY(agree > 70);
    }

    void metadataListsEveryReadableFile() {
        int listed = 0;
        for (const QString& file : files_) {
            const auto& entry = ref_.manifest.at(file.toStdString());
            // Truncated files are rejected by design, even where pydicom lists their header.
            if (entry.at("status") == "rejected" || file.contains("truncated")) {
                continue;
            }
            try {
                const auto elements = vitask::imaging::DicomMetadata::read(file.toStdString());
                QVERIFY2(!elements.empty(), qPrintable(file));
                ++listed;
            } catch (const vitask::Error& e) {
                QFAIL(qPrintable(file + ": " + e.what()));
            }
        }
        QVERIFY(listed > 80);
    }

private:
    // Empty when the volume matches the reference entry (shape, values, geometry).
    QString compare(const Volume& volume, const nlohmann::json& entry, const std::string& ourError) {
        if (!ourError.empty()) return "reference decodes it, we fail: " + QString::fromStdString(ourError);
        const auto shape = entry.at("shape").get<std::vector<std::size_t>>();  // f, r, c, s
        if (volume.dims[2] != shape[0] || volume.dims[1] != shape[1] || volume.dims[0] != shape[2] ||
            volume.components != shape[3]) {
            return QString("shape %1x%2x%3x%4, reference %5x%6x%7x%8")
                .arg(volume.dims[2]).arg(volume.dims[1]).arg(volume.dims[0]).arg(volume.components)
                .arg(shape[0]).arg(shape[1]).arg(shape[2]).arg(shape[3]);
        }
        const auto expected = ref_.values(entry);
        if (expected.size() != volume.voxels.size()) return "reference array size differs";
        const double allowed = tolerance(entry);
        double worst = 0.0;
        std::size_t where = 0;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const double diff = std::abs(double(volume.voxels[i]) - double(expected[i]));
            const double rounding = 1e-6 * std::max(1.0, std::abs(double(expected[i])));
            if (diff > rounding && diff > worst) {
                worst = diff;
                where = i;
            }
        }
        if (worst > allowed) {
            return QString("max |difference| %1 at index %2 (ours %3, pydicom %4), allowed %5")
                .arg(worst).arg(where).arg(volume.voxels[where]).arg(expected[where]).arg(allowed);
        }
        if (entry.contains("ImagePositionPatient") && entry.contains("ImageOrientationPatient")) {
            const auto ipp = entry["ImagePositionPatient"].get<std::vector<double>>();
            const auto iop = entry["ImageOrientationPatient"].get<std::vector<double>>();
            for (int i = 0; i < 3; ++i) {
                if (std::abs(volume.origin[i] - ipp[i]) > 1e-6) return "origin differs from IPP";
                if (std::abs(volume.direction[i * 3] - iop[i]) > 1e-6 ||
                    std::abs(volume.direction[i * 3 + 1] - iop[3 + i]) > 1e-6) {
                    return "direction differs from IOP";
                }
            }
        }
        if (entry.contains("PixelSpacing")) {
            const auto ps = entry["PixelSpacing"].get<std::vector<double>>();
            if (std::abs(volume.spacing[0] - ps[1]) > 1e-9 || std::abs(volume.spacing[1] - ps[0]) > 1e-9) {
                return "spacing differs from Pixel Spacing";
            }
        }
        if (entry.contains("GridFrameOffsetVector") && shape[0] > 1) {
            // RT Dose: frames lie at these offsets along the slice normal from the IPP.
            const auto offsets = entry["GridFrameOffsetVector"].get<std::vector<double>>();
            const double step = offsets[1] - offsets[0];
            const auto iop = entry["ImageOrientationPatient"].get<std::vector<double>>();
            const auto normal = vitask::imaging::SeriesGeometry::normal(
                {iop[0], iop[1], iop[2], iop[3], iop[4], iop[5]});
            if (std::abs(volume.spacing[2] - std::abs(step)) > 1e-9) {
                return QString("slice spacing %1, Grid Frame Offset Vector step %2").arg(volume.spacing[2]).arg(step);
            }
            for (int i = 0; i < 3; ++i) {
                if (std::abs(volume.direction[i * 3 + 2] - normal[i] * (step < 0 ? -1 : 1)) > 1e-9) {
                    return "slice direction differs from the Grid Frame Offset Vector";
                }
            }
        }
        return {};
    }

    QTemporaryDir tmp_;
    QStringList files_;
    ReferenceData ref_;
};

QTEST_GUILESS_MAIN(TestDicomCorpus)
#include "test_dicom_corpus.moc"
