#!/usr/bin/python3
"""Retrieving a CT series from a PACS, three ways, each against a peer on the same
300-image series (512 x 512, 16 bit) in a local Orthanc (with its DICOMweb plugin)
started here, as whole commands (process start to exit, the images written to disk):
  C-GET    `vitask pacs get`                 against DCMTK's `getscu`
  C-MOVE   `vitask pacs get --move`          against DCMTK's `movescu` (its own storage SCP)
  WADO-RS  `vitask pacs get --url`           against `curl` saving the multipart answer
                                             as one file (the bytes, not split into images)
Runs alternate (ours, peer, ours, ...) within each way; medians over --repeats. Prints one
JSON object.

  bench/pacs/bench_pacs_retrieve.py --vitask build/bin/vitask [--repeats 5] [--images 300]
  bench/pacs/bench_pacs_retrieve.py --table RESULT.json   # its markdown table (docs/benchmarks.md)

The series is made by bench/support/ct_series.py and stored with `vitask pacs send`."""
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "support"))
from command_bench import main, run_timed  # noqa: E402
from ct_series import make_ct_series  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(command, out):
    seconds = run_timed(command, out)
    return seconds, len([f for f in os.listdir(out) if not f.endswith(".partial")])


def table(result):
    lines = ["| way | command | seconds (median) | images/s | runs (s) |", "|---|---|---|---|---|"]
    for way, sides in result["ways"].items():
        for name, side in sides.items():
            lines.append(f"| {way} | {name} | {side['seconds_median']:.2f} | {side['images_per_s_median']:.1f} | "
                         + ", ".join(f"{s:.2f}" for s in side["seconds"]) + " |")
    return "\n".join(lines)


def add_arguments(parser):
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--images", type=int, default=300)


def run(args):
    vitask = args.vitask
    work = tempfile.mkdtemp(prefix="vitask-pacs-bench-")
    orthanc = None
    try:
        series = os.path.join(work, "series")
        os.makedirs(series)
        study = make_ct_series(series, args.images)
        dicom_port, http_port, receive_port = free_port(), free_port(), free_port()
        with open(os.path.join(work, "orthanc.json"), "w") as f:
            json.dump({"Name": "bench", "StorageDirectory": os.path.join(work, "db"), "IndexDirectory": os.path.join(work, "db"),
                       "HttpPort": http_port, "DicomPort": dicom_port, "DicomAet": "ORTHANC", "RemoteAccessAllowed": False,
                       "AuthenticationEnabled": False, "Plugins": ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"],
                       "DicomWeb": {"Enable": True, "Root": "/dicom-web/"},
                       "DicomModalities": {"bench": ["VITASK", "127.0.0.1", receive_port]}}, f)
        orthanc = subprocess.Popen(["/usr/sbin/Orthanc", os.path.join(work, "orthanc.json")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        node = ["--host", "127.0.0.1", "--port", str(dicom_port), "--called-ae", "ORTHANC"]
        for _ in range(100):
            if subprocess.run([vitask, "--no-log-file", "pacs", "echo", *node], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        subprocess.run([vitask, "--no-log-file", "pacs", "send", *node, series], check=True, capture_output=True)
        out = os.path.join(work, "out")
        url = f"http://127.0.0.1:{http_port}/dicom-web"
        get = [vitask, "--no-log-file", "pacs", "get", "--study", study, "--out", out]
        ways = {
            "C-GET": {
                "vitask pacs get": get + node,
                "getscu (DCMTK)": ["getscu", "-S", "-aet", "VITASK", "-aec", "ORTHANC", "-k", "QueryRetrieveLevel=STUDY",
                                   "-k", f"StudyInstanceUID={study}", "-od", out, "127.0.0.1", str(dicom_port)]},
            "C-MOVE": {
                "vitask pacs get --move": get + node + ["--move", "--receive-port", str(receive_port)],
                "movescu (DCMTK)": ["movescu", "-S", "-aet", "VITASK", "-aec", "ORTHANC", "-aem", "VITASK",
                                    "--port", str(receive_port), "-k", "QueryRetrieveLevel=STUDY",
                                    "-k", f"StudyInstanceUID={study}", "-od", out, "127.0.0.1", str(dicom_port)]},
            "WADO-RS": {
                "vitask pacs get --url": get + ["--url", url],
                "curl (one multipart file)": ["curl", "-sf", "-H",
                                              'Accept: multipart/related; type="application/dicom"; transfer-syntax=*',
                                              "-o", os.path.join(out, "study.multipart"), f"{url}/studies/{study}"]},
        }
        result = {"benchmark": "retrieving a CT series from a local Orthanc, whole commands", "cpus": os.cpu_count(),
                  "images": args.images, "image": "512 x 512, 16 bit, explicit VR little endian", "repeats": args.repeats,
                  "ways": {}}
        for way, sides in ways.items():
            runs = {name: [] for name in sides}
            for _ in range(args.repeats):
                for name, command in sides.items():
                    runs[name].append(timed(command, out))
            result["ways"][way] = {}
            for name, r in runs.items():
                seconds = [s for s, _ in r]
                result["ways"][way][name] = {"seconds_median": statistics.median(seconds),
                                             "images_per_s_median": args.images / statistics.median(seconds),
                                             "seconds": [round(s, 3) for s in seconds], "files_written": [n for _, n in r]}
        return result
    finally:
        if orthanc:
            orthanc.terminate()
            orthanc.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(__doc__, add_arguments, run, table)
