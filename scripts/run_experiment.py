#!/usr/bin/python3
"""The VITask results table on the synthetic benchmark (docs/results.md).

Runs, for each seed: a built-in TSM; a from-scratch LLaVA warm-up (plain instruction
tuning of all its parameters); then, from that warm-up, the arms below, each a
`vitask train` run; and evaluates every arm with `vitask eval` (label-set scoring) on
the test splits, without and with the exemplar, and on the robustness grid.

  vanilla        plain instruction tuning continued (L_van only)
  vitask         stage 1: L_van + L_ep + a L_rda (language model, EP connector);
                 stage 2: + b L_crt (language model)
  rda_only       the VITask stages without CRT            (ablation)
  crt_only       the VITask stages without RDA            (ablation)
  rda_paper      VITask with RDA as the paper writes it, KL(p_plain || p_ep)
  vanilla_incomplete, vitask_incomplete
                 the same trained on incomplete instructions (no label set)
  vanilla_vision, vitask_vision
                 vanilla and VITask with the vision tower and projector trainable in both
                 stages too: can RDA carry the TSM's evidence into the plain model's
                 image features, which the language model alone cannot add?
  vitask_plugged_<tsm>
                 another TSM (features of another width) plugged into the trained
                 VITask model: only the EP connector is re-fitted (preset
                 refit_connector), then evaluated with EP; one TSM weaker than the
                 first (a small ViT), one stronger (a ResNet-10 twice as wide)

Everything goes through the CLI as a user would run it; runs execute two at a time,
one CPU thread each. Usage:
  scripts/run_experiment.py --vitask build/bin/vitask --out experiment [--scale full|small]
                            [--seeds 3] [--results docs/results.md] [--jobs 2]
The small scale (two datasets, fewer samples and epochs, one seed) is what the test
suite runs (test_experiment_small); it prints the table and a JSON summary.
"""
import argparse
import concurrent.futures
import json
import os
import platform
import statistics
import subprocess
import sys
import time

SCALES = {
    # samples per split, datasets, epochs of the warm-up and of each VITask stage, TSM epochs
    "full": dict(train=500, val=100, test=200, modalities=["chest_xray", "dermoscopy", "retinal_oct", "histology"],
                 warmup_epochs=15, stage_epochs=3, tsm_epochs=15, seeds=3, arms=None, plug_tsms=True),
    "small": dict(train=200, val=50, test=100, modalities=["chest_xray", "retinal_oct"],
                  warmup_epochs=12, stage_epochs=6, tsm_epochs=8, seeds=1, arms=["vanilla", "vitask"], plug_tsms=False),
}
TSM_ARCHITECTURE = ["--depth", "10", "--width", "16"]  # ResNet-10, 16 wide: 128 features
# The TSMs plugged into the trained VITask model: name, table label, architecture.
PLUGGED_TSMS = [
    ("tsm_vit", "built-in ViT, 4 blocks x 96", ["--arch", "vit", "--depth", "4", "--width", "96", "--patch", "4"]),
    ("tsm_wide", "built-in ResNet-10, 32 wide", ["--depth", "10", "--width", "32"]),  # 256 features
]
ALPHA, BETA = 0.5, 0.1  # the RDA and CRT weights (the paper does not publish its own)
MODEL = dict(image_size=28, patch_size=7, vision_width=64, vision_layers=2, text_width=128, text_layers=2, heads=4)

ARMS = {
    "vanilla": dict(stage1={"van": 1}, stage2={"van": 1}, connector=False),
    "vitask": dict(stage1={"van": 1, "ep": 1, "rda": ALPHA}, stage2={"van": 1, "ep": 1, "rda": ALPHA, "crt": BETA}),
    "rda_only": dict(stage1={"van": 1, "ep": 1, "rda": ALPHA}, stage2={"van": 1, "ep": 1, "rda": ALPHA}),
    "crt_only": dict(stage1={"van": 1, "ep": 1}, stage2={"van": 1, "ep": 1, "crt": BETA}),
    "rda_paper": dict(stage1={"van": 1, "ep": 1, "rda": ALPHA}, stage2={"van": 1, "ep": 1, "rda": ALPHA, "crt": BETA},
                      direction="paper"),
    "vanilla_incomplete": dict(stage1={"van": 1}, stage2={"van": 1}, connector=False, prompts=["no_label_set"]),
    "vitask_incomplete": dict(stage1={"van": 1, "ep": 1, "rda": ALPHA},
                              stage2={"van": 1, "ep": 1, "rda": ALPHA, "crt": BETA}, prompts=["no_label_set"]),
}
VISION = ["vision", "projector", "language"]
ARMS["vanilla_vision"] = dict(ARMS["vanilla"], trainable1=VISION, trainable2=VISION)
ARMS["vitask_vision"] = dict(ARMS["vitask"], trainable1=VISION + ["connector"], trainable2=VISION)
GRID_ARMS = ["vanilla", "vitask", "vanilla_incomplete", "vitask_incomplete"]


