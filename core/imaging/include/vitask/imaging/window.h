#pragma once
// The VOI transform: which values after the modality LUT are shown from black to white.
// A window is either linear (center/width) or a VOI LUT table from the file. Presets come
// from the file (VOI LUT Sequence, Window Center/Width and their explanations, per frame
// for enhanced multi-frame objects) or from the usual radiology defaults.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vitask::imaging {

struct Volume;

// One item of a VOI LUT Sequence (0028,3010), PS3.3 C.11.2.1.1.
struct VoiLut {
    std::size_t entries = 0;          // LUT Descriptor value 1 (0 in the file means 65536)
    long firstMapped = 0;             // value 2: the input mapped to the first entry (SS when
                                      // Pixel Representation is 1, else US)
    int bits = 16;                    // value 3: bits per entry, 8 to 16
    std::vector<std::uint16_t> data;  // LUT Data, `entries` values

    // The entry for a value after the modality LUT: inputs below firstMapped take the first
    // entry, inputs past the end the last; fractional inputs are truncated (as pydicom's
    // apply_voi_lut does).
    std::uint16_t lookup(double value) const;
};

// VOI LUT Function (0028,1056), PS3.3 C.11.2.1.3: how a window maps values. LINEAR
// (C.11.2.1.2, the default) has the half-value offsets of integer display pipelines;
// LINEAR_EXACT spans exactly center -/+ width / 2; SIGMOID is 1 / (1 + exp(-4 (x - c) / w)).
enum class VoiFunction { Linear, LinearExact, Sigmoid };

// "LINEAR", "LINEAR_EXACT" or "SIGMOID", as the file spells them.
const char* voiFunctionName(VoiFunction function);

struct Window {
    Window() = default;
    Window(double center, double width, std::string explanation,
           std::shared_ptr<const VoiLut> lut = nullptr)
        : center(center), width(width), explanation(std::move(explanation)), lut(std::move(lut)) {}

    double center = 0.0;
    double width = 1.0;
    std::string explanation;   // "BRAIN", "from file", "auto (min/max)", ...
    // Set for a VOI LUT from the file: apply() uses the table, and center/width span its
    // input range (first mapped value to the last entry) for displays that show C/W.
    std::shared_ptr<const VoiLut> lut;
    // For center/width windows (not LUTs). LINEAR_EXACT and SIGMOID need width > 0; the
    // file reader leaves out windows that break that.
    VoiFunction function = VoiFunction::Linear;

    // Maps a value after the modality LUT to [0, 1]: `function` of center/width scaled to
    // [0, 1], or for a VOI LUT its entry / (2^bits - 1). MONOCHROME1 data is inverted so
    // that display is always "high = bright".
    double apply(double value, bool monochrome1 = false) const;
};

// The standard CT presets in Hounsfield units (brain, subdural, stroke, lung, mediastinum,
// abdomen, liver, soft tissue, bone) as radiology departments commonly configure them.
std::vector<Window> standardCtWindows();

// A standard CT preset by name, case-insensitive, with or without the "CT " prefix
// ("lung", "CT bone", "soft tissue"). Throws vitask::Error listing the names otherwise.
Window windowPreset(const std::string& name);

// The smallest and largest voxel value (first component only for colour data): the
// volume's cached valueRange when a loader computed it, else a pass over the voxels.
// Throws vitask::Error for an empty volume.
std::array<float, 2> valueRange(const Volume& volume);

// Centre and width spanning valueRange(). Throws vitask::Error for an empty volume.
Window autoWindow(const Volume& volume);

// What a viewer shows first: the file's first window (a VOI LUT when the file has one:
// Volume::windows lists them first); for colour data without one the full 8-bit range
// (values shown as stored); otherwise autoWindow().
Window defaultWindow(const Volume& volume);

// The same for one z slice: the slice's own first window when its frame carries one
// (Volume::sliceWindows), else defaultWindow(volume).
Window defaultWindow(const Volume& volume, std::size_t slice);

// Maps 0..255 to [0, 1] unchanged (value / 255): 8-bit photographs and RGB DICOM.
Window fullRange8Bit();

}  // namespace vitask::imaging
