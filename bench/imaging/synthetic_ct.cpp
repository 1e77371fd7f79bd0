#include "synthetic_ct.h"

#include "vitask/common/error.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cstdio>
#include <string>
#include <vector>

namespace vitask::bench {

short SyntheticCt::hounsfield(std::size_t x, std::size_t y, std::size_t z) const {
    const double u = (double(x) - columns / 2.0) / (columns * 0.42);
    const double v = (double(y) - rows / 2.0) / (rows * 0.32);
    const double r = u * u + v * v;
    // Deterministic noise (a hash of the position), +-15 HU like a real scan's.
    std::size_t h = (x * 73856093u) ^ (y * 19349663u) ^ (z * 83492791u);
    h = (h ^ (h >> 13)) * 0x5bd1e995u;
    const int noise = int((h >> 7) % 31) - 15;
    if (r > 1.0) return short(-1000 + noise / 3);                         // air
    const double lu = std::abs(u) - 0.45, lv = v + 0.1;
    if (lu * lu / 0.06 + lv * lv / 0.25 < 1.0 && z > slices / 5) return short(-800 + noise);  // lungs
    if (u * u + (v + 0.75) * (v + 0.75) < 0.02) return short(700 + noise * 4);               // spine
    return short(40 + noise);                                                 // soft tissue
}

void SyntheticCt::write(const std::filesystem::path& folder) const {
    const std::string root = "1.2.826.0.1.3680043.9.7433.99";
    std::vector<Uint16> pixels(columns * rows);
    for (std::size_t z = 0; z < slices; ++z) {
        DcmFileFormat file;
        DcmDataset* ds = file.getDataset();
        ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
        ds->putAndInsertString(DCM_SOPInstanceUID, (root + ".3." + std::to_string(z + 1)).c_str());
        ds->putAndInsertString(DCM_StudyInstanceUID, (root + ".1").c_str());
        ds->putAndInsertString(DCM_SeriesInstanceUID, (root + ".2").c_str());
        ds->putAndInsertString(DCM_Modality, "CT");
        ds->putAndInsertString(DCM_PatientName, "Benchmark^Phantom");
        ds->putAndInsertString(DCM_InstanceNumber, std::to_string(z + 1).c_str());
        char position[64];
        std::snprintf(position, sizeof position, "-175.0\\-175.0\\%.2f", -300.0 + 1.25 * double(z));
        ds->putAndInsertString(DCM_ImagePositionPatient, position);
        ds->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
        ds->putAndInsertString(DCM_PixelSpacing, "0.68359375\\0.68359375");
        ds->putAndInsertString(DCM_SliceThickness, "1.25");
        ds->putAndInsertString(DCM_RescaleIntercept, "-1024");
        ds->putAndInsertString(DCM_RescaleSlope, "1");
        ds->putAndInsertString(DCM_WindowCenter, "40");
        ds->putAndInsertString(DCM_WindowWidth, "400");
        ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds->putAndInsertUint16(DCM_Rows, Uint16(rows));
        ds->putAndInsertUint16(DCM_Columns, Uint16(columns));
        ds->putAndInsertUint16(DCM_BitsAllocated, 16);
        ds->putAndInsertUint16(DCM_BitsStored, 16);
        ds->putAndInsertUint16(DCM_HighBit, 15);
        ds->putAndInsertUint16(DCM_PixelRepresentation, 1);
        for (std::size_t y = 0; y < rows; ++y) {
            for (std::size_t x = 0; x < columns; ++x) {
                pixels[y * columns + x] = Uint16(Sint16(hounsfield(x, y, z) + 1024));
            }
        }
        ds->putAndInsertUint16Array(DCM_PixelData, pixels.data(), pixels.size());
        char name[32];
        std::snprintf(name, sizeof name, "slice%04zu.dcm", z);
        const auto path = (folder / name).string();
        if (file.saveFile(path.c_str(), EXS_LittleEndianExplicit).bad()) {
            throw Error("cannot write the synthetic series", path, "Check the free space in the folder.");
        }
    }
}

}  // namespace vitask::bench
