#!/usr/bin/python3
"""The built-in demo answered: what a new user waits for after README command 1.

Each run starts `vitask-studio --demo --json FILE` offscreen with fresh settings (the
demo's chest X-ray opened, its model and TSM loaded, the paper's instruction asked) and
reads from FILE how long the answer took once asked (the AI panel's own clock: the image
to the model, the answer generated, label probabilities without and with the exemplar,
the TSM's prediction and saliency), and the wall time of the whole process. Peer, in
the same run: `vitask infer` answering the same image with the same model, TSM and
exemplar setting, wall time (it loads the model too, but draws nothing). Target: the
answer within 1 s on 2 CPU cores (issue 15).

  bench/demo/bench_demo.py --studio build/bin/vitask-studio --vitask build/bin/vitask \\
      > bench/demo/results/<name>.json
  bench/demo/bench_demo.py --table bench/demo/results/<name>.json   (the docs' table)
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def timed(command, env=None):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    return seconds, result.stdout


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            return next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor()


def summary(values):
    return {"best": min(values), "median": statistics.median(values), "runs": values}


def measure(args):
    demo_folder = os.path.join(ROOT, "resources", "demo")
    with open(os.path.join(demo_folder, "demo.json")) as f:
        demo = json.load(f)
    first = demo["studies"][0]
    image = os.path.join(demo_folder, first["folder"], sorted(os.listdir(os.path.join(demo_folder, first["folder"])))[0])
    answer_s, studio_wall, infer_wall, exemplar = [], [], [], None
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(args.runs + 1):  # the first run warms the caches and is not counted
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VITASK_CONFIG_DIR=os.path.join(scratch, f"config{run}"),
                       VITASK_DATA_DIR=os.path.join(scratch, f"data{run}"))
            out = os.path.join(scratch, f"answer{run}.json")
            wall, _ = timed([args.studio, "--demo", "--json", out], env)
            with open(out) as f:
                shown = json.load(f)
            exemplar = shown["exemplar"]
            command = [args.vitask, "--no-log-file", "infer", image, "--model", os.path.join(demo_folder, demo["model"]),
                       "--tsm", os.path.join(demo_folder, demo["tsm"]), "--task", first["task"], "--device", "cpu",
                       "--json"] + (["--exemplar"] if exemplar else [])
            peer, _ = timed(command)
            if run == 0:
                continue
            answer_s.append(shown["seconds"])
            studio_wall.append(wall)
            infer_wall.append(peer)
    return {
        "benchmark": "demo_answer",
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count(), "system": platform.platform()},
        "command": "bench/demo/bench_demo.py --runs %d" % args.runs,
        "image": os.path.relpath(image, ROOT),
        "exemplar": exemplar,
        "studio_answer_s": summary(answer_s),
        "studio_process_s": summary(studio_wall),
        "peer_vitask_infer_process_s": summary(infer_wall),
        "target_answer_s": 1.0,
        "target_met": statistics.median(answer_s) < 1.0,
    }


def table(path):
    with open(path) as f:
        r = json.load(f)
    print(f"Machine: {r['machine']['cpu']}, {r['machine']['cores']} cores; `{r['command']}`; {r['image']}, "
          f"exemplar {'on' if r['exemplar'] else 'off'}.\n")
    print("| measure | median | best | target |")
    print("|---|---|---|---|")
    print(f"| studio: answer once asked | {r['studio_answer_s']['median']:.3f} s | {r['studio_answer_s']['best']:.3f} s "
          f"| under {r['target_answer_s']:.0f} s ({'met' if r['target_met'] else 'missed'}) |")
    print(f"| studio: whole process (start, load, open, answer, quit) | {r['studio_process_s']['median']:.2f} s "
          f"| {r['studio_process_s']['best']:.2f} s | |")
    print(f"| peer: `vitask infer`, whole process | {r['peer_vitask_infer_process_s']['median']:.2f} s "
          f"| {r['peer_vitask_infer_process_s']['best']:.2f} s | |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--studio", default=os.path.join(ROOT, "build", "bin", "vitask-studio"))
    parser.add_argument("--vitask", default=os.path.join(ROOT, "build", "bin", "vitask"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--table", help="print the docs' table of a results file")
    args = parser.parse_args()
    if args.table:
        table(args.table)
    else:
        print(json.dumps(measure(args), indent=2))


if __name__ == "__main__":
    main()
