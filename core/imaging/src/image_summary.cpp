#include "vitask/imaging/image_summary.h"
#include "vitask/common/json_file.h"

#include "vitask/imaging/series_geometry.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace vitask::imaging {
namespace {

using Json = nlohmann::json;  // "json" is also a member function name here

struct SeriesFacts {
    std::size_t images = 0;
    const DicomInstance* first = nullptr;
    double sliceSpacing = 0.0;  // median distance between slice positions; 0 if unknown
};

SeriesFacts facts(const DicomSeries& series) {
    SeriesFacts f;
    std::vector<double> positions;
    for (const auto& instance : series.instances) {
        if (!instance.hasPixels) continue;
        ++f.images;
        if (!f.first) f.first = &instance;
        if (series.sortedByPosition) {
            const auto n = SeriesGeometry::normal(f.first->orientation);
            const double p = instance.position[0] * n[0] + instance.position[1] * n[1] +
                             instance.position[2] * n[2];
            if (positions.empty() || std::abs(p - positions.back()) > 0.01) positions.push_back(p);
        }
    }
    std::vector<double> steps;
    for (std::size_t i = 1; i < positions.size(); ++i) steps.push_back(positions[i] - positions[i - 1]);
    if (!steps.empty()) {
        std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
        f.sliceSpacing = steps[steps.size() / 2];
    }
    return f;
}

std::string joined(const double* values, std::size_t count, const char* separator) {
    std::ostringstream out;
    for (std::size_t i = 0; i < count; ++i) out << (i ? separator : "") << values[i];
    return out.str();
}

}  // namespace

std::string ImageSummary::text(const DicomTree& tree) {
    std::ostringstream out;
    std::size_t studies = 0;
    for (const auto& patient : tree.patients) studies += patient.studies.size();
    out << tree.seriesCount() << " series in " << studies << " stud" << (studies == 1 ? "y" : "ies")
        << " of " << tree.patients.size() << " patient(s)";
    if (!tree.skipped.empty()) out << "; " << tree.skipped.size() << " file(s) skipped";
    out << "\n";
    std::size_t index = 0;  // what `--series INDEX` takes
    for (const auto& patient : tree.patients) {
        for (const auto& study : patient.studies) {
            out << "\nstudy " << study.studyInstanceUid;
            if (!study.date.empty()) out << "  " << study.date;
            if (!study.description.empty()) out << "  \"" << study.description << "\"";
            out << "\n";
            for (const auto& series : study.series) {
                const SeriesFacts f = facts(series);
                out << "  [" << ++index << "] series " << series.seriesNumber << "  " << series.modality;
                if (!series.description.empty()) out << "  \"" << series.description << "\"";
                out << "\n    uid " << series.seriesInstanceUid << "\n";
                if (!f.first) {
                    out << "    " << series.instances.size() << " object(s) without images\n";
                    continue;
                }
                out << "    " << f.images << " image(s), " << series.frameCount() << " frame(s), "
                    << f.first->columns << " x " << f.first->rows;
                if (f.first->samplesPerPixel == 3) out << " RGB";
                if (series.timePoints > 1) out << ", " << series.timePoints << " time points";
                out << ", " << f.first->photometric << "\n";
                if (f.first->hasPixelSpacing) {
                    out << "    pixel spacing " << f.first->pixelSpacing[1] << " x "
                        << f.first->pixelSpacing[0] << " mm";
                    if (f.sliceSpacing > 0) out << ", slice spacing " << f.sliceSpacing << " mm";
                    out << "\n";
                }
                if (f.first->hasPosition) {
                    out << "    orientation " << joined(f.first->orientation.data(), 6, "\\")
                        << "; first slice at " << joined(f.first->position.data(), 3, ", ")
                        << " (LPS mm)\n";
                }
                out << "    sorted by " << (series.sortedByPosition ? "position along the slice normal"
                                                                    : "instance number")
                    << "\n";
                for (const auto& warning : series.warnings) out << "    warning: " << warning << "\n";
            }
        }
    }
    if (!tree.skipped.empty()) {
        out << "\nskipped:\n";
        for (const auto& skipped : tree.skipped) {
            out << "  " << skipped.file.string() << ": " << skipped.reason << "\n";
        }
    }
    return out.str();
}

