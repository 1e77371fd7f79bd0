#include "instance_files.h"

#include "dimse_support.h"

#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <fstream>

namespace vitask::pacs::detail {
namespace fs = std::filesystem;

bool isUid(const std::string& text) {
    return !text.empty() && text.size() <= 64 && text.find_first_not_of("0123456789.") == std::string::npos;
}

bool hasPart10Preamble(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[132] = {};
    return in.read(header, sizeof header) && std::string(header + 128, 4) == "DICM";
}

std::set<std::string> instancesIn(const fs::path& folder) {
    std::set<std::string> uids;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const auto& path = it->path();
        if (path.extension() == ".partial") {
            std::error_code ignored;
            fs::remove(path, ignored);
        } else if (path.extension() == ".dcm" && isUid(path.stem().string())) {
            uids.insert(path.stem().string());
        }
    }
    return uids;
}

std::string saveInstance(DcmFileFormat& file, const std::string& uid, const fs::path& folder) {
    const auto target = folder / (uid + ".dcm");
    const auto partial = folder / (uid + ".dcm.partial");
    const auto xfer = file.getDataset()->getOriginalXfer();
    const auto written = file.saveFile(partial.c_str(), xfer == EXS_Unknown ? EXS_LittleEndianExplicit : xfer);
    std::error_code error;
    if (written.good()) fs::rename(partial, target, error);
    if (written.good() && !error) return {};
    fs::remove(partial, error);
    return partial.string() + ": " + (written.bad() ? std::string(written.text()) : error.message());
}

std::string adoptReceivedFile(const fs::path& partial, const fs::path& folder) {
    silenceDcmtkLog();  // it would warn that reading stops at the pixel data, as asked
    DcmFileFormat file;
    // The header is enough: stop before the pixel data.
    const auto loaded = file.loadFileUntilTag(partial.c_str(), EXS_Unknown, EGL_noChange, DCM_MaxReadLength,
                                              ERM_autoDetect, DCM_PixelData);
    OFString uid;
    if (loaded.good()) file.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid);
    std::error_code error;
    if (loaded.bad() || !isUid(uid.c_str())) {
        fs::remove(partial, error);
        throw Error(loaded.bad() ? "the archive sent a part that is not DICOM: " + std::string(loaded.text())
                                 : "the archive sent an instance without a valid SOP Instance UID",
                    partial.string(), "Check the archive's log; retrieve again to fetch what is missing.");
    }
    fs::rename(partial, folder / (std::string(uid.c_str()) + ".dcm"), error);
    if (error) throw Error("cannot rename a received instance: " + error.message(), partial.string());
    return uid.c_str();
}

}  // namespace vitask::pacs::detail
