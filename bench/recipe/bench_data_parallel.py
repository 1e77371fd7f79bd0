#!/usr/bin/python3
"""Data-parallel `vitask train` on this machine: the same run (global batch 32) in 1 and in
N processes (`--nproc`, c10d/Gloo), and the same N processes started by PyTorch's own
launcher (`torchrun --no_python`), timed as whole commands and by the trainer's own
samples/s. Runs alternate (1, N, torchrun N, 1, N, ...) so that a slow moment of the
machine hits every side; medians over --repeats. Prints one JSON object.

  bench/recipe/bench_data_parallel.py --vitask build/bin/vitask [--processes 2] [--repeats 3]
  bench/recipe/bench_data_parallel.py --table RESULT.json   # its markdown table (docs/benchmarks.md)

The model is the experiment's scratch LLaVA (CLIP 2 x 64, Llama 2 x 128), trained on 512
synthetic chest X-rays for one epoch of L_van (16 steps); one CPU thread per process.
On a machine with as many cores as processes the ideal speed-up is N; the exchanges
(one bucketed all-reduce of the gradients per step, two small ones for the token counts
and the logged terms) are what it costs."""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "support"))
from command_bench import CommandFailed, main, run_timed  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def config_text(data):
    return ("preset: custom\nseed: 0\nthreads: 1\n"
            f"model:\n  scratch: {{tokenizer: {ROOT}/resources/tokenizers/vitask-scratch, image_size: 28, patch_size: 7, "
            "vision_width: 64, vision_layers: 2, text_width: 128, text_layers: 2, heads: 4}\n"
            f"data: [{data}]\n"
            "training: {batch_size: 32, log_every: 4}\n"
            "stages:\n  - {name: s, epochs: 1, lr: 2.0e-3, losses: {van: 1}, trainable: [vision, projector, language]}\n")


def timed(command, out):
    seconds = run_timed(command, out, make_out=False)  # vitask train makes its run folder
    with open(os.path.join(out, "metrics.jsonl")) as f:
        train = [json.loads(line) for line in f if '"train"' in line]
    return seconds, train[-1]["samples_per_s"]


def table(result):
    lines = ["| processes | samples/s (median) | speed-up | whole command, s (median) | runs |", "|---|---|---|---|---|"]
    for name, side in result["sides"].items():
        lines.append(f"| {name} | {side['samples_per_s_median']:.1f} | {side['speedup_vs_1_process']:.2f}x | "
                     f"{side['wall_s_median']:.2f} | {len(side['wall_s'])} |")
    for name, why in result.get("not_timed", {}).items():
        lines.append(f"| {name} | not timed: {why} | | | |")
    return "\n".join(lines)


def add_arguments(parser):
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)


def run(args):
    vitask = args.vitask
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
            sides[f"{n} processes (torchrun)"] = [torchrun, "--no_python", "--standalone", "--nproc_per_node", str(n),
                                                  vitask, "--no-log-file", "train", config, "--out"]
        runs = {name: [] for name in sides}
        notes = {}
        for repeat in range(args.repeats):
            for name, command in list(sides.items()):
                try:
                    runs[name].append(timed(command + [os.path.join(work, "run")], os.path.join(work, "run")))
                except CommandFailed as failure:
                    if "torchrun" not in name:
                        raise
                    # Debian's torchrun (python3-torch 1.13) fails under Python 3.11 before it
                    # starts a process; its failure is recorded, not timed.
                    notes[name] = str(failure).strip().splitlines()[-1]
                    del sides[name], runs[name]
        one = statistics.median(s for _, s in runs["1 process"])
        result = {
            "benchmark": "data-parallel vitask train, CPU, Gloo", "cpus": os.cpu_count(),
            "processes": n, "repeats": args.repeats, "global_batch": 32, "steps": 16,
            "sides": {name: {"wall_s_median": statistics.median(w for w, _ in r),
                             "samples_per_s_median": statistics.median(s for _, s in r),
                             "speedup_vs_1_process": statistics.median(s for _, s in r) / one,
                             "wall_s": [round(w, 3) for w, _ in r], "samples_per_s": [round(s, 2) for _, s in r]}
                      for name, r in runs.items()},
            "not_timed": notes,
        }
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(__doc__, add_arguments, run, table)
