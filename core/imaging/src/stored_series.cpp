#include "vitask/imaging/stored_series.h"

#include "direct_pixels.h"
#include "file_descriptor.h"
#include "series_stack.h"
#include "voxel_narrowing.h"
#include "vitask/common/error.h"
#include "vitask/imaging/dicom_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace vitask::imaging {
namespace {

// Whether `instance` can be read straight from its file like `first`, with the same
// meaning of its stored values.
bool readsLike(const DicomInstance& instance, const DicomInstance& first) {
    const DirectPixels& d = instance.direct;
    const DirectPixels& f = first.direct;
    return d.usable && instance.frames == 1 && instance.samplesPerPixel == 1 && d.bitsStored == f.bitsStored &&
           d.isSigned == f.isSigned && d.slope == f.slope && d.intercept == f.intercept &&
           detail::unchangedSinceScan(instance);
}

// The integers the series is written as (see StoredSeries).
void chooseValues(StoredSeries& s, double slope, double intercept) {
    const long lowest = s.storedSigned ? -(1L << (s.bitsStored - 1)) : 0;
    const long highest = s.storedSigned ? (1L << (s.bitsStored - 1)) - 1 : (1L << s.bitsStored) - 1;
    constexpr long kMin = std::numeric_limits<std::int16_t>::min(), kMax = std::numeric_limits<std::int16_t>::max();
    if (slope == 1.0 && intercept == std::trunc(intercept) && lowest + intercept >= kMin &&
        highest + intercept <= kMax) {
        s.offset = static_cast<int>(intercept);
        return;
    }
    s.slope = slope;
    s.intercept = intercept;
    s.valuesUnsigned = highest > kMax;
}

}  // namespace

std::optional<StoredSeries> StoredSeriesReader::open(const DicomSeries& series) {
    const std::vector<const DicomInstance*> images = detail::stackableImages(series);
    const DicomInstance& first = *images.front();
    for (const DicomInstance* instance : images) {
        if (!readsLike(*instance, first)) return std::nullopt;
    }
    StoredSeries s;
    // The first file through DCMTK, as a Volume read takes it: in-plane spacing, windows,
    // modality, photometric interpretation.
    s.layout = DicomReader::readFile(first.file);
    if (s.layout.dims[0] != first.columns || s.layout.dims[1] != first.rows || s.layout.dims[2] != 1 ||
        s.layout.isColour()) {
        return std::nullopt;  // not what the scan saw: the Volume read reports it properly
    }
    s.layout.voxels = {};
    s.layout.sliceWindows.clear();
    s.layout.source = "series " + series.seriesInstanceUid;
    const std::size_t timePoints = detail::timePointsOf(series, images.size(), images.size());
    s.layout.dims[2] = images.size() / timePoints;
    s.layout.dims[3] = timePoints;
    detail::placeStack(s.layout, series, images, timePoints);
    // The files are ordered position-major (the time points of a slice together).
    for (std::size_t t = 0; t < timePoints; ++t) {
        for (std::size_t z = 0; z < s.layout.dims[2]; ++z) s.slices.push_back(*images[z * timePoints + t]);
    }
    s.bitsStored = first.direct.bitsStored;
    s.storedSigned = first.direct.isSigned;
    chooseValues(s, first.direct.slope, first.direct.intercept);
    return s;
}

void StoredSeriesReader::read(const StoredSeries& series, std::size_t first, std::size_t count, unsigned char* out) {
    const std::size_t sliceSize = series.layout.sliceSize();
    const bool asStored = series.bitsStored == 16 && series.offset == 0;
    std::vector<std::uint16_t> scratch(asStored ? 0 : std::min(count, sliceSize));
    while (count > 0) {
        const DicomInstance& slice = series.slices.at(first / sliceSize);
        const std::size_t within = first % sliceSize;
        const std::size_t n = std::min(count, sliceSize - within);
        const detail::FileDescriptor file(slice.file);
        void* target = asStored ? static_cast<void*>(out) : scratch.data();
        if (!detail::unchangedSinceScan(slice) || !file.isOpen() ||
            !file.readAt(target, n * sizeof(std::uint16_t), slice.direct.offset + within * sizeof(std::uint16_t))) {
            throw Error("the file changed or became unreadable during the conversion", slice.file.string(),
                        "Convert the series again once its files are complete; nothing was written.");
        }
        if (!asStored) {
            detail::storedToIntegers(scratch.data(), n, series.bitsStored, series.storedSigned, series.offset);
            std::memcpy(out, scratch.data(), n * sizeof(std::uint16_t));
        }
        out += n * sizeof(std::uint16_t);
        first += n;
        count -= n;
    }
}

}  // namespace vitask::imaging
