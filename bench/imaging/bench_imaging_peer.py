#!/usr/bin/python3
"""Python peer of bench_imaging: time to a ready float32 volume with pydicom + numpy (read
every file, sort by position along the slice normal, stack, apply the modality LUT) and
with nibabel (get_fdata as float32). usage: bench_imaging_peer.py DICOM_DIR NIFTI REPEATS
Prints JSON: best seconds of each and the peak RSS of this process."""
import glob
import json
import os
import resource
import sys
import time

import nibabel as nib
import numpy as np
import pydicom


def read_dicom(folder):
    datasets = [pydicom.dcmread(f) for f in glob.glob(os.path.join(folder, "*.dcm"))]
    o = np.array(datasets[0].ImageOrientationPatient, dtype=np.float64)
    normal = np.cross(o[:3], o[3:])
    datasets.sort(key=lambda ds: float(np.dot(normal, np.array(ds.ImagePositionPatient, dtype=np.float64))))
    volume = np.empty((len(datasets), int(datasets[0].Rows), int(datasets[0].Columns)), dtype=np.float32)
    for i, ds in enumerate(datasets):
        volume[i] = ds.pixel_array * np.float32(ds.RescaleSlope) + np.float32(ds.RescaleIntercept)
    return volume


def read_nifti(path):
    return nib.load(path).get_fdata(dtype=np.float32)


def best(fn, arg, repeats):
    times, checksum = [], 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        volume = fn(arg)
        times.append(time.perf_counter() - start)
        checksum = float(volume.sum(dtype=np.float64))
        del volume
    return min(times), checksum


def main():
    folder, nifti, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    dicom_s, dicom_sum = best(read_dicom, folder, repeats)
    nifti_s, nifti_sum = best(read_nifti, nifti, repeats)
    print(json.dumps({"pydicom_s": dicom_s, "nibabel_s": nifti_s,
                      "pydicom_checksum": dicom_sum, "nibabel_checksum": nifti_sum,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "pydicom": pydicom.__version__, "nibabel": nib.__version__,
                      "numpy": np.__version__}))


if __name__ == "__main__":
    main()
