#!/usr/bin/python3
"""Python peer of bench_studio's "series to first image": what a pydicom + numpy viewer
does before it can show a CT series: read every file of the folder, sort along the slice
normal, stack the slices into a float32 volume after the modality LUT (as
bench/imaging/bench_imaging_peer.py does), then window the middle slice into 8-bit grey
(the image a viewer would draw; no display here, so the peer does less than the studio).
usage: first_image_peer.py DICOM_DIR REPEATS
Prints JSON: each run's seconds, the best and median, and a checksum of the image."""
import json
import os
import statistics
import sys
import time

import numpy as np
import pydicom

# The series is read exactly as bench_imaging's peer reads it.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "imaging"))
from bench_imaging_peer import read_dicom  # noqa: E402


def first_image(folder):
    volume = read_dicom(folder)
    centre, width = 40.0, 400.0  # CT soft tissue
    low = centre - width / 2
    middle = volume[len(volume) // 2]
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
