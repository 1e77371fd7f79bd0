#include "image_command.h"

#include "vitask/common/error.h"
#include "vitask/imaging/dicom_scanner.h"
#include "vitask/imaging/image_summary.h"
#include "vitask/imaging/nifti_reader.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace vitask::cli {
namespace {

struct InfoOptions {
    std::string path;
    bool json = false;
};

int runInfo(const InfoOptions& options) {
    namespace fs = std::filesystem;
    using namespace vitask::imaging;
    const fs::path path(options.path);
    std::error_code ec;
    if (fs::is_regular_file(path, ec) && NiftiReader::hasNiftiExtension(path)) {
        const Volume volume = NiftiReader::read(path);
        std::cout << (options.json ? ImageSummary::json(volume) : ImageSummary::text(volume)) << "\n";
        return 0;
    }
    const DicomTree tree = DicomScanner::scan(path);
    std::cout << (options.json ? ImageSummary::json(tree) : ImageSummary::text(tree));
    if (options.json) std::cout << "\n";
    if (tree.seriesCount() == 0) {
        throw Error("no DICOM files found", path.string(),
                    "Give a DICOM file, a folder of DICOM files, a DICOMDIR or a NIfTI file.");
    }
    return 0;
}

}  // namespace

void addImageCommands(CLI::App& root, CommandDispatch& dispatch) {
    CLI::App* image = root.add_subcommand("image", "Inspect DICOM and NIfTI images");
    image->require_subcommand(1);

    auto info = std::make_shared<InfoOptions>();
    CLI::App* infoCommand = image->add_subcommand(
        "info", "List the series in a DICOM file, folder or DICOMDIR (or a NIfTI image's "
                "geometry) with geometry warnings: gaps, duplicates, mixed orientation or spacing");
    infoCommand->add_option("path", info->path, "DICOM file, folder, DICOMDIR, or .nii/.nii.gz/.hdr")
        ->required();
    infoCommand->add_flag("--json", info->json, "Print JSON instead of text");
    dispatch.add(infoCommand, [info] { return runInfo(*info); });
}

}  // namespace vitask::cli
