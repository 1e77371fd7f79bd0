#!/usr/bin/python3
"""Python peer of bench_imaging: time to a ready float32 volume, one read in this (fresh)
process, as bench_imaging times its own reads.
  bench_imaging_peer.py dicom FOLDER   pydicom + numpy: read every *.dcm, sort by position
                                       along the slice normal, stack, apply the modality LUT
  bench_imaging_peer.py nifti FILE     nibabel: get_fdata(dtype=float32)
Both are single-threaded: pydicom and nibabel's gzip run in this one Python thread, and
numpy's element-wise operations do not use BLAS threads.
Prints one JSON line: seconds, the voxel sum, the peak RSS of this process, versions."""
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


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("dicom", "nifti"):
        raise SystemExit("usage: bench_imaging_peer.py dicom FOLDER | nifti FILE")
    start_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    volume = (read_dicom if sys.argv[1] == "dicom" else read_nifti)(sys.argv[2])
    seconds = time.perf_counter() - start
    print(json.dumps({"s": seconds, "sum": float(volume.sum(dtype=np.float64)),
                      "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "start_kb": start_kb,
                      "threads": 1,
                      "pydicom": pydicom.__version__, "nibabel": nib.__version__, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
