#include "vitask/imaging/npy_writer.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"

#include <string>

namespace vitask::imaging {

void NpyWriter::write(const Volume& volume, const std::filesystem::path& file) {
    if (volume.voxels.size() != volume.voxelCount() * volume.components || volume.voxels.empty()) {
        throw Error("the volume holds no voxels or fewer than its size says", file.string(),
                    "Read the image again; nothing was written.");
    }
    // The voxels are already x fastest, then y, z, t (components innermost): exactly C
    // order for the shape ([t,] z, y, x [, c]), so they are written as they are.
    std::string shape = "(";
    if (volume.dims[3] > 1) shape += std::to_string(volume.dims[3]) + ", ";
    shape += std::to_string(volume.dims[2]) + ", " + std::to_string(volume.dims[1]) + ", " +
             std::to_string(volume.dims[0]);
    if (volume.isColour()) shape += ", 3";
    shape += ")";
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    const char* descr = ">f4";
#else
    const char* descr = "<f4";
#endif
    std::string header =
        std::string("{'descr': '") + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    // NPY 1.0: magic (6) + version (2) + header length (2) + header, padded with spaces
    // and ended by '\n' so that the data starts on a multiple of 64 bytes.
    const std::size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header.push_back('\n');
    if (header.size() > 65535) {
        throw Error("the array shape does not fit an NPY 1.0 header", file.string(), "");
    }
    std::string preamble("\x93NUMPY\x01\x00", 8);
    preamble.push_back(static_cast<char>(header.size() & 0xff));
    preamble.push_back(static_cast<char>(header.size() >> 8));
    preamble += header;

    vitask::AtomicFile out(file);
    out.write(preamble.data(), preamble.size());
    out.write(volume.voxels.data(), volume.voxels.size() * sizeof(float));
    out.commit();
}

}  // namespace vitask::imaging
