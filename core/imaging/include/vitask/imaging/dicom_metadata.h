#pragma once
// Every element of a DICOM file (meta header and dataset) for the studio's metadata panel:
// tag, keyword, VR, value, nested sequences, and whether the element identifies the patient.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vitask::imaging {

struct DicomElement {
    std::uint16_t group = 0;
    std::uint16_t element = 0;
    std::string tag;            // "(0010,0010)"
    std::string keyword;        // "PatientName"; "Unknown Tag & Data" for unknown private tags
    std::string vr;             // "PN"
    std::string value;          // multiple values joined by '\'; binary data summarized
    bool identifiesPatient = false;
    // Sequence items, each a list of elements (empty for non-sequence elements).
    std::vector<std::vector<DicomElement>> items;
};

class DicomMetadata {
public:
    // Meta header elements first, then the dataset. Throws vitask::Error naming the file
    // when it is not DICOM.
    static std::vector<DicomElement> read(const std::filesystem::path& file);

    // Whether an attribute identifies the patient (after the DICOM PS3.15 Annex E Basic
    // Application Level Confidentiality Profile): names, IDs, birth date, addresses, ...
    static bool identifiesPatient(std::uint16_t group, std::uint16_t element);
};

}  // namespace vitask::imaging
