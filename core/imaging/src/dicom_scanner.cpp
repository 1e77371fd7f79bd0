#include "vitask/imaging/dicom_scanner.h"

#include "dcmtk_support.h"
#include "direct_pixels.h"
#include "vitask/common/error.h"
#include "vitask/imaging/series_geometry.h"
#include "worker_threads.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <thread>

namespace vitask::imaging {
namespace {

namespace fs = std::filesystem;

// Collects headers, then builds the sorted tree.
class TreeBuilder {
public:
    void add(detail::InstanceHeader header) {
        const std::string patientKey = header.patientId + '\x1f' + header.patientName;
        auto& patient = patients_[patientKey];
        patient.patientId = header.patientId;
        patient.patientName = header.patientName;
        auto& study = patient.studies[header.studyUid];
        study.studyInstanceUid = header.studyUid;
        if (study.description.empty()) study.description = header.studyDescription;
        if (study.date.empty()) study.date = header.studyDate;
        auto& series = study.series[header.seriesUid];
        series.seriesInstanceUid = header.seriesUid;
        if (series.description.empty()) series.description = header.seriesDescription;
        if (series.modality.empty()) series.modality = header.modality;
        series.seriesNumber = header.seriesNumber;
        series.instances.push_back(std::move(header.instance));
    }

    void skip(const fs::path& file, std::string reason) {
        skipped_.push_back({file, std::move(reason)});
    }

    DicomTree build() {
        DicomTree tree;
        for (auto& [key, p] : patients_) {
            DicomPatient patient{p.patientId, p.patientName, {}};
            for (auto& [uid, s] : p.studies) {
                DicomStudy study{s.studyInstanceUid, s.description, s.date, {}};
                for (auto& [seriesUid, series] : s.series) {
                    SeriesGeometry::analyze(series);
                    study.series.push_back(std::move(series));
                }
                std::sort(study.series.begin(), study.series.end(),
                          [](const DicomSeries& a, const DicomSeries& b) {
                              return a.seriesNumber < b.seriesNumber;
                          });
                patient.studies.push_back(std::move(study));
            }
            std::sort(patient.studies.begin(), patient.studies.end(),
                      [](const DicomStudy& a, const DicomStudy& b) { return a.date < b.date; });
            tree.patients.push_back(std::move(patient));
        }
        tree.skipped = std::move(skipped_);
        return tree;
    }

private:
    struct StudyEntry {
        std::string studyInstanceUid, description, date;
        std::map<std::string, DicomSeries> series;
    };
    struct PatientEntry {
        std::string patientId, patientName;
        std::map<std::string, StudyEntry> studies;
    };
    std::map<std::string, PatientEntry> patients_;
    std::vector<SkippedFile> skipped_;
};

bool isDicomDirClass(const std::string& uid) { return uid == UID_MediaStorageDirectoryStorage; }

// The files a DICOMDIR references (Referenced File ID, relative to its folder).
std::vector<fs::path> referencedFiles(DcmFileFormat& format, const fs::path& dicomdir) {
    std::vector<fs::path> files;
    DcmSequenceOfItems* records = nullptr;
    if (format.getDataset()->findAndGetSequence(DCM_DirectoryRecordSequence, records).bad() ||
        records == nullptr) {
        return files;
    }
    for (unsigned long i = 0; i < records->card(); ++i) {
        DcmItem* record = records->getItem(i);
        const std::string id = detail::getString(*record, DCM_ReferencedFileID);
        if (id.empty()) continue;
        fs::path file = dicomdir.parent_path();
        std::size_t start = 0;
        while (start <= id.size()) {
            const std::size_t end = std::min(id.find('\\', start), id.size());
            if (end > start) file /= id.substr(start, end - start);
            start = end + 1;
        }
        files.push_back(file);
    }
    return files;
}

// One file's header as the scan needs it, or why it was skipped.
struct Parsed {
    detail::InstanceHeader header;
    std::string skipped;                 // non-empty: the reason
    std::exception_ptr failure;          // an error that must reach the caller
};

Parsed parseFile(const fs::path& file) {
    Parsed parsed;
    try {
        auto format = detail::loadDicom(file);
        parsed.header = detail::readHeader(*format, file);
        if (isDicomDirClass(parsed.header.mediaStorageClass)) {
            parsed.skipped = "DICOMDIR (its images are part of the folder scan)";
        } else {
            parsed.header.instance.direct = detail::locateDirectPixels(*format, file);
        }
    } catch (const Error& e) {
        parsed.skipped = e.problem();
    } catch (...) {
        parsed.failure = std::current_exception();
    }
    return parsed;
}

Error cancelled(const fs::path& path) {
    return Error("cancelled", path.string(), "Open it again to scan it.");
}

// Parses the headers on all cores (a large series has hundreds of files), then adds them
// in the given order, so the tree does not depend on thread timing. Progress is reported
// from the calling thread only (callers need not be thread-safe), between its own files;
// a cancel stops every thread before its next file.
void addFiles(TreeBuilder& builder, const std::vector<fs::path>& files, const ScanProgress& progress,
              const fs::path& subject) {
    std::vector<Parsed> parsed(files.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::size_t reported = 0;
    auto report = [&](bool always) {
        const std::size_t now = done;
        if (!progress || (now == reported && !always)) return;
        reported = now;
        if (!progress(now, files.size())) stop = true;
    };
    auto parseNext = [&](std::size_t i) {
        parsed[i] = parseFile(files[i]);
        ++done;
    };
    auto work = [&] {
        for (std::size_t i = next++; i < files.size() && !stop; i = next++) parseNext(i);
    };
    report(true);
    const std::size_t threadCount = detail::imagingThreads(std::clamp<std::size_t>(files.size(), 1, 8));
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < threadCount; ++t) threads.emplace_back(work);
    for (std::size_t i = next++; i < files.size() && !stop; i = next++) {
        parseNext(i);
        report(false);
    }
    for (auto& thread : threads) thread.join();
    if (!stop) report(false);
    if (stop) throw cancelled(subject);
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (parsed[i].failure) std::rethrow_exception(parsed[i].failure);
        if (!parsed[i].skipped.empty()) {
            builder.skip(files[i], std::move(parsed[i].skipped));
        } else {
            builder.add(std::move(parsed[i].header));
        }
    }
}

}  // namespace

