#!/usr/bin/python3
"""Data-parallel `vitask train` on this machine: the same run (global batch 32) in 1 and in
N processes (`--nproc`, c10d/Gloo), and the same N processes started by PyTorch's own
launcher (`torchrun --no-python`), timed as whole commands and by the trainer's own
samples/s. Runs alternate (1, N, torchrun N, 1, N, ...) so that a slow moment of the
machine hits every side; medians over --repeats. Prints one JSON object.

  bench/recipe/bench_data_parallel.py --vitask build/bin/vitask [--processes 2] [--repeats 3]

The model is the experiment's scratch LLaVA (CLIP 2 x 64, Llama 2 x 128), trained on 512
synthetic chest X-rays for one epoch of L_van (16 steps); one CPU thread per process.
On a machine with as many cores as processes the ideal speed-up is N; the exchanges
(one bucketed all-reduce of the gradients per step, two small ones for the token counts
and the logged terms) are what it costs."""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def config_text(data):
    return ("preset: custom\nseed: 0\nthreads: 1\n"
            f"model:\n  scratch: {{tokenizer: {ROOT}/resources/tokenizers/vitask-scratch, image_size: 28, patch_size: 7, "
            "vision_width: 64, vision_layers: 2, text_width: 128, text_layers: 2, heads: 4}\n"
            f"data: [{data}]\n"
            "training: {batch_size: 32, log_every: 4}\n"
            "stages:\n  - {name: s, epochs: 1, lr: 2.0e-3, losses: {van: 1}, trainable: [vision, projector, language]}\n")


def timed(command, out):
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr}")
    with open(os.path.join(out, "metrics.jsonl")) as f:
        train = [json.loads(line) for line in f if '"train"' in line]
    return seconds, train[-1]["samples_per_s"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vitask", required=True)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    vitask = os.path.abspath(args.vitask)
    work = tempfile.mkdtemp(prefix="vitask-dp-bench-")
    try:
        subprocess.run([vitask, "data", "synth", "--out", work, "--train", "512", "--val", "32", "--test", "32",
                        "--modality", "chest_xray"], check=True, capture_output=True)
        config = os.path.join(work, "run.yaml")
        with open(config, "w") as f:
            f.write(config_text(os.path.join(work, "synth_chest_xray.npz")))
        n = args.processes
        sides = {
            "1 process": [vitask, "--no-log-file", "train", config, "--out"],
            f"{n} processes (--nproc)": [vitask, "--no-log-file", "train", config, "--nproc", str(n), "--out"],
        }
        torchrun = shutil.which("torchrun")
        if torchrun:
            sides[f"{n} processes (torchrun)"] = [torchrun, "--no-python", "--standalone", "--nproc-per-node", str(n),
                                                  vitask, "--no-log-file", "train", config, "--out"]
        runs = {name: [] for name in sides}
        for repeat in range(args.repeats):
            for name, command in sides.items():
                runs[name].append(timed(command + [os.path.join(work, "run")], os.path.join(work, "run")))
        one = statistics.median(s for _, s in runs["1 process"])
        result = {
            "benchmark": "data-parallel vitask train, CPU, Gloo", "cpus": os.cpu_count(),
            "processes": n, "repeats": args.repeats, "global_batch": 32, "steps": 16,
            "sides": {name: {"wall_s_median": statistics.median(w for w, _ in r),
                             "samples_per_s_median": statistics.median(s for _, s in r),
                             "speedup_vs_1_process": statistics.median(s for _, s in r) / one,
                             "wall_s": [round(w, 3) for w, _ in r], "samples_per_s": [round(s, 2) for _, s in r]}
                      for name, r in runs.items()},
        }
        print(json.dumps(result, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
