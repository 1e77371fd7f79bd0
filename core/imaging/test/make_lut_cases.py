#!/usr/bin/python3
"""Writes the DICOM files for test_dicom_luts: pydicom's test corpus has no VOI LUT
Sequence, Modality LUT Sequence, palette colour or enhanced multi-frame windows, so
pydicom (a real DICOM writer) derives them from corpus files. Prints the files written.

usage: make_lut_cases.py OUT_DIR"""
import os
import sys
import warnings

import numpy as np
import pydicom
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

warnings.simplefilter("ignore")
DATA = os.path.dirname(pydicom.__file__) + "/data"
CORPUS = DATA + "/test_files"


def lut_item(entries, first, bits, data, vr, explanation, descriptor_vr="US"):
    item = Dataset()
    item.add_new(0x00283002, descriptor_vr, [entries, first, bits])  # LUT Descriptor
    item.add_new(0x00283006, vr, data if vr == "US" else np.asarray(data, "<u2").tobytes())
    item.LUTExplanation = explanation
    return item


def voi_lut_signed(out):
    """MR_small (signed 16-bit, values 127..2145): two VOI LUTs and a window. The first LUT
    starts below the data with a negative (SS) first mapped value and ends inside it."""
    ds = pydicom.dcmread(CORPUS + "/MR_small.dcm")
    n1 = 1500
    curve = np.sqrt(np.arange(n1) / (n1 - 1)) * 4095
    # Inverted, OW data. 16-bit entries: pydicom 2.3.1 indexes an 8-bit LUT with uint8,
    # so inputs more than 255 past the first mapped value wrap around there.
    ramp = np.linspace(0, 65535, 600)[::-1]
    ds.VOILUTSequence = Sequence([
        lut_item(n1, -200, 12, [int(v) for v in curve], "US", "SQRT", "SS"),
        lut_item(600, 800, 16, [int(v) for v in ramp], "OW", "INVERTED", "SS"),
    ])
    ds.WindowCenter, ds.WindowWidth = 1000, 1500
    ds.save_as(os.path.join(out, "voi_lut_signed.dcm"))


def voi_lut_65536(out):
    """An unsigned 12-bit CR (MONOCHROME1): a full 65536-entry LUT (descriptor 0)."""
    ds = pydicom.dcmread(CORPUS + "/dicomdirtests/77654033/CR1/6154")
    data = (65535 - (np.arange(65536) * 7 % 65536)).astype("<u2")
    ds.VOILUTSequence = Sequence([lut_item(0, 0, 16, data, "OW", "STEPS")])
    ds.save_as(os.path.join(out, "voi_lut_65536.dcm"))


def modality_lut(out):
    """CT_small with a Modality LUT Sequence instead of Rescale Slope/Intercept."""
    ds = pydicom.dcmread(CORPUS + "/CT_small.dcm")
    del ds.RescaleSlope, ds.RescaleIntercept
    item = lut_item(2048, 200, 16, [int(v) for v in (np.arange(2048) ** 1.2) % 65536], "US", "POWER")
    item.ModalityLUTType = "HU"
    ds.ModalityLUTSequence = Sequence([item])
    ds.save_as(os.path.join(out, "modality_lut.dcm"))


def well_known_palette(palette_file):
    return pydicom.dcmread(DATA + "/palettes/" + palette_file)


def segmented_palette(descriptor, bits, red, green, blue):
    """A Palette Color LUT module with Segmented Palette Color LUT Data (PS3.3 C.7.9.2):
    each channel a list of units (opcodes, lengths, values, offsets), written as 16-bit
    words or, for 8 bits per entry, as bytes (padded to the even length of OW)."""
    pal = Dataset()
    for i, units in enumerate((red, green, blue)):
        pal.add_new(0x00281101 + i, "US", descriptor)
        data = bytes(units) if bits == 8 else np.asarray(units, "<u2").tobytes()
        pal.add_new(0x00281221 + i, "OW", data + b"\0" * (len(data) % 2))
    return pal


def segmented_8bit_indirect():
    """256 8-bit entries. Red has all three segment types: a discrete entry, then at byte 3
    a discrete and a linear segment, which an indirect segment copies again (offset 3, so
    the copied linear segment starts from the last value before the copy), then a linear
    tail. Linear lengths are odd: no value lands half-way between two integers, where
    pydicom's floating-point interpolation may round either way."""
    red = [0, 1, 255,            # byte 0: discrete, 1 entry
           0, 3, 10, 20, 30,     # byte 3: discrete, 3 entries
           1, 99, 200,           # byte 8: linear 30 -> 200, 99 entries
           2, 2, 3, 0, 0, 0,     # byte 11: indirect, 2 segments from byte 3 (102 entries)
           1, 51, 0]             # linear 200 -> 0, 51 entries: 256 in all
    green = [0, 2, 0, 128, 1, 127, 255, 1, 127, 0]
    blue = [0, 1, 255, 1, 255, 0]
    return segmented_palette([256, 0, 8], 8, red, green, blue)


