// De-identification of a report's content (no DCMTK: non-imaging builds compile this too).
#include "vitask/report/deidentify.h"

#include <array>
#include <cstdint>
#include <random>

namespace vitask::report {
namespace {

// A 128-bit number as 4 32-bit limbs, most significant first, in decimal. Long division
// by 10 keeps this free of compiler-specific 128-bit integers.
std::string decimal(std::array<std::uint32_t, 4> limbs) {
    std::string digits;
    bool nonZero = true;
    while (nonZero) {
        std::uint64_t remainder = 0;
        nonZero = false;
        for (auto& limb : limbs) {
            const std::uint64_t value = (remainder << 32) | limb;
            limb = static_cast<std::uint32_t>(value / 10);
            remainder = value % 10;
            nonZero = nonZero || limb != 0;
        }
        digits.insert(digits.begin(), static_cast<char>('0' + remainder));
    }
    return digits;
}

}  // namespace

const std::string& UidMap::map(const std::string& uid) {
    static const std::string empty;
    if (uid.empty()) return empty;
    auto found = map_.find(uid);
    if (found == map_.end()) found = map_.emplace(uid, fresh()).first;
    return found->second;
}

std::string UidMap::fresh() {
    // PS3.5 B.2: "2.25." and a UUID as one decimal number. A random (version 4, variant
    // 10) UUID: 122 random bits, so no two exports, and no source, share a UID.
    std::random_device random;
    std::array<std::uint32_t, 4> limbs{random(), random(), random(), random()};
    limbs[1] = (limbs[1] & 0xFFFF0FFFu) | 0x00004000u;  // version 4
    limbs[2] = (limbs[2] & 0x3FFFFFFFu) | 0x80000000u;  // variant 10
    return "2.25." + decimal(limbs);
}

Report deidentified(Report report, UidMap& uids) {
    for (CaseReport& c : report.cases) {
        c.patient.reset();
        // Study, series and instance UIDs identify the examination; a SOP Class UID names
        // only the kind of object, so it stays.
        c.dicom.studyInstanceUid = uids.map(c.dicom.studyInstanceUid);
        c.dicom.seriesInstanceUid = uids.map(c.dicom.seriesInstanceUid);
        c.dicom.sopInstanceUid = uids.map(c.dicom.sopInstanceUid);
        // A folder or file name may carry a patient's name; a dataset's file name (a
        // public collection, no folder) does not.
        c.sourceFile.clear();
        if (c.burnedInAnnotation && !c.keyImage.empty()) {
            c.keyImage.rgb.clear();
            c.keyImage.rgb.shrink_to_fit();
            c.keyImage.width = c.keyImage.height = 0;
            c.keyImage.withheld =
                "The source image has burned-in annotation (Burned In Annotation is YES), which may show "
                "patient data, so the de-identified report leaves the image out.";
        }
    }
    report.deidentified = true;
    return report;
}

}  // namespace vitask::report