def run(vitask, *args, capture=False):
    command = [vitask, "--no-log-file", "--log-level", "warn", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr}{result.stdout[-2000:]}")
    return result.stdout


def losses_yaml(losses):
    return "{" + ", ".join(f"{k}: {v}" for k, v in losses.items()) + "}"


def write_config(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def data_files(out, scale):
    return [os.path.join(out, "data", f"synth_{m}.npz") for m in scale["modalities"]]


REUSED = []  # runs found finished on disk (an interrupted experiment resumed): not timed here


def train_tsm(vitask, out, scale, seed, name="tsm", architecture=TSM_ARCHITECTURE):
    folder = os.path.join(out, f"seed{seed}", name)
    manifest = os.path.join(folder, f"{name}.tsm.json")
    if os.path.exists(manifest):
        REUSED.append(folder)
    else:
        args = ["tsm", "train", "--out", folder, "--name", name, *architecture,
                "--epochs", str(scale["tsm_epochs"]), "--seed", str(seed), "--device", "cpu"]
        for d in data_files(out, scale):
            args += ["--data", d]
        run(vitask, "--threads", "1", *args)
    results = {}
    for d in data_files(out, scale):
        metrics = json.loads(run(vitask, "tsm", "eval", "--tsm", folder, "--data", d, "--json"))
        results[os.path.basename(d)[:-4]] = {"accuracy": metrics["accuracy"], "macro_f1": metrics["macro_f1"]}
    return manifest, results


def warmup(vitask, out, scale, seed, tokenizer):
    folder = os.path.join(out, f"seed{seed}", "warmup")
    if os.path.exists(os.path.join(folder, "final", "vitask.json")):
        REUSED.append(folder)
        return folder
    config = os.path.join(out, f"seed{seed}", "warmup.yaml")
    scratch = ", ".join(f"{k}: {v}" for k, v in MODEL.items())
    write_config(config, [
        "preset: custom", f"seed: {seed}", "threads: 1",
        f"model: {{scratch: {{tokenizer: {tokenizer}, {scratch}}}}}",
        "data: [" + ", ".join(data_files(out, scale)) + "]",
        "training: {batch_size: 32, log_every: 50}",
        "stages:",
        f"  - {{name: warmup, epochs: {scale['warmup_epochs']}, lr: 2.0e-3, losses: {{van: 1}}, "
        "trainable: [vision, projector, language]}",
    ])
    run(vitask, "train", config, "--out", folder)
    return folder


def train_arm(vitask, out, scale, seed, name, arm, base, tsm):
    folder = os.path.join(out, f"seed{seed}", name)
    if os.path.exists(os.path.join(folder, "final", "vitask.json")):
        REUSED.append(folder)
        return folder
    config = os.path.join(out, f"seed{seed}", f"{name}.yaml")
    groups1 = "[" + ", ".join(arm.get("trainable1", ["language", "connector"] if arm.get("connector", True)
                                            else ["language"])) + "]"
    groups2 = "[" + ", ".join(arm.get("trainable2", ["language"])) + "]"
    lines = [
        "preset: custom", f"seed: {seed}", "threads: 1",
        f"model: {{base: {os.path.join(base, 'final')}}}",
        "data: [" + ", ".join(data_files(out, scale)) + "]",
        "training: {batch_size: 32, log_every: 50}",
        f"rda: {{direction: {arm.get('direction', 'forward')}, tau: 1.0}}",
        "prompts: {train: [" + ", ".join(arm.get("prompts", ["complete"])) + "]}",
        "stages:",
        f"  - {{name: stage1, epochs: {scale['stage_epochs']}, lr: 2.0e-3, losses: {losses_yaml(arm['stage1'])}, "
        f"trainable: {groups1}}}",
        f"  - {{name: stage2, epochs: {scale['stage_epochs']}, lr: 2.0e-3, losses: {losses_yaml(arm['stage2'])}, "
        f"trainable: {groups2}}}",
    ]
    if arm.get("connector", True):
        lines.append(f"tsm: {tsm}")
    write_config(config, lines)
    run(vitask, "train", config, "--out", folder)
    return folder


def refit_connector(vitask, out, scale, seed, model, tsm):
    """The plug-a-new-TSM evaluation: `model` (a trained VITask arm) keeps its VLM; only
    the EP connector is fitted anew to `tsm`'s features."""
    name = "vitask_plugged_" + os.path.basename(os.path.dirname(tsm))
    folder = os.path.join(out, f"seed{seed}", name)
    if os.path.exists(os.path.join(folder, "final", "vitask.json")):
        REUSED.append(folder)
        return folder
    config = os.path.join(out, f"seed{seed}", f"{name}.yaml")
    write_config(config, [
        "preset: refit_connector", f"seed: {seed}", "threads: 1",
        f"model: {{base: {os.path.join(model, 'final')}}}", f"tsm: {tsm}",
        "data: [" + ", ".join(data_files(out, scale)) + "]",
        "training: {batch_size: 32, log_every: 50}",
    ])
    run(vitask, "train", config, "--out", folder)
    return folder


def evaluate(vitask, out, scale, folder, tsm, exemplar=False, variant="complete"):
    args = ["eval", "--model", os.path.join(folder, "final"), "--variant", variant, "--json"]
    for d in data_files(out, scale):
        args += ["--data", d]
    if exemplar:
        args += ["--exemplar", "--tsm", tsm]
    return json.loads(run(vitask, "--threads", "1", *args))


def per_seed(vitask, out, scale, seed, tokenizer, pool):
    tsm_future = pool.submit(train_tsm, vitask, out, scale, seed)
    base = warmup(vitask, out, scale, seed, tokenizer)
    tsm, tsm_results = tsm_future.result()
    chosen = {name: arm for name, arm in ARMS.items() if not scale["arms"] or name in scale["arms"]}
    arms = {name: pool.submit(train_arm, vitask, out, scale, seed, name, arm, base, tsm) for name, arm in chosen.items()}
    plugged_futures = {name: pool.submit(train_tsm, vitask, out, scale, seed, name, architecture)
                       for name, _, architecture in (PLUGGED_TSMS if scale["plug_tsms"] else [])}
    folders = {name: f.result() for name, f in arms.items()}
    results = {"tsm": tsm_results, "evals": {}}
    jobs = {}
    for name, future in plugged_futures.items():
        plugged_tsm, results[name] = future.result()
        plugged = refit_connector(vitask, out, scale, seed, folders["vitask"], plugged_tsm)
        jobs[(f"vitask_plugged_{name}", True, "complete")] = pool.submit(
            evaluate, vitask, out, scale, plugged, plugged_tsm, True)
    for name in chosen:
        jobs[(name, False, "complete")] = pool.submit(evaluate, vitask, out, scale, folders[name], tsm)
        if ARMS[name].get("connector", True):
            jobs[(name, True, "complete")] = pool.submit(evaluate, vitask, out, scale, folders[name], tsm, True)
    for name in (a for a in GRID_ARMS if a in chosen):
        jobs[(name, False, "all")] = pool.submit(evaluate, vitask, out, scale, folders[name], tsm, False, "all")
    jobs[("warmup", False, "complete")] = pool.submit(evaluate, vitask, out, scale, base, tsm)
    for (name, exemplar, variant), job in jobs.items():
        for summary in job.result():
            key = f"{name}|{'ep' if exemplar else 'plain'}|{summary['instruction']}"
            results["evals"][key] = {t["task"]: t["metrics"] for t in summary["tasks"]}
    return results


def mean_over_tasks(per_task, figure):
    return statistics.mean(m[figure] for m in per_task.values())


def cell(values):
    if len(values) == 1:
        return f"{values[0]:.3f}"
    return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}"