def segmented_16bit():
    """200 16-bit entries from index 30 on: indices below 30 take the first entry, above
    229 the last."""
    red = [0, 2, 0, 65535, 1, 197, 1000, 0, 1, 40000]
    green = [0, 1, 100, 1, 199, 65535]
    blue = [0, 1, 65535, 1, 99, 0, 1, 99, 30000, 0, 1, 7]
    return segmented_palette([200, 30, 16], 16, red, green, blue)


def palette(out, name, pal):
    """8-bit indices from MR_small shown through a palette (a dataset holding the Palette
    Color LUT module: one of DICOM's well-known palettes, or one made here)."""
    ds = pydicom.dcmread(CORPUS + "/MR_small.dcm")
    indices = (ds.pixel_array.astype(np.int32) * 255 // 2145).astype(np.uint8)
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PhotometricInterpretation = "PALETTE COLOR"
    ds.PixelData = indices.tobytes()
    for keyword in ("WindowCenter", "WindowWidth"):
        if keyword in ds:
            delattr(ds, keyword)
    for element in pal:
        if element.tag.group == 0x0028 and 0x1101 <= element.tag.element <= 0x1223:
            ds.add(element)
    ds.save_as(os.path.join(out, name))


def voi_function(out, name, corpus_file, windows, function):
    """Window Center/Width pairs with a VOI LUT Function (0028,1056)."""
    ds = pydicom.dcmread(CORPUS + "/" + corpus_file)
    ds.WindowCenter = [c for c, _ in windows]
    ds.WindowWidth = [w for _, w in windows]
    ds.VOILUTFunction = function
    ds.save_as(os.path.join(out, name))


def enhanced_frames(out):
    """Three frames of MR_small values with Shared and Per-frame Functional Groups: a shared
    window and rescale, frame 0 its own rescale and two SIGMOID windows, frame 2 a VOI
    LUT."""
    ds = pydicom.dcmread(CORPUS + "/MR_small.dcm")
    base = ds.pixel_array.astype(np.int16)
    ds.PixelData = np.stack([base, base + 100, base - 100]).astype("<i2").tobytes()
    ds.NumberOfFrames = 3
    for keyword in ("WindowCenter", "WindowWidth"):
        delattr(ds, keyword)

    def groups(rescale=None, windows=None, lut=None, function=None):
        item = Dataset()
        if rescale:
            transform = Dataset()
            transform.RescaleSlope, transform.RescaleIntercept = rescale
            transform.RescaleType = "US"
            item.PixelValueTransformationSequence = Sequence([transform])
        if windows or lut:
            voi = Dataset()
            if windows:
                voi.WindowCenter = [c for c, _ in windows]
                voi.WindowWidth = [w for _, w in windows]
            if function:
                voi.VOILUTFunction = function
            if lut:
                voi.VOILUTSequence = Sequence([lut])
            item.FrameVOILUTSequence = Sequence([voi])
        return item

    ds.SharedFunctionalGroupsSequence = Sequence([groups((1.0, -50.0), [(900, 1800)])])
    ramp = [int(v) for v in np.linspace(0, 1023, 2400)]
    ds.PerFrameFunctionalGroupsSequence = Sequence([
        groups((2.5, 10.0), [(2500, 3000), (3000, 500)], function="SIGMOID"),
        groups(),
        groups(None, None, lut_item(2400, 0, 10, ramp, "US", "RAMP", "SS")),
    ])
    ds.save_as(os.path.join(out, "enhanced_frames.dcm"))


def main():
    out = sys.argv[1]
    voi_lut_signed(out)
    voi_lut_65536(out)
    modality_lut(out)
    palette(out, "palette_hotiron.dcm", well_known_palette("hotiron.dcm"))
    palette(out, "palette_spring_segmented.dcm", well_known_palette("spring.dcm"))
    palette(out, "palette_segmented_indirect.dcm", segmented_8bit_indirect())
    palette(out, "palette_segmented_16bit.dcm", segmented_16bit())
    # CT_small after rescale: -896..1167. Edges land on stored values (0 and 80 for
    # 40/80); a width under 1 is valid for LINEAR_EXACT.
    voi_function(out, "voi_linear_exact.dcm", "CT_small.dcm",
                 [(40, 80), (100.5, 0.5), (-200, 2000)], "LINEAR_EXACT")
    # MR_small: 127..2145.
    voi_function(out, "voi_sigmoid.dcm", "MR_small.dcm", [(1000, 1500), (600, 50)], "SIGMOID")
    enhanced_frames(out)
    for name in sorted(os.listdir(out)):
        print(os.path.join(out, name))


if __name__ == "__main__":
    main()
