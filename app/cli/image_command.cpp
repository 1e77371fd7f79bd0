#include "image_command.h"

#include "command_catalog.h"
#include "command_module.h"

#include "vitask/common/error.h"
#include "vitask/imaging/dicom_scanner.h"
#include "vitask/imaging/image_converter.h"
#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/image_summary.h"
#include "vitask/imaging/nifti_reader.h"
#include "vitask/imaging/photo_reader.h"
#include "vitask/imaging/window.h"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
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
    if (fs::is_regular_file(path, ec) &&
        (NiftiReader::hasNiftiExtension(path) || PhotoReader::hasPhotoExtension(path))) {
        const Volume volume = ImageLoader::load(path);
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

struct ConvertOptions {
    std::string path;
    std::string out;
    std::string series;
    std::string window;   // "CENTER,WIDTH"
    std::string preset;
};

imaging::Window parseWindow(const std::string& text) {
    // Accepts "40,400" and "-600,1500"; a width below 1 has no meaning (PS3.3 C.11.2.1.2).
    const auto comma = text.find(',');
    try {
        if (comma != std::string::npos) {
            const std::string centerText = text.substr(0, comma);
            const std::string widthText = text.substr(comma + 1);
            std::size_t usedCenter = 0, usedWidth = 0;
            const double center = std::stod(centerText, &usedCenter);
            const double width = std::stod(widthText, &usedWidth);
            if (usedCenter == centerText.size() && usedWidth == widthText.size() && width >= 1.0) {
                return {center, width, "--window"};
            }
        }
    } catch (const std::exception&) {
        // falls through to the error below
    }
    throw Error("not a window: '" + text + "'", "--window",
                "Give CENTER,WIDTH in the image's values after the modality LUT, width at least 1, "
                "e.g. --window 40,400.");
}

int runConvert(const ConvertOptions& options) {
    using namespace vitask::imaging;
    std::optional<Window> window;
    if (!options.window.empty()) window = parseWindow(options.window);
    if (!options.preset.empty()) window = windowPreset(options.preset);
    const auto result = ImageConverter::convert(options.path, options.series, options.out, window);
    std::cout << "converted " << result.dims[0] << " x " << result.dims[1] << " x " << result.dims[2];
    if (result.dims[3] > 1) std::cout << " x " << result.dims[3];
    std::cout << (result.colour ? " RGB" : "") << " to " << result.written.size() << " file(s):";
    if (result.written.size() == 1) {
        std::cout << " " << result.written.front().string() << "\n";
    } else {
        std::cout << " " << result.written.front().string() << " ... " << result.written.back().string() << "\n";
    }
    return 0;
}

}  // namespace

void addImageCommands(CLI::App& root, CommandDispatch& dispatch) {
    CLI::App* image = root.add_subcommand("image", describe("image"));
    image->require_subcommand(1);

    auto info = std::make_shared<InfoOptions>();
    CLI::App* infoCommand = image->add_subcommand(
        "info", "List the series in a DICOM file, folder or DICOMDIR (or a NIfTI or PNG/JPEG "
                "image's geometry) with geometry warnings: gaps, duplicates, mixed orientation or spacing");
    infoCommand->add_option("path", info->path, "DICOM file, folder, DICOMDIR, .nii/.nii.gz/.hdr, or .png/.jpg")
        ->required();
    infoCommand->add_flag("--json", info->json, "Print JSON instead of text");
    dispatch.add(infoCommand, [info] { return runInfo(*info); });

    auto convert = std::make_shared<ConvertOptions>();
    CLI::App* convertCommand = image->add_subcommand(
        "convert", "Convert a DICOM series, NIfTI image or PNG/JPEG photo to NIfTI (.nii.gz, .nii), NumPy (.npy, "
                   "float32 after the modality LUT, [t,] z, y, x) or PNG (8-bit after windowing, "
                   "OUT_0001.png ... for several slices)");
    convertCommand->add_option("path", convert->path, "DICOM file, folder, DICOMDIR, NIfTI file, or PNG/JPEG photo")
        ->required();
    convertCommand->add_option("out", convert->out, "Output file: .nii.gz, .nii, .npy or .png")->required();
    convertCommand->add_option("--series", convert->series,
                               "Series Instance UID or index from `vitask image info` (needed when "
                               "several series hold images)");
    auto* windowOption = convertCommand->add_option(
        "--window", convert->window, "PNG window CENTER,WIDTH (default: the file's, else min/max)");
    convertCommand->add_option("--preset", convert->preset,
                               "PNG window preset (CT): brain, subdural, lung, mediastinum, abdomen, "
                               "liver, soft tissue, bone")
        ->excludes(windowOption);
    dispatch.add(convertCommand, [convert] { return runConvert(*convert); });
}

}  // namespace vitask::cli

VITASK_CLI_MODULE(vitask::cli::addImageCommands)
