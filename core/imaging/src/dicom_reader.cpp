#include "vitask/imaging/dicom_reader.h"

#include "dcmtk_support.h"
#include "dicom_pixels.h"
#include "direct_pixels.h"
#include "series_stack.h"
#include "voi_windows.h"
#include "vitask/common/error.h"
#include "vitask/imaging/series_geometry.h"
#include "voxel_buffer.h"
#include "worker_threads.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>

namespace vitask::imaging {
namespace {

namespace fs = std::filesystem;

// Slice spacing and direction of a multi-frame file along its frames.
void multiFrameGeometry(Volume& volume, DcmDataset& ds, const DicomInstance& in) {
    const auto normal = SeriesGeometry::normal(in.orientation);
    std::vector<double> positions;
    DcmSequenceOfItems* groups = nullptr;
    if (ds.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, groups).good() && groups) {
        for (unsigned long f = 0; f < groups->card(); ++f) {
            DcmItem* plane = nullptr;
            if (groups->getItem(f)->findAndGetSequenceItem(DCM_PlanePositionSequence, plane, 0).bad() ||
                !plane) {
                break;
            }
            const auto p = detail::getDoubles(*plane, DCM_ImagePositionPatient);
            if (p.size() != 3) break;
            positions.push_back(detail::dot({p[0], p[1], p[2]}, normal));
        }
        if (positions.size() != in.frames) positions.clear();
    }
    if (positions.empty()) {
        // RT Dose: frame offsets along the normal from the image position.
        const auto offsets = detail::getDoubles(ds, DCM_GridFrameOffsetVector);
        if (offsets.size() == in.frames) positions = offsets;
    }
    if (positions.size() >= 2) {
        std::vector<double> steps;
        for (std::size_t i = 1; i < positions.size(); ++i) steps.push_back(positions[i] - positions[i - 1]);
        const double step = detail::median(steps);
        if (std::abs(step) > 0) {
            volume.spacing[2] = std::abs(step);
            detail::setSliceDirection(volume, in.orientation, step < 0 ? -1.0 : 1.0);
        }
        return;
    }
    const auto between = detail::getDoubles(ds, DCM_SpacingBetweenSlices);
    const auto thickness = detail::getDoubles(ds, DCM_SliceThickness);
    if (!between.empty() && between[0] > 0) {
        volume.spacing[2] = between[0];
    } else if (!thickness.empty() && thickness[0] > 0) {
        volume.spacing[2] = thickness[0];
    }
}

struct ReadFile {
    Volume volume;
    DicomInstance instance;
};

ReadFile readOne(const fs::path& file) {
    // Long values stay on disk until loadDicom has checked their lengths against the file.
    auto format = detail::loadDicom(file);
    format->loadAllDataIntoMemory();
    DcmDataset& ds = *format->getDataset();
    const auto header = detail::readHeader(*format, file);
    auto pixels = detail::decodePixels(*format, file);

    ReadFile out;
    out.instance = header.instance;
    Volume& v = out.volume;
    v.dims = {pixels.columns, pixels.rows, pixels.frames, 1};
    v.components = pixels.components;
    v.voxels = std::move(pixels.values);
    v.photometric = pixels.photometric.empty() ? header.instance.photometric : pixels.photometric;
    v.modality = header.modality;
    v.source = file.string();
    if (!v.isColour()) {
        auto windows = detail::readFileWindows(ds, pixels.frames, v.source);
        v.windows = std::move(windows.common);
        v.sliceWindows = std::move(windows.perFrame);
    }
    const DicomInstance& in = header.instance;
    if (in.hasPixelSpacing) v.spacing = {in.pixelSpacing[1], in.pixelSpacing[0], 1.0};
    v.pixelSpacingKnown = in.hasPixelSpacing;
    if (in.hasPosition) {
        v.origin = in.position;
        detail::setSliceDirection(v, in.orientation, 1.0);
        v.orientationKnown = true;
    } else {
        v.patientOrientation = in.patientOrientation;
    }
    if (pixels.frames > 1) {
        multiFrameGeometry(v, ds, in);
    } else {
        const auto thickness = detail::getDoubles(ds, DCM_SliceThickness);
        if (!thickness.empty() && thickness[0] > 0) v.spacing[2] = thickness[0];
    }
    return out;
}

}  // namespace

