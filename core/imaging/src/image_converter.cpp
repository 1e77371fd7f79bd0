#include "vitask/imaging/image_converter.h"

#include "vitask/imaging/dicom_reader.h"
#include "vitask/imaging/dicom_scanner.h"
#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/nifti_writer.h"
#include "vitask/imaging/stored_series.h"
#include "vitask/imaging/volume_exporter.h"

#include <spdlog/spdlog.h>

namespace vitask::imaging {
namespace {

namespace fs = std::filesystem;

ImageConverter::Result written(const Volume& volume, const fs::path& out, const std::optional<Window>& window) {
    return {volume.dims, volume.isColour(), VolumeExporter::write(volume, out, window)};
}

}  // namespace

ImageConverter::Result ImageConverter::convert(const fs::path& input, const std::string& series, const fs::path& out,
                                               const std::optional<Window>& window) {
    VolumeExporter::checkTarget(out);
    if (!ImageLoader::readsAsDicom(input)) return written(ImageLoader::load(input, series), out, window);
    const DicomTree tree = DicomScanner::scan(input);
    const DicomSeries& chosen = ImageLoader::selectSeries(tree, series, input);
    if (VolumeExporter::formatOf(out) == VolumeExporter::Format::Nifti) {
        if (const auto stored = StoredSeriesReader::open(chosen)) {
            NiftiWriter::write(*stored, out);
            return {stored->layout.dims, false, {out}};
        }
        spdlog::debug("series {} needs decoding: converted through a float volume", chosen.seriesInstanceUid);
    }
    return written(DicomReader::readSeries(chosen), out, window);
}

}  // namespace vitask::imaging
