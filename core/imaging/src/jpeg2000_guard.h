#pragma once
// Internal: what GDCM is given to decode JPEG 2000 pixel data (free DCMTK has no JPEG 2000
// decoder; GDCM, inside ITK, has OpenJPEG). GDCM trusts what it parses: a marker segment
// that claims to run past its fragment makes it read out of bounds, an attribute with an
// unexpected VR trips one of its assertions (Debian builds it with them), and either ends
// the whole process (found by tests/fuzz/fuzz_dicom). So it never sees the user's file:
// only a copy written here with the attributes the decode needs, each checked, and
// pixel data whose codestreams passed a structural check.

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <dcmtk/dcmdata/dcdatset.h>

#include <filesystem>

namespace vitask::imaging::detail {

// What the DICOM header says the codestreams hold.
struct Jpeg2000Image {
    unsigned rows = 0, columns = 0, samples = 1, bitsAllocated = 16;
};

// Throws vitask::Error naming `file` unless every fragment of `pixelData` that begins a
// codestream (SOC marker) or a JP2 file (signature box) holds a well-formed main header:
// marker segments whose lengths stay inside the fragment, through the first tile-part's
// header (SOD), COD segments long enough for what GDCM reads of them, and
// a SIZ segment that agrees with `image` (size, components, no more bits than allocated):
// GDCM trusts the codestream's and the header's description alike and asserts when they
// disagree.
void checkJpeg2000Codestreams(DcmElement& pixelData, E_TransferSyntax xfer, const Jpeg2000Image& image,
                              const std::filesystem::path& file);

// A DICOM file GDCM can be given in place of `file` (whose dataset is `dataset`): the
// image pixel module's attributes, SOP class, modality and rescale, each read and written
// back by DCMTK with its proper VR, and the pixel data after checkJpeg2000Codestreams.
// It lives in the temporary folder and is removed when the object goes. Throws
// vitask::Error naming `file` when an attribute the decode needs is missing or wrong.
class Jpeg2000Copy {
public:
    Jpeg2000Copy(DcmDataset& dataset, E_TransferSyntax xfer, const std::filesystem::path& file);
    ~Jpeg2000Copy();
    Jpeg2000Copy(const Jpeg2000Copy&) = delete;
    Jpeg2000Copy& operator=(const Jpeg2000Copy&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace vitask::imaging::detail
