#!/usr/bin/python3
"""What a user feels: whole commands, process start to exit, each against the tool it
replaces, on the same 300-slice CT series (512 x 512, int16; bench/support/ct_series.py):

  start-up      `vitask --version`                      `dcm2niix -h`
  to .nii       `vitask image convert SERIES x.nii`     `dcm2niix -z n` (int16 both)
  to .nii.gz    `vitask image convert SERIES x.nii.gz`  `dcm2niix -z y` (pigz when installed)
  to .npy       `vitask image convert SERIES x.npy`     pydicom + numpy: read, sort, modality LUT, np.save
  NIfTI to .npy `vitask image convert x.nii.gz x.npy`   nibabel: get_fdata(float32), np.save

Runs alternate (ours, peer, ours, ...), --repeats each (median reported); the output of
each run is deleted before the next. Prints one JSON object.

  bench/cli/bench_commands.py --vitask build/bin/vitask [--repeats 7] [--slices 300]
  bench/cli/bench_commands.py --table RESULT.json     # its markdown table"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "support"))
from command_bench import main, run_timed  # noqa: E402
from ct_series import make_ct_series  # noqa: E402

PYDICOM_TO_NPY = r"""
import glob, os, sys
import numpy as np, pydicom
datasets = [pydicom.dcmread(f) for f in glob.glob(os.path.join(sys.argv[1], '*.dcm'))]
datasets.sort(key=lambda d: float(d.ImagePositionPatient[2]))
volume = np.stack([d.pixel_array.astype(np.float32) * np.float32(d.RescaleSlope) + np.float32(d.RescaleIntercept)
                   for d in datasets])
np.save(sys.argv[2], volume)
"""
NIBABEL_TO_NPY = r"""
import sys
import nibabel as nib, numpy as np
np.save(sys.argv[2], nib.load(sys.argv[1]).get_fdata(dtype=np.float32))
"""


def table(result):
    lines = ["| case | vitask (ms, median) | peer | peer (ms, median) | vitask / peer |", "|---|---|---|---|---|"]
    for name, case in result["cases"].items():
        ours, peer = case["ours"]["median"], case["peer"]["median"]
        lines.append(f"| {name} | {1000 * ours:.1f} | {case['peer']['command']} | {1000 * peer:.1f} | {ours / peer:.2f} |")
    return "\n".join(lines)


def add_arguments(parser):
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--slices", type=int, default=300)


def run(args):
    vitask = args.vitask
    work = tempfile.mkdtemp(prefix="vitask-cli-bench-")
    try:
        series = os.path.join(work, "series")
        os.makedirs(series)
        make_ct_series(series, args.slices)
        nifti = os.path.join(work, "volume.nii.gz")
        subprocess.run([vitask, "--no-log-file", "image", "convert", series, nifti], check=True, capture_output=True)
        out = os.path.join(work, "out")
        convert = [vitask, "--no-log-file", "image", "convert"]
        dcm2niix = ["dcm2niix", "-b", "n", "-f", "x", "-o", out]
        cases = {
            "start-up": ([vitask, "--version"], ("dcm2niix -h", ["dcm2niix", "-h"])),
            "DICOM to .nii": (convert + [series, os.path.join(out, "x.nii")],
                              ("dcm2niix -z n", dcm2niix + ["-z", "n", series])),
            "DICOM to .nii.gz": (convert + [series, os.path.join(out, "x.nii.gz")],
                                 ("dcm2niix -z y", dcm2niix + ["-z", "y", series])),
            "DICOM to .npy": (convert + [series, os.path.join(out, "x.npy")],
                              ("pydicom + numpy", ["/usr/bin/python3", "-c", PYDICOM_TO_NPY, series,
                                                   os.path.join(out, "x.npy")])),
            "NIfTI (.nii.gz) to .npy": (convert + [nifti, os.path.join(out, "x.npy")],
                                        ("nibabel + numpy", ["/usr/bin/python3", "-c", NIBABEL_TO_NPY, nifti,
                                                             os.path.join(out, "x.npy")])),
        }
        result = {"benchmark": "whole commands against the tools they replace", "cpus": os.cpu_count(),
                  "slices": args.slices, "image": "512 x 512 int16, explicit VR little endian",
                  "repeats": args.repeats, "pigz": shutil.which("pigz") is not None, "cases": {}}
        for name, (ours, (peer_name, peer)) in cases.items():
            runs = {"ours": [], "peer": []}
            for _ in range(args.repeats):
                runs["ours"].append(run_timed(ours, out))
                runs["peer"].append(run_timed(peer, out))
            result["cases"][name] = {
                "ours": {"command": " ".join(["vitask"] + ours[1:]).replace(work, "$WORK"),
                         "median": statistics.median(runs["ours"]), "seconds": [round(s, 4) for s in runs["ours"]]},
                "peer": {"command": peer_name, "median": statistics.median(runs["peer"]),
                         "seconds": [round(s, 4) for s in runs["peer"]]}}
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(__doc__, add_arguments, run, table)
