// SeriesGeometry::analyze on a series whose instances' positions, orientations, spacing,
// sizes and numbers come from the input (NaN, infinities, zero vectors included): the
// sorting and the gap/duplicate/mixed-geometry warnings of every scanned series.
#include "fuzz_support.h"

#include "vitask/imaging/series_geometry.h"

#include <cstring>

namespace {

// Reads fixed-size values off the input; zeros once it is used up.
struct Reader {
    const uint8_t* data;
    size_t size;
    template <class T>
    T next() {
        T value{};
        const size_t n = size < sizeof(T) ? size : sizeof(T);
        std::memcpy(&value, data, n);
        data += n;
        size -= n;
        return value;
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Reader in{data, size};
    vitask::imaging::DicomSeries series;
    const size_t count = in.next<uint8_t>() % 64;
    for (size_t i = 0; i < count && in.size > 0; ++i) {
        vitask::imaging::DicomInstance instance;
        instance.file = "slice" + std::to_string(in.next<uint8_t>()) + ".dcm";
        const auto flags = in.next<uint8_t>();
        instance.hasPosition = flags & 1;
        instance.hasInstanceNumber = flags & 2;
        instance.hasPixelSpacing = flags & 4;
        instance.hasPixels = flags & 8;
        instance.geometryUnreadable = flags & 16;
        instance.instanceNumber = in.next<int32_t>();
        for (auto& v : instance.position)
            v = in.next<double>();
        // Orientations are mostly the axis-aligned ones a scanner writes, sometimes raw.
        if (flags & 32)
            for (auto& v : instance.orientation)
                v = in.next<double>();
        for (auto& v : instance.pixelSpacing)
            v = in.next<double>();
        instance.rows = in.next<uint16_t>();
        instance.columns = in.next<uint16_t>();
        instance.frames = in.next<uint8_t>();
        series.instances.push_back(std::move(instance));
    }
    return vitask::fuzz::guarded([&] { vitask::imaging::SeriesGeometry::analyze(series); });
}