std::string ImageSummary::json(const DicomTree& tree) {
    Json root;
    root["patients"] = tree.patients.size();
    root["series"] = Json::array();
    std::size_t index = 0;
    for (const auto& patient : tree.patients) {
        for (const auto& study : patient.studies) {
            for (const auto& series : study.series) {
                const SeriesFacts f = facts(series);
                Json s{{"index", ++index},
                       {"study_instance_uid", study.studyInstanceUid},
                       {"study_description", study.description},
                       {"study_date", study.date},
                       {"series_instance_uid", series.seriesInstanceUid},
                       {"series_number", series.seriesNumber},
                       {"series_description", series.description},
                       {"modality", series.modality},
                       {"objects", series.instances.size()},
                       {"images", f.images},
                       {"frames", series.frameCount()},
                       {"time_points", series.timePoints},
                       {"sorted_by_position", series.sortedByPosition},
                       {"warnings", series.warnings}};
                if (f.first) {
                    s["columns"] = f.first->columns;
                    s["rows"] = f.first->rows;
                    s["samples_per_pixel"] = f.first->samplesPerPixel;
                    s["photometric"] = f.first->photometric;
                    s["transfer_syntax"] = f.first->transferSyntax;
                    if (f.first->hasPixelSpacing) {
                        s["pixel_spacing"] = {f.first->pixelSpacing[1], f.first->pixelSpacing[0]};
                    }
                    if (f.sliceSpacing > 0) s["slice_spacing"] = f.sliceSpacing;
                    if (f.first->hasPosition) {
                        s["orientation"] = f.first->orientation;
                        s["origin"] = f.first->position;
                    }
                }
                std::vector<std::string> files;
                for (const auto& instance : series.instances) files.push_back(instance.file.string());
                s["files"] = files;
                root["series"].push_back(std::move(s));
            }
        }
    }
    root["skipped"] = Json::array();
    for (const auto& skipped : tree.skipped) {
        root["skipped"].push_back({{"file", skipped.file.string()}, {"reason", skipped.reason}});
    }
    return jsonText(root, 2);
}

std::string ImageSummary::text(const Volume& v) {
    std::ostringstream out;
    out << v.source << "\n  " << v.dims[0] << " x " << v.dims[1] << " x " << v.dims[2];
    if (v.dims[3] > 1) out << " x " << v.dims[3] << " (time)";
    out << (v.isColour() ? " RGB" : "") << ", " << v.photometric << "\n"
        << "  spacing " << joined(v.spacing.data(), 3, " x ") << " mm\n"
        << "  origin " << joined(v.origin.data(), 3, ", ") << " (LPS mm)\n"
        << "  direction " << joined(v.direction.data(), 9, " ") << " (row-major, columns = i j k)\n";
    if (!v.voxels.empty() && !v.isColour()) {
        const auto [low, high] = std::minmax_element(v.voxels.begin(), v.voxels.end());
        out << "  values " << *low << " to " << *high << "\n";
    }
    for (const auto& w : v.windows) {
        if (w.lut) {
            out << "  VOI LUT " << w.lut->entries << " entries from " << w.lut->firstMapped << ", "
                << w.lut->bits << " bits (" << w.explanation << ")\n";
        } else {
            out << "  window " << w.center << "/" << w.width;
            if (w.function != VoiFunction::Linear) out << " " << voiFunctionName(w.function);
            out << " (" << w.explanation << ")\n";
        }
    }
    if (!v.sliceWindows.empty()) out << "  per-frame windows (enhanced multi-frame)\n";
    return out.str();
}

std::string ImageSummary::json(const Volume& v) {
    Json root{{"source", v.source},
              {"dims", v.dims},
              {"components", v.components},
              {"photometric", v.photometric},
              {"spacing", v.spacing},
              {"origin", v.origin},
              {"direction", v.direction}};
    if (!v.voxels.empty() && !v.isColour()) {
        const auto [low, high] = std::minmax_element(v.voxels.begin(), v.voxels.end());
        root["min"] = *low;
        root["max"] = *high;
    }
    root["windows"] = Json::array();
    for (const auto& w : v.windows) {
        Json entry{{"center", w.center}, {"width", w.width}, {"explanation", w.explanation}};
        if (!w.lut) entry["function"] = voiFunctionName(w.function);
        if (w.lut) {
            entry["lut"] = {{"entries", w.lut->entries}, {"first_mapped", w.lut->firstMapped},
                            {"bits", w.lut->bits}};
        }
        root["windows"].push_back(entry);
    }
    return jsonText(root, 2);
}

}  // namespace vitask::imaging
