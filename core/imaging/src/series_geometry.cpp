#include "vitask/imaging/series_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>

namespace vitask::imaging {
namespace {

// Positions closer than this (mm) along the normal count as the same slice position.
constexpr double kSamePosition = 0.01;

std::string mm(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g mm", value);
    return buffer;
}

double along(const DicomInstance& instance, const std::array<double, 3>& normal) {
    return instance.position[0] * normal[0] + instance.position[1] * normal[1] +
           instance.position[2] * normal[2];
}

bool sameOrientation(const std::array<double, 6>& a, const std::array<double, 6>& b) {
    for (int i = 0; i < 6; ++i) {
        if (std::abs(a[i] - b[i]) > 1e-4) return false;
    }
    return true;
}

bool byInstanceNumber(const DicomInstance& a, const DicomInstance& b) {
    if (a.instanceNumber != b.instanceNumber) return a.instanceNumber < b.instanceNumber;
    return a.file < b.file;
}

void dropDuplicateUids(DicomSeries& series) {
    std::set<std::string> seen;
    std::vector<DicomInstance> kept;
    std::size_t dropped = 0;
    for (auto& instance : series.instances) {
        if (!instance.sopInstanceUid.empty() && !seen.insert(instance.sopInstanceUid).second) {
            ++dropped;
            continue;
        }
        kept.push_back(std::move(instance));
    }
    series.instances = std::move(kept);
    if (dropped > 0) {
        series.warnings.push_back(std::to_string(dropped) +
                                  " duplicate file(s) with an SOP Instance UID seen before: ignored");
    }
}

void checkMixedGeometry(DicomSeries& series, const std::vector<const DicomInstance*>& images) {
    const DicomInstance& first = *images.front();
    std::size_t orientation = 0, size = 0, spacing = 0, unreadable = 0;
    for (const DicomInstance* instance : images) {
        if (instance->geometryUnreadable) ++unreadable;
        if (instance->hasPosition && first.hasPosition &&
            !sameOrientation(instance->orientation, first.orientation)) {
            ++orientation;
        }
        if (instance->rows != first.rows || instance->columns != first.columns) ++size;
        if (instance->hasPixelSpacing && first.hasPixelSpacing &&
            (std::abs(instance->pixelSpacing[0] - first.pixelSpacing[0]) > 1e-3 ||
             std::abs(instance->pixelSpacing[1] - first.pixelSpacing[1]) > 1e-3)) {
            ++spacing;
        }
    }
    if (orientation > 0) {
        series.warnings.push_back("mixed orientation: " + std::to_string(orientation) +
                                  " image(s) differ from the first (a localizer or several stacks)");
    }
    if (size > 0) {
        series.warnings.push_back("mixed image size: " + std::to_string(size) +
                                  " image(s) differ from the first");
    }
    if (spacing > 0) {
        series.warnings.push_back("mixed pixel spacing: " + std::to_string(spacing) +
                                  " image(s) differ from the first");
    }
    if (unreadable > 0) {
        series.warnings.push_back("geometry unknown: " + std::to_string(unreadable) +
                                  " image(s) have Image Position/Orientation (Patient) that could not be "
                                  "read (malformed values or a wrongly declared encoding); position and "
                                  "orientation are shown as identity");
    }
}

// Positions along the normal of the sorted images: duplicates, time points, gaps.
void checkSpacing(DicomSeries& series, const std::vector<double>& positions) {
    std::vector<double> unique;
    std::vector<std::size_t> counts;
    for (double p : positions) {
        if (!unique.empty() && std::abs(p - unique.back()) < kSamePosition) {
            ++counts.back();
        } else {
            unique.push_back(p);
            counts.push_back(1);
        }
    }
    const bool uniform = std::all_of(counts.begin(), counts.end(),
                                     [&](std::size_t c) { return c == counts.front(); });
    if (counts.front() > 1 && uniform) {
        series.timePoints = counts.front();
    } else if (!uniform || counts.front() > 1) {
        const auto shared = std::count_if(counts.begin(), counts.end(),
                                          [](std::size_t c) { return c > 1; });
        series.warnings.push_back("duplicate slice positions: " + std::to_string(shared) +
                                  " position(s) hold more than one image");
    }
    if (unique.size() < 3) return;
    std::vector<double> steps;
    for (std::size_t i = 1; i < unique.size(); ++i) steps.push_back(unique[i] - unique[i - 1]);
    std::vector<double> sorted = steps;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const double median = sorted[sorted.size() / 2];
    bool irregular = false;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i] > 1.5 * median) {
            // In double: a wild position (1e300 mm) must not overflow an integer.
            const double missing = std::min(std::round(steps[i] / median) - 1, 1e9);
            series.warnings.push_back("gap of " + mm(steps[i]) + " between slices " +
                                      std::to_string(i + 1) + " and " + std::to_string(i + 2) +
                                      " (spacing elsewhere " + mm(median) + ", about " +
                                      std::to_string(static_cast<long long>(missing)) + " slice(s) missing)");
        } else if (std::abs(steps[i] - median) > 0.1 * median) {
            irregular = true;
        }
    }
    if (irregular) {
        const auto [low, high] = std::minmax_element(steps.begin(), steps.end());
        series.warnings.push_back("irregular slice spacing: from " + mm(*low) + " to " +
                                  mm(*high));
    }
}

void checkInstanceNumbers(DicomSeries& series, const std::vector<const DicomInstance*>& images) {
    for (std::size_t i = 1; i < images.size(); ++i) {
        const std::int64_t step = std::int64_t{images[i]->instanceNumber} - images[i - 1]->instanceNumber;
        if (images[i]->hasInstanceNumber && images[i - 1]->hasInstanceNumber && step > 1) {
            series.warnings.push_back("instance numbers jump from " +
                                      std::to_string(images[i - 1]->instanceNumber) + " to " +
                                      std::to_string(images[i]->instanceNumber));
        }
    }
}

}  // namespace

std::array<double, 3> SeriesGeometry::normal(const std::array<double, 6>& o) {
    return {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
}

void SeriesGeometry::analyze(DicomSeries& series) {
    series.warnings.clear();
    series.timePoints = 1;
    series.sortedByPosition = false;
    dropDuplicateUids(series);
    std::stable_sort(series.instances.begin(), series.instances.end(), byInstanceNumber);

    std::vector<const DicomInstance*> images;
    for (const auto& instance : series.instances) {
        if (instance.hasPixels) images.push_back(&instance);
    }
    if (images.empty()) return;
    checkMixedGeometry(series, images);

    const DicomInstance& first = *images.front();
    const bool positioned = std::all_of(images.begin(), images.end(), [&](const DicomInstance* i) {
        return i->hasPosition && sameOrientation(i->orientation, first.orientation);
    });
    if (!positioned || images.size() < 2) {
        if (images.size() > 1) checkInstanceNumbers(series, images);
        return;
    }
    const auto n = normal(first.orientation);
    // Stable: images at one position stay in instance-number order (time points).
    std::stable_sort(series.instances.begin(), series.instances.end(),
                     [&](const DicomInstance& a, const DicomInstance& b) {
                         if (a.hasPixels != b.hasPixels) return a.hasPixels;
                         const double pa = along(a, n), pb = along(b, n);
                         if (std::abs(pa - pb) < kSamePosition) return false;
                         return pa < pb;
                     });
    series.sortedByPosition = true;
    std::vector<double> positions;
    for (const auto& instance : series.instances) {
        if (instance.hasPixels) positions.push_back(along(instance, n));
    }
    checkSpacing(series, positions);
}

}  // namespace vitask::imaging
