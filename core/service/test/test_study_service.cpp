// Studies opened, decoded, thumbnailed and read on the service's threads: real DICOM and
// NIfTI files from python3-pydicom and python3-nibabel, callbacks off the caller's thread.
#include "vitask/service/study_service.h"

#include <QTemporaryDir>
#include <QtTest>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

using namespace vitask;

namespace {

const std::filesystem::path kPydicom = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

// Collects what the worker threads report and lets the test wait for it.
template <typename T>
class Outcome {
public:
    void set(T value) {
        std::lock_guard lock(mutex_);
        value_ = std::move(value);
        changed_.notify_all();
    }
    void fail(const std::string& message) {
        std::lock_guard lock(mutex_);
        error_ = message;
        changed_.notify_all();
    }
    bool wait(int seconds = 60) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(seconds), [&] { return value_ || !error_.empty(); });
    }
    std::optional<T> value_;
    std::string error_;

private:
    std::mutex mutex_;
    std::condition_variable changed_;
};

}  // namespace

class TestStudyService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!std::filesystem::exists(kPydicom / "CT_small.dcm")) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        QVERIFY(dir_.isValid());
        folder_ = std::filesystem::path(dir_.path().toStdString()) / "study";
        std::filesystem::create_directories(folder_ / "sub");
        std::filesystem::copy_file(kPydicom / "CT_small.dcm", folder_ / "ct.dcm");
        std::filesystem::copy_file(kPydicom / "MR_small.dcm", folder_ / "sub" / "mr.dcm");
    }

    void opensLoadsAndThumbnailsAFolder() {
        service::StudyService studies;
        const auto caller = std::this_thread::get_id();
        std::atomic<bool> offThread{true};
        std::atomic<std::size_t> lastDone{0}, total{0};
        Outcome<std::shared_ptr<const imaging::StudyCatalog>> opened;
        studies.open(
            folder_,
            [&](std::size_t done, std::size_t all) {
                offThread = offThread && std::this_thread::get_id() != caller;
                lastDone = done;
                total = all;
            },
            [&](auto catalog) { opened.set(catalog); }, [&](const std::string& m) { opened.fail(m); });
        QVERIFY(opened.wait());
        QVERIFY2(opened.error_.empty(), opened.error_.c_str());
        const auto catalog = *opened.value_;
        QCOMPARE(catalog->series.size(), size_t{2});
        QCOMPARE(total.load(), size_t{2});
        QCOMPARE(lastDone.load(), size_t{2});  // the last report is the end
        QVERIFY(offThread);

        // The CT series decodes to the file's 128 x 128 slice.
        const auto ct = std::find_if(catalog->series.begin(), catalog->series.end(),
                                     [](const auto& s) { return s.modality == "CT"; });
        QVERIFY(ct != catalog->series.end());
        Outcome<std::shared_ptr<const imaging::Volume>> loaded;
        studies.loadSeries(catalog, static_cast<std::size_t>(ct - catalog->series.begin()),
                           [&](auto volume) { loaded.set(volume); }, [&](const std::string& m) { loaded.fail(m); });
        QVERIFY(loaded.wait());
        QVERIFY2(loaded.error_.empty(), loaded.error_.c_str());
        QCOMPARE((*loaded.value_)->dims[0], size_t{128});
        QCOMPARE((*loaded.value_)->modality, std::string("CT"));

        std::mutex mutex;
        std::set<std::size_t> thumbnails;
        std::condition_variable all;
        studies.thumbnails(catalog, 32, [&](std::size_t index, const imaging::Thumbnail& thumbnail) {
            std::lock_guard lock(mutex);
            if (thumbnail.width == 32 || thumbnail.height == 32) thumbnails.insert(index);
            all.notify_all();
        });
        std::unique_lock lock(mutex);
        QVERIFY(all.wait_for(lock, std::chrono::seconds(30), [&] { return thumbnails.size() == 2; }));
    }

    void readsElements() {
        service::StudyService studies;
        Outcome<std::vector<imaging::DicomElement>> read;
        studies.readElements(folder_ / "ct.dcm", [&](const auto& elements) { read.set(elements); },
                             [&](const std::string& m) { read.fail(m); });
        QVERIFY(read.wait());
        const auto& elements = *read.value_;
        QVERIFY(std::any_of(elements.begin(), elements.end(), [](const auto& e) { return e.keyword == "Modality" && e.value == "CT"; }));

        Outcome<std::vector<imaging::DicomElement>> bad;
        studies.readElements(folder_ / "missing.dcm", [&](const auto& elements) { bad.set(elements); },
                             [&](const std::string& m) { bad.fail(m); });
        QVERIFY(bad.wait());
        QVERIFY2(bad.error_.find("missing.dcm") != std::string::npos, bad.error_.c_str());
    }

    void errorsAndCancel() {
        service::StudyService studies;
        Outcome<bool> missing;
        studies.open(folder_ / "nothing-here", {}, [&](auto) { missing.set(true); }, [&](const std::string& m) { missing.fail(m); });
        QVERIFY(missing.wait());
        QVERIFY2(missing.error_.find("nothing-here") != std::string::npos, missing.error_.c_str());

        // A scan cancelled from its own progress report ends with an error saying so.
        Outcome<bool> cancelled;
        studies.open(
            folder_, [&](std::size_t, std::size_t) { studies.cancelOpen(); }, [&](auto) { cancelled.set(true); },
            [&](const std::string& m) { cancelled.fail(m); });
        QVERIFY(cancelled.wait());
        QVERIFY2(cancelled.error_.find("cancel") != std::string::npos, cancelled.error_.c_str());
    }

    // What the studio's Open does with bad files (docs/reliability.md): the scan or the
    // series load fails with a message naming the file, and the service goes on working.
    void badFilesAreRefusedByName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        const auto anatomical = [] {
            QFile file(QStringLiteral("/usr/lib/python3/dist-packages/nibabel/tests/data/anatomical.nii"));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        QTest::newRow("empty DICOM") << "empty.dcm" << QByteArray();
        QTest::newRow("empty NIfTI") << "empty.nii" << QByteArray();
        QTest::newRow("NIfTI declaring 27e12 voxels") << "huge.nii"
                                                     << anatomical().replace(40, 8, QByteArray::fromHex("0003753075307530"));
        // (nibabel's anatomical.nii is big-endian.)
        QTest::newRow("NIfTI with NaN geometry") << "nan.nii" << anatomical().replace(280, 4, QByteArray::fromHex("7fc00000"));
        QFile ct(QString::fromStdString((kPydicom / "CT_small.dcm").string()));
        QVERIFY(ct.open(QIODevice::ReadOnly));
        QTest::newRow("DICOM cut in half") << "half.dcm" << ct.readAll().left(20000);
    }
    void badFilesAreRefusedByName() {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        const auto file = std::filesystem::path(dir_.path().toStdString()) / "bad" / name.toStdString();
        std::filesystem::create_directories(file.parent_path());
        QFile out(QString::fromStdString(file.string()));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();

        service::StudyService studies;
        Outcome<std::shared_ptr<const imaging::StudyCatalog>> opened;
        studies.open(file, {}, [&](auto catalog) { opened.set(catalog); }, [&](const std::string& m) { opened.fail(m); });
        QVERIFY(opened.wait());
        std::string error = opened.error_;
        if (error.empty()) {  // the scan took it: the series load must refuse it
            Outcome<bool> loaded;
            studies.loadSeries(*opened.value_, 0, [&](auto) { loaded.set(true); }, [&](const std::string& m) { loaded.fail(m); });
            QVERIFY(loaded.wait());
            QVERIFY2(!loaded.value_, "a bad file loaded as a volume");
            error = loaded.error_;
        }
        QVERIFY2(error.find(file.filename().string()) != std::string::npos, error.c_str());
        QVERIFY2(error.find("std::") == std::string::npos, error.c_str());

        // And the service still opens a good study.
        Outcome<std::shared_ptr<const imaging::StudyCatalog>> good;
        studies.open(folder_, {}, [&](auto catalog) { good.set(catalog); }, [&](const std::string& m) { good.fail(m); });
        QVERIFY(good.wait());
        QVERIFY2(good.value_, good.error_.c_str());
    }

private:
    QTemporaryDir dir_;
    std::filesystem::path folder_;
};

QTEST_GUILESS_MAIN(TestStudyService)
#include "test_study_service.moc"
