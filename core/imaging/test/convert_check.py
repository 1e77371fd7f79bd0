#!/usr/bin/python3
"""Reads back what `vitask image convert` wrote, with references nobody here wrote:
nibabel for NIfTI, numpy for .npy, and for PNG a plain zlib PNG decoder (no imaging
library is installed for /usr/bin/python3) checked against numpy's own windowing.

usage: convert_check.py OUT_DIR nifti FILE [ORIGINAL]   values + LPS affine (+ diff to ORIGINAL)
       convert_check.py OUT_DIR npy FILE                 dtype, shape, values
       convert_check.py OUT_DIR png NPY CENTER WIDTH MONO1 PNG...
Writes OUT_DIR/result.json; value arrays as raw little-endian float32 (OUT_DIR/values.raw)
in the order a vitask Volume keeps them (x fastest)."""
import json
import os
import struct
import sys
import zlib

import numpy as np


def lps_geometry(affine):
    lps = np.diag([-1.0, -1.0, 1.0])
    m = lps @ affine[:3, :3]
    spacing = np.sqrt((m ** 2).sum(axis=0))
    return {"spacing": spacing.tolist(), "origin": (lps @ affine[:3, 3]).tolist(),
            "direction": (m / spacing).flatten().tolist()}


def check_nifti(out_dir, path, original=None):
    import nibabel as nib
    img = nib.load(path)
    data = np.asarray(img.get_fdata(dtype=np.float64))
    data.astype("<f4").flatten(order="F").tofile(os.path.join(out_dir, "values.raw"))
    result = {"shape": list(data.shape), "dtype": str(img.get_data_dtype()),
              "qform_code": int(img.header["qform_code"]), "sform_code": int(img.header["sform_code"]),
              "scl_slope": float(img.dataobj.slope), "scl_inter": float(img.dataobj.inter)}
    result.update(lps_geometry(np.asarray(img.affine, dtype=np.float64)))
    if img.header["qform_code"] > 0 and img.header["sform_code"] > 0:  # both must place the voxels alike
        result["qform_sform_diff"] = float(np.max(np.abs(img.get_qform() - img.get_sform())))
    if original:
        ref = nib.load(original)
        ref_data = np.asarray(ref.get_fdata(dtype=np.float64))
        result["original_shape"] = list(ref_data.shape)
        if ref_data.shape == data.shape:
            result["max_value_diff"] = float(np.max(np.abs(ref_data - data)))
        # Only the spatial part: a 4D file's time axis is not geometry.
        result["max_affine_diff"] = float(np.max(np.abs(ref.affine - img.affine)))
    return result


def check_npy(out_dir, path):
    arr = np.load(path)
    arr.astype("<f4").tofile(os.path.join(out_dir, "values.raw"))
    return {"shape": list(arr.shape), "dtype": str(arr.dtype),
            "c_contiguous": bool(arr.flags["C_CONTIGUOUS"])}


def decode_png(path):
    """8-bit greyscale or RGB, non-interlaced: all the PNGs vitask writes."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and colour in (0, 2) and interlace == 0, (depth, colour, interlace)
    channels = 1 if colour == 0 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    out = np.zeros((height, stride), dtype=np.int32)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = np.frombuffer(raw, np.uint8, stride, y * (stride + 1) + 1).astype(np.int32)
        cur = np.zeros(stride, dtype=np.int32)
        for x in range(stride):
            a = cur[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 0:
                pred = 0
            elif kind == 1:
                pred = a
            elif kind == 2:
                pred = b
            elif kind == 3:
                pred = (a + b) // 2
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            cur[x] = (line[x] + pred) & 0xFF
        out[y] = cur
        prev = cur
    return out.reshape(height, width, channels) if channels == 3 else out


def window_numpy(values, center, width, mono1):
    """DICOM PS3.3 C.11.2.1.2 linear VOI function to 0..255, as numpy states it."""
    v = values.astype(np.float64)
    low = center - 0.5 - (width - 1) / 2
    high = center - 0.5 + (width - 1) / 2
    y = np.where(v <= low, 0.0, np.where(v > high, 1.0, (v - (center - 0.5)) / (width - 1) + 0.5))
    if mono1:
        y = 1.0 - y
    # Round half away from zero, as std::lround does (np.round would round half to even).
    return np.floor(y * 255.0 + 0.5).astype(np.int32)


def check_png(out_dir, npy, center, width, mono1, pngs):
    values = np.load(npy)
    slices = values.reshape((-1,) + values.shape[-2:]) if values.ndim >= 3 else values[None]
    assert len(pngs) == slices.shape[0], (len(pngs), slices.shape)
    worst, shapes = 0, []
    for png, expected in zip(pngs, slices):
        got = decode_png(png)
        shapes.append(list(got.shape))
        want = window_numpy(expected, center, width, mono1)
        worst = max(worst, int(np.max(np.abs(got - want))))
    return {"files": len(pngs), "shapes": shapes, "max_abs_diff": worst,
            "distinct_values": int(len(np.unique(decode_png(pngs[0]))))}


def main():
    out_dir, kind = sys.argv[1], sys.argv[2]
    if kind == "nifti":
        result = check_nifti(out_dir, sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    elif kind == "npy":
        result = check_npy(out_dir, sys.argv[3])
    else:
        result = check_png(out_dir, sys.argv[3], float(sys.argv[4]), float(sys.argv[5]),
                           sys.argv[6] == "1", sys.argv[7:])
    with open(os.path.join(out_dir, "result.json"), "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
