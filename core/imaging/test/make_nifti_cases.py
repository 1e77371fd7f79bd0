#!/usr/bin/python3
"""Writes NIfTI-1 and NIfTI-2 files with nibabel for the tests of our own NIfTI reader:
usage OUT_DIR. For each version: qform-only big-endian int16 with scaling and a rotation
(.nii), sform-only oblique 4D float32 (.nii.gz); for NIfTI-1 also uint8 and float64
(.nii.gz), a .nii.gz of two gzip members; truncated copies (.nii, and for NIfTI-1 a
.nii.gz cut short and one whose data ends early)."""
import gzip
import os
import sys

import nibabel as nib
import numpy as np

out = sys.argv[1]
rng = np.random.default_rng(7)

rotation = np.array([[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
qform = np.eye(4)
qform[:3, :3] = rotation @ np.diag([0.8, 1.25, 3.0])
qform[:3, 3] = [12.5, -40.0, 7.0]
theta = 0.3
oblique = np.array([[np.cos(theta), -np.sin(theta), 0, -20.0],
                    [np.sin(theta), np.cos(theta), 0, 15.0],
                    [0, 0, 1, 3.0], [0, 0, 0, 1]]) @ np.diag([1.5, 1.5, 2.5, 1])
data = rng.integers(-300, 300, size=(7, 5, 4)).astype(np.int16)
data4 = rng.standard_normal((6, 4, 3, 2)).astype(np.float32) * 100

for suffix, header, image in (("", nib.Nifti2Header, nib.Nifti2Image),
                              ("_n1", nib.Nifti1Header, nib.Nifti1Image)):
    # 1. qform only (a quaternion rotation), big-endian, int16 scaled by 2 and shifted by -5.
    img = image(data, None, header(endianness=">"))
    img.set_qform(qform, code=1)
    img.set_sform(None, code=0)
    img.header.set_slope_inter(2.0, -5.0)
    nib.save(img, os.path.join(out, f"qform_be{suffix}.nii"))

    # 2. sform only, 4D float32, compressed, an oblique affine.
    img = image(data4, oblique)
    img.set_qform(None, code=0)
    img.set_sform(oblique, code=2)
    nib.save(img, os.path.join(out, f"sform_4d{suffix}.nii.gz"))

    with open(os.path.join(out, f"qform_be{suffix}.nii"), "rb") as f:
        whole = f.read()
    with open(os.path.join(out, f"truncated{suffix}.nii"), "wb") as f:
        f.write(whole[:-40])

# NIfTI-1 only: other stored sizes (1 and 8 bytes), a scaled uint8.
img = nib.Nifti1Image(rng.integers(0, 255, size=(9, 7, 5)).astype(np.uint8), oblique)
img.header.set_slope_inter(0.5, 10.0)
nib.save(img, os.path.join(out, "uint8_n1.nii.gz"))
nib.save(nib.Nifti1Image(rng.standard_normal((5, 6, 7)), qform), os.path.join(out, "float64_n1.nii.gz"))

# The same image as two gzip members (gzip tools concatenate so): zlib reads both.
with open(os.path.join(out, "qform_be_n1.nii"), "rb") as f:
    whole = f.read()
with open(os.path.join(out, "members_n1.nii.gz"), "wb") as f:
    f.write(gzip.compress(whole[:500]) + gzip.compress(whole[500:]))
# A compressed file cut short, and a complete gzip file whose data ends early.
packed = gzip.compress(whole)
with open(os.path.join(out, "cut_n1.nii.gz"), "wb") as f:
    f.write(packed[: len(packed) // 2])
with open(os.path.join(out, "short_n1.nii.gz"), "wb") as f:
    f.write(gzip.compress(whole[:-40]))
