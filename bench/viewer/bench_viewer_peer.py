"""Peer of bench_viewer: the same windowing of the same slices with numpy, vectorised as
pydicom's apply_windowing does it (DICOM linear function), then to uint8.
usage: bench_viewer_peer.py RAW_FLOAT32 COLUMNS ROWS SLICES CENTER WIDTH  -> one JSON line"""
import json
import sys
import time

import numpy as np


def window(slice_, c, w):
    # PS3.3 C.11.2.1.2, as pydicom.pixels.apply_windowing (linear branch).
    below = slice_ <= c - 0.5 - (w - 1) / 2
    above = slice_ > c - 0.5 + (w - 1) / 2
    unit = np.where(below, 0.0, np.where(above, 1.0, (slice_ - (c - 0.5)) / (w - 1) + 0.5))
    return np.rint(unit * 255.0).astype(np.uint8)


def main():
    path, cols, rows, slices = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    c, w = float(sys.argv[5]), float(sys.argv[6])
    volume = np.fromfile(path, dtype=np.float32).reshape(slices, rows, cols)
    times = []
    checksum = 0
    for z in range(slices):
        start = time.perf_counter()
        out = window(volume[z], c, w)
        times.append(time.perf_counter() - start)
        checksum += int(out.sum(dtype=np.int64))
    print(json.dumps({"numpy_ms_median": 1000 * float(np.median(times)), "checksum": checksum,
                      "numpy": np.__version__}))


main()
