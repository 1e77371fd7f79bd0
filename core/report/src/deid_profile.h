#pragma once
// The DICOM PS3.15 Basic Application Level Confidentiality Profile (Annex E, Table E.1-1)
// applied to a dataset, with DCMTK.

#include "vitask/report/deidentify.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcitem.h>

namespace vitask::report::detail {

// What the profile does with one attribute, once its action codes are resolved (see
// deid_profile.cpp for how compound codes such as "X/Z/D" resolve).
enum class DeidAction {
    Keep,        // not in the profile (K); sequences are still cleaned item by item
    Remove,      // X
    Empty,       // Z: present with a zero-length value (an empty sequence)
    Dummy,       // D: a value of the attribute's VR that says nothing
    ReplaceUid,  // U: the UidMap's UID for the old one
};

DeidAction basicProfileAction(const DcmTagKey& tag);

// Applies the profile to `item` and, recursively, to the items of its sequences:
// private attributes, curves and overlays removed, the listed attributes removed,
// emptied or replaced, UIDs replaced through `uids` (consistently with every other
// object of the same export). Pixel data is not touched.
void applyBasicProfile(DcmItem& item, UidMap& uids);

}  // namespace vitask::report::detail
