#pragma once
// What the imaging library does through ITK, in a module of its own
// (libvitask_imaging_itk.so beside libvitask_imaging.so), loaded the first time it is
// needed: JPEG 2000 pixel data (GDCM), the NIfTI files our own reader leaves to ITK
// (Analyze, .hdr/.img pairs, vector images) and colour NIfTI output. ITK and GDCM bring
// some 40 libraries whose loading took a tenth of every imaging command's start.

#include "dicom_pixels.h"
#include "vitask/imaging/volume.h"

#include <cstddef>
#include <filesystem>

namespace vitask::imaging::detail {

class ItkCodec {
public:
    virtual ~ItkCodec() = default;
    // `copy` is what jpeg2000_guard.h makes of `file` (named in messages); GDCM applies
    // the modality rescale and turns YBR into RGB. Throws vitask::Error naming `file`.
    virtual DecodedPixels decodeJpeg2000(const std::filesystem::path& copy, const std::filesystem::path& file,
                                         std::size_t frames) const = 0;
    // A NIfTI-1 or Analyze file through ITK's NIfTI IO (`headerOnly`: a .hdr whose .img
    // lies beside it). Throws vitask::Error naming the file.
    virtual Volume readNifti(const std::filesystem::path& file, bool headerOnly) const = 0;
    // A colour volume to `writeTo` (the temporary file the caller renames to `file`, which
    // messages name): RGB24 when every value is a 0..255 integer, else a float vector.
    // Throws vitask::Error naming `file`.
    virtual void writeColourNifti(const Volume& volume, const std::filesystem::path& writeTo,
                                  const std::filesystem::path& file) const = 0;
};

// The module, loaded once; a vitask::Error naming its file when it cannot be.
const ItkCodec& itkCodec();

}  // namespace vitask::imaging::detail
