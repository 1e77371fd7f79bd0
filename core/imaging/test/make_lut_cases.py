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


def palette(out, name, palette_file):
    """8-bit indices from MR_small shown through one of DICOM's well-known palettes."""
    ds = pydicom.dcmread(CORPUS + "/MR_small.dcm")
    pal = pydicom.dcmread(DATA + "/palettes/" + palette_file)
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


def enhanced_frames(out):
    """Three frames of MR_small values with Shared and Per-frame Functional Groups: a shared
    window and rescale, frame 0 its own rescale and two windows, frame 2 a VOI LUT."""
    ds = pydicom.dcmread(CORPUS + "/MR_small.dcm")
    base = ds.pixel_array.astype(np.int16)
    ds.PixelData = np.stack([base, base + 100, base - 100]).astype("<i2").tobytes()
    ds.NumberOfFrames = 3
    for keyword in ("WindowCenter", "WindowWidth"):
        delattr(ds, keyword)

    def groups(rescale=None, windows=None, lut=None):
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
            if lut:
                voi.VOILUTSequence = Sequence([lut])
            item.FrameVOILUTSequence = Sequence([voi])
        return item

    ds.SharedFunctionalGroupsSequence = Sequence([groups((1.0, -50.0), [(900, 1800)])])
    ramp = [int(v) for v in np.linspace(0, 1023, 2400)]
    ds.PerFrameFunctionalGroupsSequence = Sequence([
        groups((2.5, 10.0), [(2500, 3000), (3000, 500)]),
        groups(),
        groups(None, None, lut_item(2400, 0, 10, ramp, "US", "RAMP", "SS")),
    ])
    ds.save_as(os.path.join(out, "enhanced_frames.dcm"))


def main():
    out = sys.argv[1]
    voi_lut_signed(out)
    voi_lut_65536(out)
    modality_lut(out)
    palette(out, "palette_hotiron.dcm", "hotiron.dcm")
    palette(out, "palette_spring_segmented.dcm", "spring.dcm")
    enhanced_frames(out)
    for name in sorted(os.listdir(out)):
        print(os.path.join(out, name))


if __name__ == "__main__":
    main()