bool DicomScanner::isDicomDir(const fs::path& file) {
    try {
        auto format = detail::loadDicom(file);
        return isDicomDirClass(detail::getString(*format->getMetaInfo(), DCM_MediaStorageSOPClassUID));
    } catch (const Error&) {
        return false;
    }
}

DicomTree DicomScanner::scan(const fs::path& path, const ScanProgress& progress) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw Error("no such file or folder", path.string(), "Check the path.");
    }
    TreeBuilder builder;
    std::size_t files = 0;
    if (fs::is_directory(path, ec)) {
        std::vector<fs::path> found;
        std::size_t listed = 0;
        for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
             it != end; it.increment(ec)) {
            if (ec) break;
            if (it->is_regular_file(ec)) found.push_back(it->path());
            // Listing a large tree on a network share takes a while: let it be cancelled.
            if (progress && ++listed % 256 == 0 && !progress(0, 0)) throw cancelled(path);
        }
        std::sort(found.begin(), found.end());
        addFiles(builder, found, progress, path);
        files = found.size();
    } else {
        auto format = detail::loadDicom(path);
        if (isDicomDirClass(detail::getString(*format->getMetaInfo(), DCM_MediaStorageSOPClassUID))) {
            const auto referenced = referencedFiles(*format, path);
            std::vector<fs::path> present;
            for (const auto& file : referenced) {
                if (fs::exists(file, ec)) {
                    present.push_back(file);
                } else {
                    builder.skip(file, "referenced by the DICOMDIR but missing");
                }
            }
            addFiles(builder, present, progress, path);
            files = referenced.size();
        } else {
            auto header = detail::readHeader(*format, path);
            header.instance.direct = detail::locateDirectPixels(*format, path);
            builder.add(std::move(header));
            files = 1;
            if (progress && !progress(1, 1)) throw cancelled(path);
        }
    }
    DicomTree tree = builder.build();
    spdlog::debug("DICOM scan: {} file(s), {} series, {} skipped", files, tree.seriesCount(),
                  tree.skipped.size());
    return tree;
}

}  // namespace vitask::imaging
