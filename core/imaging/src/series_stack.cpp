#include "series_stack.h"

#include "vitask/common/error.h"
#include "vitask/imaging/series_geometry.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace vitask::imaging::detail {

double median(std::vector<double> values) {
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

void setSliceDirection(Volume& volume, const std::array<double, 6>& o, double normalSign) {
    const auto n = SeriesGeometry::normal(o);
    for (int r = 0; r < 3; ++r) {
        volume.direction[r * 3 + 0] = o[r];
        volume.direction[r * 3 + 1] = o[3 + r];
        volume.direction[r * 3 + 2] = n[r] * normalSign;
    }
}

std::vector<const DicomInstance*> stackableImages(const DicomSeries& series) {
    std::vector<const DicomInstance*> images;
    for (const auto& instance : series.instances) {
        if (instance.hasPixels) images.push_back(&instance);
    }
    const std::string subject = "series " + series.seriesInstanceUid;
    if (images.empty()) {
        throw Error("the series holds no images", subject, "Choose a series with images.");
    }
    for (const auto* instance : images) {
        if (instance->rows != images.front()->rows || instance->columns != images.front()->columns ||
            instance->samplesPerPixel != images.front()->samplesPerPixel) {
            throw Error("the series mixes image sizes, so it cannot form one volume", subject,
                        "Open its files one by one.");
        }
        if (instance->hasPosition && images.front()->hasPosition) {
            for (int i = 0; i < 6; ++i) {
                if (std::abs(instance->orientation[i] - images.front()->orientation[i]) > 1e-4) {
                    throw Error("the series mixes slice orientations, so it cannot form one volume", subject,
                                "Open its files one by one (a localizer may be mixed in).");
                }
            }
        }
    }
    return images;
}

std::size_t timePointsOf(const DicomSeries& series, std::size_t images, std::size_t slices) {
    return slices == images && slices % series.timePoints == 0 ? series.timePoints : 1;
}

void placeStack(Volume& volume, const DicomSeries& series, const std::vector<const DicomInstance*>& images,
                std::size_t timePoints) {
    if (series.sortedByPosition) {
        const auto normal = SeriesGeometry::normal(images.front()->orientation);
        std::vector<double> steps;
        for (std::size_t i = timePoints; i < images.size(); i += timePoints) {
            steps.push_back(dot(images[i]->position, normal) - dot(images[i - timePoints]->position, normal));
        }
        if (!steps.empty() && median(steps) > 0) volume.spacing[2] = median(steps);
        volume.origin = images.front()->position;
        setSliceDirection(volume, images.front()->orientation, 1.0);
        volume.orientationKnown = true;
    } else if (!images.front()->hasPosition) {
        volume.patientOrientation = images.front()->patientOrientation;
    }
}

}  // namespace vitask::imaging::detail