Volume DicomReader::readFile(const fs::path& file) {
    return readOne(file).volume;
}

Volume DicomReader::readSeries(const DicomSeries& series) {
    const std::vector<const DicomInstance*> images = detail::stackableImages(series);
    if (images.size() == 1) return readFile(images.front()->file);

    // Each file's frames go to a known place in the volume, so files decode in parallel
    // straight into it: no growing buffer, no second copy of the volume.
    std::vector<std::size_t> firstSlice(images.size() + 1, 0);
    for (std::size_t i = 0; i < images.size(); ++i) firstSlice[i + 1] = firstSlice[i] + images[i]->frames;
    const std::size_t slices = firstSlice.back();

    // The first file through DCMTK in full: it gives the volume its windows, modality and
    // photometric interpretation.
    ReadFile first = readOne(images.front()->file);
    if (first.volume.dims[2] != images.front()->frames) {
        throw Error("the pixel data holds a different number of frames than the header says",
                    images.front()->file.string(), "The file may be damaged; open it alone to check.");
    }
    Volume volume = std::move(first.volume);
    const std::size_t sliceSize = volume.sliceSize();
    {
        std::vector<float> firstValues = std::move(volume.voxels);
        detail::allocateVoxels(volume.voxels, sliceSize * slices);
        std::copy(firstValues.begin(), firstValues.end(), volume.voxels.begin());
    }

    std::atomic<std::size_t> next{1};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto work = [&] {
        std::vector<std::uint16_t> scratch;
        for (std::size_t i = next++; i < images.size() && !failed; i = next++) {
            try {
                float* target = volume.voxels.data() + firstSlice[i] * sliceSize;
                // Plain 16-bit greyscale as the scan located it; anything else, or a file
                // changed since the scan, through DCMTK.
                if (volume.components == 1 && images[i]->rows * images[i]->columns == sliceSize &&
                    detail::readDirectPixels(*images[i], target, scratch)) {
                    continue;
                }
                const ReadFile one = readOne(images[i]->file);
                if (one.volume.dims[0] != volume.dims[0] || one.volume.dims[1] != volume.dims[1] ||
                    one.volume.components != volume.components) {
                    throw Error("the series mixes image sizes, so it cannot form one volume",
                                images[i]->file.string(), "Open its files one by one.");
                }
                if (one.volume.dims[2] != images[i]->frames) {
                    throw Error("the pixel data holds a different number of frames than the header says",
                                images[i]->file.string(), "The file may be damaged; open it alone to check.");
                }
                std::copy(one.volume.voxels.begin(), one.volume.voxels.end(), target);
            } catch (...) {
                std::lock_guard<std::mutex> lock(errorMutex);
                if (!failed.exchange(true)) error = std::current_exception();
            }
        }
    };
    const std::size_t threadCount = detail::imagingThreads(std::min<std::size_t>(8, images.size() - 1));
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < threadCount; ++t) threads.emplace_back(work);
    work();
    for (auto& thread : threads) thread.join();
    if (error) std::rethrow_exception(error);
    volume.source = "series " + series.seriesInstanceUid;
    // Per-slice windows of the first file describe its frames only, not the series.
    volume.sliceWindows.clear();

    const std::size_t timePoints = detail::timePointsOf(series, images.size(), slices);
    volume.dims[2] = slices / timePoints;
    volume.dims[3] = timePoints;
    if (timePoints > 1) {
        // Sorted position-major (all time points of a slice together); store time-major.
        std::vector<float> reordered;
        detail::allocateVoxels(reordered, volume.voxels.size());
        const std::size_t slice = volume.sliceSize();
        for (std::size_t z = 0; z < volume.dims[2]; ++z) {
            for (std::size_t t = 0; t < timePoints; ++t) {
                std::copy_n(volume.voxels.begin() + (z * timePoints + t) * slice, slice,
                            reordered.begin() + (t * volume.dims[2] + z) * slice);
            }
        }
        volume.voxels = std::move(reordered);
    }

    detail::placeStack(volume, series, images, timePoints);
    spdlog::debug("read series: {} image(s), {}x{}x{}x{}", images.size(), volume.dims[0],
                  volume.dims[1], volume.dims[2], volume.dims[3]);
    return volume;
}

}  // namespace vitask::imaging
