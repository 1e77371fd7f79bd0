#include "vitask/imaging/dicom_tree.h"

namespace vitask::imaging {

bool DicomSeries::hasPixels() const {
    for (const auto& instance : instances) {
        if (instance.hasPixels) return true;
    }
    return false;
}

std::size_t DicomSeries::frameCount() const {
    std::size_t frames = 0;
    for (const auto& instance : instances) {
        if (instance.hasPixels) frames += instance.frames;
    }
    return frames;
}

std::size_t DicomTree::seriesCount() const { return allSeries().size(); }

std::vector<const DicomSeries*> DicomTree::allSeries() const {
    std::vector<const DicomSeries*> out;
    for (const auto& patient : patients) {
        for (const auto& study : patient.studies) {
            for (const auto& series : study.series) out.push_back(&series);
        }
    }
    return out;
}

}  // namespace vitask::imaging