def table(seeds):
    rows = [("TSM (built-in ResNet-10, 16 wide)", [s["tsm"] for s in seeds])]
    for name, label, _ in PLUGGED_TSMS:
        if name in seeds[0]:
            rows.append((f"TSM `{name}`, plugged in below ({label})", [s[name] for s in seeds]))
    labels = {"warmup|plain": "LLaVA from scratch, warm-up only", "vanilla|plain": "vanilla instruction tuning",
              "vitask|plain": "VITask w/o EP", "vitask|ep": "VITask w/ EP",
              "rda_only|plain": "ablation: + RDA (no CRT), w/o EP", "crt_only|plain": "ablation: + CRT (no RDA), w/o EP",
              "rda_paper|plain": "VITask, RDA in the paper's direction, w/o EP",
              "rda_only|ep": "ablation: + RDA (no CRT), w/ EP", "crt_only|ep": "ablation: + CRT (no RDA), w/ EP",
              **{f"vitask_plugged_{name}|ep": f"VITask w/ EP, `{name}` plugged in (only the connector re-fitted)"
                 for name, _, _ in PLUGGED_TSMS},
              "vanilla_vision|plain": "vanilla, vision tower trainable too",
              "vitask_vision|plain": "VITask w/o EP, vision tower trainable too",
              "vitask_vision|ep": "VITask w/ EP, vision tower trainable too"}
    for key, label in labels.items():
        if key + "|complete" in seeds[0]["evals"]:
            rows.append((label, [s["evals"][key + "|complete"] for s in seeds]))
    tasks = list(seeds[0]["tsm"].keys())
    lines = ["| model | mean accuracy | mean macro-F1 | " + " | ".join(f"{t} F1" for t in tasks) + " |",
             "|---|---|---|" + "---|" * len(tasks)]
    summary = {}
    for label, runs in rows:
        acc = [mean_over_tasks(r, "accuracy") for r in runs]
        f1 = [mean_over_tasks(r, "macro_f1") for r in runs]
        summary[label] = {"accuracy": statistics.mean(acc), "macro_f1": statistics.mean(f1)}
        lines.append(f"| {label} | {cell(acc)} | {cell(f1)} | " +
                     " | ".join(cell([r[t]["macro_f1"] for r in runs]) for t in tasks) + " |")
    return "\n".join(lines), summary


