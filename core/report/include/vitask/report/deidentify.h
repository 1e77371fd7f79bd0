#pragma once
// De-identification for anything a report exports: the DICOM PS3.15 Basic Application
// Level Confidentiality Profile's effect on the report's content. Patient data go, UIDs
// are replaced by new ones mapped consistently within one export (the SR, the Secondary
// Capture and de-identified copies of the sources all name the same new study), and a
// key image whose source has burned-in annotation is withheld.

#include "vitask/report/case_report.h"

#include <cstddef>
#include <map>
#include <string>

namespace vitask::report {

// New UIDs for old ones, the same new UID for the same old UID within one map: one map
// per export. New UIDs are "2.25." followed by a random 128-bit number in decimal (PS3.5
// B.2), so they never collide with the source's.
class UidMap {
public:
    // The new UID for `uid` (made on first use); an empty UID stays empty.
    const std::string& map(const std::string& uid);
    // A new UID that maps nothing (for the objects an export creates).
    static std::string fresh();
    std::size_t size() const { return map_.size(); }

private:
    std::map<std::string, std::string> map_;
};

// `report` as it may leave the machine: no patient data, DICOM UIDs mapped through
// `uids`, source file paths removed (a folder name may be a patient's), the key image of
// a source with burned-in annotation withheld (KeyImage::withheld says so),
// `deidentified` set. The reviewer's and the AI's text are kept.
Report deidentified(Report report, UidMap& uids);

}  // namespace vitask::report
