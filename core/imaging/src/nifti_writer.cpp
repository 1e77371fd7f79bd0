#include "vitask/imaging/nifti_writer.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "file_name.h"
#include "itk_codec.h"
#include "nifti_header.h"
#include "parallel_blocks.h"
#include "voxel_narrowing.h"
#include "worker_threads.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <cstdint>
#include <functional>
#include <limits>
#include <thread>

namespace vitask::imaging {
namespace {

// Whether every value is an integer in [low, high], so a narrower type loses nothing:
// blocks shared among the imaging threads, stopping all once one fails.
bool integersWithin(const std::vector<float>& values, float low, float high) {
    constexpr std::size_t kBlock = 65536;
    const std::size_t blockCount = (values.size() + kBlock - 1) / kBlock;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> fits{true};
    const auto work = [&] {
        for (std::size_t b = next++; b < blockCount && fits; b = next++) {
            const std::size_t start = b * kBlock;
            if (!detail::integersWithin(values.data() + start, std::min(kBlock, values.size() - start), low, high))
                fits = false;
        }
    };
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < std::min(detail::imagingThreads(64), blockCount); ++t) helpers.emplace_back(work);
    work();
    for (auto& helper : helpers) helper.join();
    return fits;
}

// Our own header, then `valueCount` values of `valueBytes` each made block by block on
// every core by `fillValues(first, count, to)` and written in large sequential writes, or
// gzip-compressed (parallel_blocks.h). The file's bytes are never all in memory.
void writeValues(const std::array<unsigned char, 352>& header, std::size_t valueCount, std::size_t valueBytes,
                 const std::function<void(std::size_t, std::size_t, unsigned char*)>& fillValues,
                 vitask::AtomicFile& out, bool gzip) {
    // Bytes [offset, offset + size) of the file; offsets past the header fall on whole values.
    const auto fill = [&](std::size_t offset, std::size_t size, unsigned char* to) {
        std::size_t done = 0;
        if (offset < header.size()) {
            done = std::min(size, header.size() - offset);
            std::memcpy(to, header.data() + offset, done);
        }
        fillValues((offset + done - header.size()) / valueBytes, (size - done) / valueBytes, to + done);
    };
    // Blocks of whole values after the header: the header (352 bytes) plus a multiple of 4.
    detail::FileBlocks blocks;
    blocks.totalBytes = header.size() + valueCount * valueBytes;
    blocks.blockBytes = (std::size_t{4} << 20) + 352;
    blocks.fill = fill;
    blocks.sink = [&](const unsigned char* data, std::size_t size) { out.write(data, size); };
    detail::writeBlocksInParallel(blocks, gzip ? 6 : 0);
}

// A grey volume, narrowed to int16 when nothing is lost.
void writeGrey(const Volume& volume, vitask::AtomicFile& out, bool gzip) {
    const bool asShorts =
        integersWithin(volume.voxels, std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int16_t>::max());
    const auto header = detail::niftiHeader(volume, asShorts ? detail::kNiftiInt16 : detail::kNiftiFloat32);
    writeValues(header, volume.voxels.size(), asShorts ? sizeof(std::int16_t) : sizeof(float),
                [&](std::size_t first, std::size_t count, unsigned char* to) {
                    if (asShorts) detail::narrowToInt16(volume.voxels.data() + first, count, to);
                    else std::memcpy(to, volume.voxels.data() + first, count * sizeof(float));
                }, out, gzip);
}

bool gzipped(const std::filesystem::path& file) {
    return detail::endsWith(detail::lowerFileName(file), ".gz");
}


}  // namespace

void NiftiWriter::write(const Volume& volume, const std::filesystem::path& file) {
    if (volume.voxels.size() != volume.voxelCount() * volume.components || volume.voxels.empty()) {
        throw Error("the volume holds no voxels or fewer than its size says", file.string(),
                    "Read the image again; nothing was written.");
    }
    vitask::AtomicFile out(file);
    if (volume.isColour()) detail::itkCodec().writeColourNifti(volume, out.temporaryPath(), file);
    else writeGrey(volume, out, gzipped(file));
    out.commit();
}

void NiftiWriter::write(const StoredSeries& series, const std::filesystem::path& file) {
    vitask::AtomicFile out(file);
    const auto header = detail::niftiHeader(series.layout, series.valuesUnsigned ? detail::kNiftiUint16 : detail::kNiftiInt16,
                                            series.slope, series.intercept);
    writeValues(header, series.valueCount(), sizeof(std::int16_t),
                [&](std::size_t first, std::size_t count, unsigned char* to) {
                    StoredSeriesReader::read(series, first, count, to);
                }, out, gzipped(file));
    out.commit();
}

}  // namespace vitask::imaging
