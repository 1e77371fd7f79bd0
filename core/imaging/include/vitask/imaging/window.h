#pragma once
// Window center/width: which band of values after the modality LUT is shown from black to
// white. Presets come from the file (Window Center/Width and their explanations) or from
// the usual radiology defaults.

#include <string>
#include <vector>

namespace vitask::imaging {

struct Volume;

struct Window {
    double center = 0.0;
    double width = 1.0;
    std::string explanation;   // "BRAIN", "from file", "auto (min/max)", ...

    // Maps a value after the modality LUT to [0, 1] with the DICOM PS3.3 C.11.2.1.2 linear
    // function; MONOCHROME1 data is inverted so that display is always "high = bright".
    double apply(double value, bool monochrome1 = false) const;
};

// The standard CT presets in Hounsfield units (brain, subdural, stroke, lung, mediastinum,
// abdomen, liver, soft tissue, bone) as radiology departments commonly configure them.
std::vector<Window> standardCtWindows();

// A standard CT preset by name, case-insensitive, with or without the "CT " prefix
// ("lung", "CT bone", "soft tissue"). Throws vitask::Error listing the names otherwise.
Window windowPreset(const std::string& name);

// Centre and width spanning the minimum to maximum voxel value (first component only for
// colour data). Throws vitask::Error for an empty volume.
Window autoWindow(const Volume& volume);

// What a viewer shows first: the file's first window; for colour data without one the
// full 8-bit range (values shown as stored); otherwise autoWindow().
Window defaultWindow(const Volume& volume);

// Maps 0..255 to [0, 1] unchanged (value / 255): 8-bit photographs and RGB DICOM.
Window fullRange8Bit();

}  // namespace vitask::imaging