def grid(seeds):
    variants = ["complete", "no_label_set", "no_modality", "shuffled_labels", "paraphrase", "typos", "other_language"]
    names = {"vanilla": "vanilla, trained on complete", "vitask": "VITask w/o EP, trained on complete",
             "vanilla_incomplete": "vanilla, trained on incomplete", "vitask_incomplete": "VITask w/o EP, trained on incomplete"}
    lines = ["| model (macro-F1) | " + " | ".join(variants) + " |", "|---|" + "---|" * len(variants)]
    summary = {}
    for arm, label in names.items():
        if f"{arm}|plain|no_label_set" not in seeds[0]["evals"]:
            continue
        values = {v: [mean_over_tasks(s["evals"][f"{arm}|plain|{v}"], "macro_f1") for s in seeds] for v in variants}
        summary[arm] = {v: statistics.mean(x) for v, x in values.items()}
        lines.append(f"| {label} | " + " | ".join(cell(values[v]) for v in variants) + " |")
    return "\n".join(lines), summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vitask", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--scale", choices=SCALES, default="full")
    parser.add_argument("--seeds", type=int)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--results", help="write the Markdown tables here")
    args = parser.parse_args()
    scale = SCALES[args.scale]
    seeds = args.seeds or scale["seeds"]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tokenizer = os.path.join(root, "resources", "tokenizers", "vitask-scratch")
    os.makedirs(args.out, exist_ok=True)
    started = time.time()
    run(args.vitask, "data", "synth", "--out", os.path.join(args.out, "data"), "--seed", "0",
        "--train", str(scale["train"]), "--val", str(scale["val"]), "--test", str(scale["test"]),
        "--modality", *scale["modalities"])
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = [per_seed(args.vitask, args.out, scale, seed, tokenizer, pool) for seed in range(seeds)]
    minutes = (time.time() - started) / 60
    main_table, main_summary = table(results)
    grid_table, grid_summary = grid(results)
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump({"scale": args.scale, "seeds": seeds, "minutes": minutes, "runs": results}, f, indent=1)
    machine = f"{platform.node()}, {os.cpu_count()} CPU cores, {platform.processor() or platform.machine()}"
    report = (f"Scale `{args.scale}`, {seeds} seed(s), {len(scale['modalities'])} synthetic datasets "
              f"({scale['train']}/{scale['val']}/{scale['test']} images per split), {minutes:.1f} min on {machine}"
              f"{f' (this invocation; {len(REUSED)} finished runs were reused from disk)' if REUSED else ''}.\n\n"
              f"{main_table}\n\nRobustness (mean macro-F1 over the datasets, label-set scoring, without EP):\n\n{grid_table}\n")
    print(report)
    print(json.dumps({"main": main_summary, "grid": grid_summary}))
    if args.results:
        with open(args.results) as f:
            text = f.read()
        begin, end = "<!-- results:begin -->", "<!-- results:end -->"
        if begin in text and end in text:
            text = text[:text.index(begin) + len(begin)] + "\n" + report + text[text.index(end):]
            with open(args.results, "w") as f:
                f.write(text)


if __name__ == "__main__":
    main()
