#pragma once
// The key image of a case (with the saliency heatmap blended in) as a Secondary Capture
// Image, in the same study as the case's SR.

#include "dicom_common.h"

#include <memory>

namespace vitask::report::detail {

inline constexpr const char* kSecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";

// c.keyImage must not be empty. Throws vitask::Error naming `file`.
std::unique_ptr<DcmFileFormat> keyImageCapture(const Report& report, const CaseReport& c,
                                               const NewInstance& instance, const std::filesystem::path& file);

}  // namespace vitask::report::detail
