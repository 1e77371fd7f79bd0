// Reads nibabel's NIfTI test files (Debian python3-nibabel) and compares voxel values
// (scl_slope/scl_inter applied) and geometry (spacing, origin, direction in LPS) with
// nibabel's. Files nibabel rejects must get a vitask::Error naming the file from us.
#include "reference_data.h"
#include "vitask/common/error.h"
#include "vitask/imaging/nifti_reader.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using vitask::imaging::NiftiReader;
using vitask::imaging::Volume;

namespace {
const QString kCorpus = "/usr/lib/python3/dist-packages/nibabel/tests/data";
}

class TestNiftiCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFileReadsLikeNibabelOrFailsClearly() {
        if (!QFileInfo::exists(kCorpus)) QFAIL("python3-nibabel's test files are missing: install python3-nibabel (scripts/install-deps.sh installs it)");
        QTemporaryDir tmp;
        QStringList files;
        for (const QString& file : filesUnder(kCorpus)) {
            if (NiftiReader::hasNiftiExtension(file.toStdString())) files << file;
        }
        QVERIFY(files.size() >= 8);
        QString error;
        const auto ref = ReferenceData::decode(tmp.path(), "nifti", files, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        int agree = 0, bothReject = 0;
        bool sawNifti2 = false;  // ITK 5.2 cannot read it: our own NIfTI-2 reader must
        QStringList failures;
        for (const QString& file : files) {
            const QString name = QFileInfo(file).fileName();
            const auto& entry = ref.manifest.at(file.toStdString());
            Volume volume;
            std::string ours;
            try {
                volume = NiftiReader::read(file.toStdString());
            } catch (const vitask::Error& e) {
                ours = e.what();
            }
            if (name == "example_nifti2.nii.gz") sawNifti2 = ours.empty();
            if (entry.at("status") != "ok") {
                if (ours.empty()) {
                    failures << name + ": nibabel rejects it, we read it";
                } else if (ours.find(file.toStdString()) != 0) {
                    failures << name + ": error does not name the file";
                } else {
                    ++bothReject;
                    qInfo("%-28s both reject: %s", qPrintable(name), ours.c_str() + file.size() + 2);
                }
                continue;
            }
            if (!ours.empty()) {
                failures << name + ": nibabel reads it, we fail: " + QString::fromStdString(ours);
                continue;
            }
            const QString problem = compare(volume, entry, ref.values(entry));
            if (problem.isEmpty()) {
                ++agree;
            } else {
                failures << name + ": " + problem;
            }
        }
        for (const QString& failure : failures) qWarning("%s", qPrintable(failure));
        qInfo("%d NIfTI files: %d equal to nibabel, %d rejected by both, %d failures",
              int(files.size()), agree, bothReject, int(failures.size()));
        QVERIFY(failures.isEmpty());
        QVERIFY(agree >= 7);
        QVERIFY2(sawNifti2, "example_nifti2.nii.gz was not read");
    }

    // Our own reader (all NIfTI-2, single-file NIfTI-1): qform (quaternion), sform,
    // big-endian, scaling, 4D, 1- to 8-byte types, several gzip members and truncation
    // against nibabel on files nibabel writes.
    void ownReaderVariantsReadLikeNibabel() {
        QTemporaryDir tmp;
        QProcess make;
        make.setProcessChannelMode(QProcess::ForwardedChannels);
        make.start("/usr/bin/python3", {qEnvironmentVariable("VITASK_SOURCE_DIR") +
                                            "/core/imaging/test/make_nifti_cases.py", tmp.path()});
        QVERIFY(make.waitForFinished(60000) && make.exitCode() == 0);
        QStringList files;
        for (const char* name : {"qform_be.nii", "sform_4d.nii.gz", "qform_be_n1.nii", "sform_4d_n1.nii.gz",
                                 "uint8_n1.nii.gz", "float64_n1.nii.gz", "members_n1.nii.gz"}) {
            files << tmp.path() + "/" + name;
        }
        QTemporaryDir refDir;
        QString error;
        const auto ref = ReferenceData::decode(refDir.path(), "nifti", files, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString& file : files) {
            const auto& entry = ref.manifest.at(file.toStdString());
            QCOMPARE(entry.at("status").get<std::string>(), std::string("ok"));
            const Volume volume = NiftiReader::read(file.toStdString());
            const QString problem = compare(volume, entry, ref.values(entry));
            QVERIFY2(problem.isEmpty(), qPrintable(QFileInfo(file).fileName() + ": " + problem));
        }
        for (const char* name : {"truncated.nii", "truncated_n1.nii", "cut_n1.nii.gz", "short_n1.nii.gz"}) {
            const std::string truncated = (tmp.path() + "/" + name).toStdString();
            try {
                NiftiReader::read(truncated);
                QFAIL(qPrintable(QString("a truncated file was read: ") + name));
            } catch (const vitask::Error& e) {
                QCOMPARE(e.subject(), truncated);
                QVERIFY2(std::string(e.what()).find("truncated") != std::string::npos, e.what());
            }
        }
    }

private:
    static QString compare(const Volume& v, const nlohmann::json& entry, const std::vector<float>& expected) {
        auto shape = entry.at("shape").get<std::vector<std::size_t>>();
        while (shape.size() < 4) shape.push_back(1);
        for (std::size_t d = 0; d < 4; ++d) {
            if (shape[d] != v.dims[d]) return QString("dimension %1: %2, nibabel %3").arg(d).arg(v.dims[d]).arg(shape[d]);
        }
        if (expected.size() != v.voxels.size()) return "voxel count differs";
        for (std::size_t i = 0; i < expected.size(); ++i) {
            // float32 on both sides; scaling in double (nibabel) vs float (ITK) rounds apart.
            if (std::abs(v.voxels[i] - expected[i]) > 1e-5 * std::max(1.0f, std::abs(expected[i]))) {
                return QString("voxel %1: %2, nibabel %3").arg(i).arg(v.voxels[i]).arg(expected[i]);
            }
        }
        const auto spacing = entry.at("spacing").get<std::vector<double>>();
        const auto origin = entry.at("origin").get<std::vector<double>>();
        const auto direction = entry.at("direction").get<std::vector<double>>();
        for (int i = 0; i < 3; ++i) {
            if (std::abs(v.spacing[i] - spacing[i]) > 1e-4) return QString("spacing %1 differs").arg(i);
            if (std::abs(v.origin[i] - origin[i]) > 1e-3) {
                return QString("origin %1: %2, nibabel %3").arg(i).arg(v.origin[i]).arg(origin[i]);
            }
        }
        for (int i = 0; i < 9; ++i) {
            if (std::abs(v.direction[i] - direction[i]) > 1e-4) {
                return QString("direction[%1]: %2, nibabel %3").arg(i).arg(v.direction[i]).arg(direction[i]);
            }
        }
        return {};
    }
};

QTEST_GUILESS_MAIN(TestNiftiCorpus)
#include "test_nifti_corpus.moc"
