#!/usr/bin/python3
"""Python peer of bench_studio's "series to first image": what a pydicom + numpy viewer
does before it can show a CT series: read every file of the folder, sort along the slice
normal, stack the slices into a float32 volume after the modality LUT (as
bench/imaging/bench_imaging_peer.py does), then window the middle slice into 8-bit grey
(the image a viewer would draw; no display here, so the peer does less than the studio).
usage: first_image_peer.py DICOM_DIR REPEATS
Prints JSON: each run's seconds, the best and median, and a checksum of the image."""
import glob
import json
import os
import statistics
import sys
import time

import numpy as np
import pydicom


def first_image(folder):
    datasets = [pydicom.dcmread(f) for f in glob.glob(os.path.join(folder, "*.dcm"))]
    o = np.array(datasets[0].ImageOrientationPatient, dtype=np.float64)
    normal = np.cross(o[:3], o[3:])
    datasets.sort(key=lambda ds: float(np.dot(normal, np.array(ds.ImagePositionPatient, dtype=np.float64))))
    volume = np.empty((len(datasets), int(datasets[0].Rows), int(datasets[0].Columns)), dtype=np.float32)
    for i, ds in enumerate(datasets):
        volume[i] = ds.pixel_array * np.float32(ds.RescaleSlope) + np.float32(ds.RescaleIntercept)
    centre, width = 40.0, 400.0  # CT soft tissue
    low = centre - width / 2
    middle = volume[len(datasets) // 2]
    image = (np.clip((middle - low) / width, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
    return image


def main():
    folder, repeats = sys.argv[1], int(sys.argv[2])
    times, checksum = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        image = first_image(folder)
        times.append(time.perf_counter() - start)
        checksum = int(image.sum(dtype=np.uint64))
    print(json.dumps({"runs_s": times, "best_s": min(times), "median_s": statistics.median(times),
                      "checksum": checksum, "pydicom": pydicom.__version__, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
