#pragma once
// `vitask image convert`: whatever ImageLoader opens, written as VolumeExporter writes it.
// A plain 16-bit DICOM series going to NIfTI takes the short way: its stored integers go
// from the files into the output block by block (stored_series.h), as dcm2niix does,
// never through a float32 volume.

#include "vitask/imaging/window.h"

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vitask::imaging {

class ImageConverter {
public:
    struct Result {
        std::array<std::size_t, 4> dims{0, 0, 0, 1};
        bool colour = false;
        std::vector<std::filesystem::path> written;
    };

    // `series` and errors as ImageLoader::load; `window` as VolumeExporter::write. The
    // target is checked before anything is read.
    static Result convert(const std::filesystem::path& input, const std::string& series,
                          const std::filesystem::path& out, const std::optional<Window>& window = {});
};

}  // namespace vitask::imaging
