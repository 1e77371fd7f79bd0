// Worklists of studies: the series of a DICOM folder or DICOMDIR (and the NIfTI and photo
// files of a folder), one case per series, or per image for projection modalities.
#include "vitask/imaging/dicom_reader.h"
#include "vitask/imaging/study_catalog.h"
#include "worklist_sources.h"

#include <set>

namespace vitask::service::detail {
namespace {

namespace fs = std::filesystem;

// Modalities whose images are separate pictures (radiographs, mammograms, angiography
// runs, ultrasound, photographs), not slices of one volume: each image is a case.
bool isProjection(const std::string& modality) {
    static const std::set<std::string> projection{"CR", "DX", "MG", "XA", "RF", "IO", "PX",
                                                  "US", "OP", "XC", "ES", "GM", "SC"};
    return projection.count(modality) > 0;
}

// "CT · Chest 2.5 mm": modality and description only, never the patient's name or ID.
std::string seriesTitle(const imaging::DicomSeries& series) {
    const std::string modality = series.modality.empty() ? "DICOM" : series.modality;
    const std::string name =
        series.description.empty() ? "series " + std::to_string(series.seriesNumber) : series.description;
    return modality + " · " + name;
}

WorklistCase dicomCase(const imaging::DicomStudy& study, const imaging::DicomSeries& series,
                       const imaging::DicomInstance& instance, std::size_t frame, std::string title) {
    WorklistCase c;
    c.studyInstanceUid = study.studyInstanceUid;
    c.seriesInstanceUid = series.seriesInstanceUid;
    c.sopInstanceUid = instance.sopInstanceUid;
    c.file = instance.file;
    c.slice = frame;
    c.title = std::move(title);
    return c;
}

void addSeries(WorklistSource& source, const imaging::DicomStudy& study, const imaging::DicomSeries& series) {
    std::vector<const imaging::DicomInstance*> images;
    std::size_t frames = 0;
    for (const auto& instance : series.instances) {
        if (!instance.hasPixels) continue;
        images.push_back(&instance);
        frames += instance.frames;
    }
    if (images.empty()) return;
    const std::string title = seriesTitle(series);
    if (isProjection(series.modality)) {
        for (std::size_t i = 0; i < images.size(); ++i) {
            const std::string position =
                images.size() > 1 ? " · image " + std::to_string(i + 1) + " of " + std::to_string(images.size()) : "";
            source.cases.push_back(dicomCase(study, series, *images[i], images[i]->frames / 2, title + position));
        }
        return;
    }
    // The middle image over all frames, in the series' slice order: what the viewer shows first.
    std::size_t middle = frames / 2;
    for (const auto* instance : images) {
        if (middle < instance->frames) {
            source.cases.push_back(dicomCase(study, series, *instance, middle, title));
            return;
        }
        middle -= instance->frames;
    }
}

}  // namespace

WorklistSource listStudy(const fs::path& path, WorklistSourceKind kind, const ListProgress& progress) {
    const auto catalog = imaging::openStudy(path, progress);  // names the path, also when cancelled
    WorklistSource source;
    source.path = path;
    source.kind = kind;
    std::vector<const imaging::SeriesItem*> files;  // NIfTI and photos, listed after the DICOM series
    for (const auto& item : catalog.series) {
        if (item.kind != imaging::SeriesItem::Kind::Dicom) {
            files.push_back(&item);
            continue;
        }
        const auto& study = catalog.tree.patients.at(item.patient).studies.at(item.study);
        addSeries(source, study, study.series.at(item.series));
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        WorklistCase c;
        c.file = files[i]->file;
        // Numbered, not named: a file name may hold the patient's name.
        c.title = std::string(files[i]->kind == imaging::SeriesItem::Kind::Nifti ? "NIfTI" : "photo") + " · " +
                  std::to_string(i + 1) + " of " + std::to_string(files.size());
        source.cases.push_back(std::move(c));
    }
    return source;  // not empty: openStudy throws for a path without images
}

ModelImage dicomCaseImage(const WorklistCase& c) {
    // The one file, not the series: a 500-slice CT is not decoded for its middle slice.
    return modelImageFromVolume(imaging::DicomReader::readFile(c.file), c.slice);
}

}  // namespace vitask::service::detail
