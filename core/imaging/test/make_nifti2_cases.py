#!/usr/bin/python3
"""Writes NIfTI-2 files with nibabel for the NIfTI-2 reader test: usage OUT_DIR.
qform-only big-endian int16 with scaling and a rotation (.nii), sform-only oblique 4D
float32 (.nii.gz), and a truncated copy of the first."""
import os
import sys

import nibabel as nib
import numpy as np

out = sys.argv[1]
rng = np.random.default_rng(7)

# 1. qform only (a quaternion rotation), big-endian, int16 scaled by 2 and shifted by -5.
data = rng.integers(-300, 300, size=(7, 5, 4)).astype(np.int16)
hdr = nib.Nifti2Header(endianness=">")
img = nib.Nifti2Image(data, None, hdr)
rotation = np.array([[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
affine = np.eye(4)
affine[:3, :3] = rotation @ np.diag([0.8, 1.25, 3.0])
affine[:3, 3] = [12.5, -40.0, 7.0]
img.set_qform(affine, code=1)
img.set_sform(None, code=0)
img.header.set_slope_inter(2.0, -5.0)
nib.save(img, os.path.join(out, "qform_be.nii"))

# 2. sform only, 4D float32, compressed, an oblique affine.
data4 = rng.standard_normal((6, 4, 3, 2)).astype(np.float32) * 100
theta = 0.3
oblique = np.array([[np.cos(theta), -np.sin(theta), 0, -20.0],
                    [np.sin(theta), np.cos(theta), 0, 15.0],
                    [0, 0, 1, 3.0], [0, 0, 0, 1]]) @ np.diag([1.5, 1.5, 2.5, 1])
img = nib.Nifti2Image(data4, oblique)
img.set_qform(None, code=0)
img.set_sform(oblique, code=2)
nib.save(img, os.path.join(out, "sform_4d.nii.gz"))

with open(os.path.join(out, "qform_be.nii"), "rb") as f:
    whole = f.read()
with open(os.path.join(out, "truncated.nii"), "wb") as f:
    f.write(whole[:-40])
