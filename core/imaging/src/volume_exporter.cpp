#include "vitask/imaging/volume_exporter.h"

#include "file_name.h"
#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/imaging/nifti_writer.h"
#include "vitask/imaging/npy_writer.h"
#include "vitask/imaging/png_writer.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace vitask::imaging {
namespace {

namespace fs = std::filesystem;

}  // namespace

VolumeExporter::Format VolumeExporter::formatOf(const fs::path& file) {
    std::string name = file.filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (detail::endsWith(name, ".nii.gz") || detail::endsWith(name, ".nii")) return Format::Nifti;
    if (detail::endsWith(name, ".npy")) return Format::Npy;
    if (detail::endsWith(name, ".png")) return Format::Png;
    throw Error("unsupported output format '" + file.extension().string() + "'", file.string(),
                "Name the output .nii.gz or .nii (NIfTI), .npy (NumPy float32) or .png "
                "(8-bit after windowing).");
}

void VolumeExporter::checkTarget(const fs::path& file) {
    formatOf(file);
    std::error_code ec;
    if (fs::is_directory(file, ec)) {
        throw Error("the output is a folder, not a file name", file.string(),
                    "Give a file name such as " + (file / "image.nii.gz").string() + ".");
    }
    vitask::AtomicFile::checkWritableFolder(file.parent_path());
}

std::vector<fs::path> VolumeExporter::write(const Volume& volume, const fs::path& file,
                                            const std::optional<Window>& window) {
    switch (formatOf(file)) {
        case Format::Nifti:
            NiftiWriter::write(volume, file);
            return {file};
        case Format::Npy:
            NpyWriter::write(volume, file);
            return {file};
        case Format::Png:
            return PngWriter::write(volume, file, window);
    }
    return {};
}

}  // namespace vitask::imaging
