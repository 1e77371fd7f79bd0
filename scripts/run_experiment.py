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
  ep_*           the EP investigation (scale digits_ep): VITask with exemplar prompting
                 changed one way each: longer stages, a connector-only L_ep stage first, a
                 10x connector lr, a 4x wider connector, 4 exemplar tokens, the TSM's
                 probabilities beside its features, and connector-first + probabilities
  vitask_plugged_<tsm>
                 another TSM (features of another width) plugged into the trained
                 VITask model: only the EP connector is re-fitted (preset
                 refit_connector), then evaluated with EP; one TSM weaker than the
                 first (a small ViT), one stronger (a ResNet-10 twice as wide)

Everything goes through the CLI as a user would run it; runs execute two at a time,
one CPU thread each. Usage:
  scripts/run_experiment.py --vitask build/bin/vitask --out experiment [--scale full|small|generalist|digits]
                            [--seeds 3] [--results docs/results.md] [--jobs 2] [--fixed-data]
The small scale (two datasets, fewer samples and epochs, one seed) is what the test
suite runs (test_experiment_small); it prints the table and a JSON summary.

The generalist scale is the paper's setting: instead of a warm-up on the target data, the
base model is a generalist pretrained on other tasks (scripts/make_generalist.py, made or
reused in <out>/generalist), and the arms tune LoRA adapters of its language model (with
the EP connector) on the held-out modalities; --results writes the `results-generalist`
block and FILE-generalist.json.

The digits scale runs the `full` recipe on real data: scikit-learn's handwritten digits
(scripts/make_digits.py, one fixed split), where exemplar prompting is checked against a
strong TSM. The digits_ep scale is the investigation of why exemplar prompting stays below
that TSM: the ep_* arms against VITask w/ EP as the paper builds it.

Each seed draws its own synthetic data (data seed = run seed), so the spread over seeds
includes the data's; --fixed-data gives every seed the data of seed 0 (the former mode).

A run found in --out is reused only when the configuration that made it (its YAML or
arguments, and the runs and data it starts from) and the vitask binary (the program and
its libvitask_* libraries, hashed) are unchanged: each run keeps a stamp of both
(experiment_stamp.json); otherwise it is trained again. One invocation therefore gives
the whole table, from scratch or from what is still valid.

--results FILE.md writes the block between FILE.md's results markers (header, tables, the
claims with their paired differences and tests) and FILE.json beside it: every run's
configuration, the binary's version and hash, per-seed metrics and the paired
comparisons (scripts/experiment_stats.py says how they are tested).
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

import experiment_stats
import make_generalist
from experiment_runs import MODEL, Runs, binary_identity, losses_yaml, run, sha256_of, write_config

SCALES = {
    # samples per split, datasets, epochs of the warm-up and of each VITask stage, TSM epochs
    "full": dict(train=500, val=100, test=200, modalities=["chest_xray", "dermoscopy", "retinal_oct", "histology"],
                 warmup_epochs=15, stage_epochs=3, tsm_epochs=15, seeds=3, arms=None, plug_tsms=True),
    "small": dict(train=200, val=50, test=100, modalities=["chest_xray", "retinal_oct"],
                  warmup_epochs=12, stage_epochs=6, tsm_epochs=8, seeds=1, arms=["vanilla", "vitask"], plug_tsms=False),
    # The paper's setting: a generalist pretrained on other tasks (scripts/make_generalist.py,
    # the modalities below held out), tuned on the held-out ones with LoRA on its language
    # model, as `preset: paper` does.
    "generalist": dict(train=500, val=100, test=200, modalities=make_generalist.DEFAULT_HOLD_OUT,
                       stage_epochs=3, tsm_epochs=15, seeds=3, plug_tsms=False, generalist=True,
                       arms=["vanilla", "vitask", "rda_only", "crt_only", "rda_paper", "vanilla_incomplete",
                             "vitask_incomplete"]),
}
# The same, each stage 10 epochs instead of 3: does the difference survive tuning closer to
# convergence? (With 3 epochs vanilla LoRA tuning has barely moved from the generalist.)
SCALES["generalist_long"] = dict(SCALES["generalist"], stage_epochs=10, arms=["vanilla", "vitask"])
# Real data: scikit-learn's 1,797 handwritten digits (scripts/make_digits.py; one fixed
# split, so the seeds vary training only), the small LLaVA from scratch as in `full`.
SCALES["digits"] = dict(SCALES["full"], dataset="digits", modalities=["digits"], seeds=3, plug_tsms=False,
                        arms=["vanilla", "vitask", "rda_only", "crt_only"])
# Why EP stays below a strong TSM on the digits: the ep_* arms, one change each.
EP_ARMS = {
    "ep_long": ("stages of 10 epochs instead of 3", dict(stage_epochs=10)),
    "ep_connector_first": ("a connector-only L_ep stage (5 epochs) first", dict(connector_first=5)),
    "ep_connector_lr": ("the connector's lr 10x the stage's", dict(connector_lr=2.0e-2)),
    "ep_hidden": ("the connector 4x wider (hidden 512)", dict(exemplar={"hidden_width": 512})),
    "ep_tokens": ("4 exemplar tokens", dict(exemplar={"tokens": 4})),
    "ep_probabilities": ("the TSM's probabilities beside its features", dict(exemplar={"probabilities": "true"})),
    "ep_combined": ("connector-first + probabilities", dict(connector_first=5, exemplar={"probabilities": "true"})),
}
SCALES["digits_ep"] = dict(SCALES["digits"], seeds=3, arms=["vanilla", "vitask", *EP_ARMS])
# The LoRA of the generalist setting (text width 128: rank 16 is an eighth of it).
LORA = "lora: {rank: 16, alpha: 32, dropout: 0.05}"
TSM_ARCHITECTURE = ["--depth", "10", "--width", "16"]  # ResNet-10, 16 wide: 128 features
# The TSMs plugged into the trained VITask model: name, table label, architecture.
PLUGGED_TSMS = [
    ("tsm_vit", "built-in ViT, 4 blocks x 96", ["--arch", "vit", "--depth", "4", "--width", "96", "--patch", "4"]),
    ("tsm_wide", "built-in ResNet-10, 32 wide", ["--depth", "10", "--width", "32"]),  # 256 features
]
ALPHA, BETA = 0.5, 0.1  # the RDA and CRT weights (the paper does not publish its own)

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
for name, (_, change) in EP_ARMS.items():
    ARMS[name] = dict(ARMS["vitask"], **change)
GRID_ARMS = ["vanilla", "vitask", "vanilla_incomplete", "vitask_incomplete"]


def data_folder(out, seed, fixed_data):
    return os.path.join(out, "data") if fixed_data else os.path.join(out, f"seed{seed}", "data")


def make_data(vitask, out, scale, seed, fixed_data):
    """The synthetic datasets of `seed` (of seed 0 with --fixed-data), or the digits (one
    split for every seed): deterministic, so regenerating them is cheap and gives the same
    files; returns (files, their hashes)."""
    if scale.get("dataset") == "digits":
        folder = os.path.join(out, "data")
        digits = os.path.join(os.path.dirname(os.path.abspath(__file__)), "make_digits.py")
        made = subprocess.run([sys.executable, digits, "--out", folder], capture_output=True, text=True)
        if made.returncode != 0:
            sys.exit(f"failed ({made.returncode}): {digits} --out {folder}\n{made.stderr}")
        files = [os.path.join(folder, "digits.npz")]
        return files, [f"{os.path.basename(d)} {sha256_of(d)}" for d in files]
    folder = data_folder(out, seed, fixed_data)
    data_seed = 0 if fixed_data else seed
    run(vitask, "data", "synth", "--out", folder, "--seed", str(data_seed),
        "--train", str(scale["train"]), "--val", str(scale["val"]), "--test", str(scale["test"]),
        "--modality", *scale["modalities"])
    files = [os.path.join(folder, f"synth_{m}.npz") for m in scale["modalities"]]
    return files, [f"{os.path.basename(d)} {sha256_of(d)}" for d in files]


def train_tsm(ctx, seed, name="tsm", architecture=TSM_ARCHITECTURE):
    folder = os.path.join(ctx.out, f"seed{seed}", name)
    manifest = os.path.join(folder, f"{name}.tsm.json")
    data, data_hashes = ctx.data[seed]
    args = ["tsm", "train", "--out", folder, "--name", name, *architecture,
            "--epochs", str(ctx.scale["tsm_epochs"]), "--seed", str(seed), "--device", "cpu"]
    for d in data:
        args += ["--data", d]
    if not ctx.runs.fresh(folder, f"{name}.tsm.json", " ".join(args), data_hashes):
        run(ctx.vitask, "--threads", "1", *args)
        ctx.runs.finished(folder)
    results = {}
    for d in data:
        metrics = json.loads(run(ctx.vitask, "tsm", "eval", "--tsm", folder, "--data", d, "--json"))
        results[os.path.basename(d)[:-4]] = {"accuracy": metrics["accuracy"], "macro_f1": metrics["macro_f1"]}
    return manifest, results


def train(ctx, seed, name, lines, inputs):
    """A `vitask train` run of the YAML `lines`, unless a valid one is on disk."""
    folder = os.path.join(ctx.out, f"seed{seed}", name)
    config = os.path.join(ctx.out, f"seed{seed}", f"{name}.yaml")
    text = write_config(config, lines)
    if not ctx.runs.fresh(folder, os.path.join("final", "vitask.json"), text, inputs):
        run(ctx.vitask, "train", config, "--out", folder)
        ctx.runs.finished(folder)
    return folder


def warmup(ctx, seed):
    data, data_hashes = ctx.data[seed]
    scratch = ", ".join(f"{k}: {v}" for k, v in MODEL.items())
    return train(ctx, seed, "warmup", [
        "preset: custom", f"seed: {seed}", "threads: 1",
        f"model: {{scratch: {{tokenizer: {ctx.tokenizer}, {scratch}}}}}",
        "data: [" + ", ".join(data) + "]",
        "training: {batch_size: 32, log_every: 50}",
        "stages:",
        f"  - {{name: warmup, epochs: {ctx.scale['warmup_epochs']}, lr: 2.0e-3, losses: {{van: 1}}, "
        "trainable: [vision, projector, language]}",
    ], data_hashes)


def train_arm(ctx, seed, name, arm, base, tsm):
    data, data_hashes = ctx.data[seed]
    tuned = "lora" if ctx.scale.get("generalist") else "language"  # what the stages train of the LLM
    groups1 = "[" + ", ".join(arm.get("trainable1", [tuned, "connector"] if arm.get("connector", True)
                                            else [tuned])) + "]"
    groups2 = "[" + ", ".join(arm.get("trainable2", [tuned])) + "]"
    epochs = arm.get("stage_epochs", ctx.scale["stage_epochs"])
    connector_lr = f", connector_lr: {arm['connector_lr']}" if "connector_lr" in arm else ""
    lines = [
        "preset: custom", f"seed: {seed}", "threads: 1",
        f"model: {{base: {os.path.join(base, 'final')}}}",
        "data: [" + ", ".join(data) + "]",
        "training: {batch_size: 32, log_every: 50}",
        f"rda: {{direction: {arm.get('direction', 'forward')}, tau: 1.0}}",
        "prompts: {train: [" + ", ".join(arm.get("prompts", ["complete"])) + "]}",
        "stages:",
        *([f"  - {{name: connector, epochs: {arm['connector_first']}, lr: 2.0e-3, losses: {{ep: 1}}, "
           "trainable: [connector]}"] if "connector_first" in arm else []),
        f"  - {{name: stage1, epochs: {epochs}, lr: 2.0e-3{connector_lr}, losses: {losses_yaml(arm['stage1'])}, "
        f"trainable: {groups1}}}",
        f"  - {{name: stage2, epochs: {epochs}, lr: 2.0e-3, losses: {losses_yaml(arm['stage2'])}, "
        f"trainable: {groups2}}}",
    ]
    if "exemplar" in arm:
        lines.append("exemplar: {" + ", ".join(f"{k}: {v}" for k, v in arm["exemplar"].items()) + "}")
    if tuned == "lora":
        lines.append(LORA)
    if arm.get("connector", True):
        lines.append(f"tsm: {tsm}")
    inputs = data_hashes + [ctx.runs.stamp_of(base), ctx.runs.stamp_of(os.path.dirname(tsm))]
    return train(ctx, seed, name, lines, inputs)


def refit_connector(ctx, seed, model, tsm):
    """The plug-a-new-TSM evaluation: `model` (a trained VITask arm) keeps its VLM; only
    the EP connector is fitted anew to `tsm`'s features."""
    data, data_hashes = ctx.data[seed]
    name = "vitask_plugged_" + os.path.basename(os.path.dirname(tsm))
    return train(ctx, seed, name, [
        "preset: refit_connector", f"seed: {seed}", "threads: 1",
        f"model: {{base: {os.path.join(model, 'final')}}}", f"tsm: {tsm}",
        "data: [" + ", ".join(data) + "]",
        "training: {batch_size: 32, log_every: 50}",
    ], data_hashes + [ctx.runs.stamp_of(model), ctx.runs.stamp_of(os.path.dirname(tsm))])


def evaluate(ctx, seed, folder, tsm, exemplar=False, variant="complete"):
    """`vitask eval` of a run: its summaries, and per instruction its per-sample answers
    {task: [(truth, answer), ...]} (for the paired bootstrap)."""
    answers = os.path.join(folder, "eval", ("ep" if exemplar else "plain") + "_" + variant)
    shutil.rmtree(answers, ignore_errors=True)
    args = ["eval", "--model", os.path.join(folder, "final"), "--variant", variant, "--out", answers, "--json"]
    for d in ctx.data[seed][0]:
        args += ["--data", d]
    if exemplar:
        args += ["--exemplar", "--tsm", tsm]
    summaries = json.loads(run(ctx.vitask, "--threads", "1", *args))
    samples = {}
    for summary in summaries:
        name = f"test_score_{'ep_' if exemplar else ''}{summary['instruction']}_predictions.jsonl"
        per_task = {}
        with open(os.path.join(answers, name)) as f:
            for line in f:
                row = json.loads(line)
                per_task.setdefault(row["task"], []).append((row["truth"], row["answer"]))
        samples[summary["instruction"]] = per_task
    return summaries, samples


class Context:
    def __init__(self, args, scale, runs, tokenizer):
        self.vitask, self.out, self.scale, self.runs, self.tokenizer = args.vitask, args.out, scale, runs, tokenizer
        self.data = {}
        self.generalist = None  # its run folder, in the generalist setting


def per_seed(ctx, seed, pool):
    tsm_future = pool.submit(train_tsm, ctx, seed)
    base = ctx.generalist or warmup(ctx, seed)
    tsm, tsm_results = tsm_future.result()
    chosen = {name: arm for name, arm in ARMS.items() if not ctx.scale["arms"] or name in ctx.scale["arms"]}
    arms = {name: pool.submit(train_arm, ctx, seed, name, arm, base, tsm) for name, arm in chosen.items()}
    plugged_futures = {name: pool.submit(train_tsm, ctx, seed, name, architecture)
                       for name, _, architecture in (PLUGGED_TSMS if ctx.scale["plug_tsms"] else [])}
    folders = {name: f.result() for name, f in arms.items()}
    results = {"tsm": tsm_results, "evals": {}}
    samples = {}
    jobs = {}
    for name, future in plugged_futures.items():
        plugged_tsm, results[name] = future.result()
        plugged = refit_connector(ctx, seed, folders["vitask"], plugged_tsm)
        jobs[(f"vitask_plugged_{name}", True, "complete")] = pool.submit(evaluate, ctx, seed, plugged, plugged_tsm, True)
    for name in chosen:
        jobs[(name, False, "complete")] = pool.submit(evaluate, ctx, seed, folders[name], tsm)
        if ARMS[name].get("connector", True):
            jobs[(name, True, "complete")] = pool.submit(evaluate, ctx, seed, folders[name], tsm, True)
    for name in (a for a in GRID_ARMS if a in chosen):
        jobs[(name, False, "all")] = pool.submit(evaluate, ctx, seed, folders[name], tsm, False, "all")
    jobs[("generalist" if ctx.generalist else "warmup", False, "complete")] = pool.submit(evaluate, ctx, seed, base, tsm)
    for (name, exemplar, variant), job in jobs.items():
        summaries, answers = job.result()
        for summary in summaries:
            key = f"{name}|{'ep' if exemplar else 'plain'}|{summary['instruction']}"
            results["evals"][key] = {t["task"]: t["metrics"] for t in summary["tasks"]}
            samples[key] = answers[summary["instruction"]]
    return results, samples


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
    for key, label in ROW_LABELS.items():
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


ROW_LABELS = {
    "warmup|plain": "LLaVA from scratch, warm-up only",
    "generalist|plain": "the generalist, before tuning (never saw these tasks)",
    "vanilla|plain": "vanilla instruction tuning",
    "vitask|plain": "VITask w/o EP", "vitask|ep": "VITask w/ EP",
    "rda_only|plain": "ablation: + RDA (no CRT), w/o EP", "crt_only|plain": "ablation: + CRT (no RDA), w/o EP",
    "rda_paper|plain": "VITask, RDA in the paper's direction, w/o EP",
    "rda_only|ep": "ablation: + RDA (no CRT), w/ EP", "crt_only|ep": "ablation: + CRT (no RDA), w/ EP",
    **{f"vitask_plugged_{name}|ep": f"VITask w/ EP, `{name}` plugged in (only the connector re-fitted)"
       for name, _, _ in PLUGGED_TSMS},
    "vanilla_vision|plain": "vanilla, vision tower trainable too",
    "vitask_vision|plain": "VITask w/o EP, vision tower trainable too",
    "vitask_vision|ep": "VITask w/ EP, vision tower trainable too",
    **{f"{name}|{branch}": f"EP changed: {label}, w/{'o' if branch == 'plain' else ''} EP"
       for name, (label, _) in EP_ARMS.items() for branch in ("ep", "plain")},
}
VARIANTS = ["complete", "no_label_set", "no_modality", "shuffled_labels", "paraphrase", "typos", "other_language"]


def grid(seeds):
    names = {"vanilla": "vanilla, trained on complete", "vitask": "VITask w/o EP, trained on complete",
             "vanilla_incomplete": "vanilla, trained on incomplete", "vitask_incomplete": "VITask w/o EP, trained on incomplete"}
    lines = ["| model (macro-F1) | " + " | ".join(VARIANTS) + " |", "|---|" + "---|" * len(VARIANTS)]
    summary = {}
    for arm, label in names.items():
        if f"{arm}|plain|no_label_set" not in seeds[0]["evals"]:
            continue
        values = {v: [mean_over_tasks(s["evals"][f"{arm}|plain|{v}"], "macro_f1") for s in seeds] for v in VARIANTS}
        summary[arm] = {v: statistics.mean(x) for v, x in values.items()}
        lines.append(f"| {label} | " + " | ".join(cell(values[v]) for v in VARIANTS) + " |")
    return "\n".join(lines), summary


# The comparisons docs/results.md reads, each "a minus b" in macro-F1 points (mean over the
# datasets), paired by seed. A key is an eval ("arm|plain|instruction", "arm|ep|...") or a
# TSM ("tsm", "tsm_wide", ...).
CLAIMS = [
    ("claim 1: VITask w/ EP at least matches the TSM", "vitask|ep|complete", "tsm"),
    ("claim 2: VITask w/o EP beats vanilla instruction tuning", "vitask|plain|complete", "vanilla|plain|complete"),
    ("claim 3: asked without the label set, VITask (trained on complete) beats vanilla",
     "vitask|plain|no_label_set", "vanilla|plain|no_label_set"),
    ("claim 3: trained and asked without the label set, VITask beats vanilla",
     "vitask_incomplete|plain|no_label_set", "vanilla_incomplete|plain|no_label_set"),
    ("exemplar prompting: VITask w/ EP against vanilla", "vitask|ep|complete", "vanilla|plain|complete"),
    ("ablation: + RDA (no CRT) against vanilla, w/o EP", "rda_only|plain|complete", "vanilla|plain|complete"),
    ("ablation: + CRT (no RDA) against vanilla, w/o EP", "crt_only|plain|complete", "vanilla|plain|complete"),
    ("RDA in the paper's direction against ours, w/o EP", "rda_paper|plain|complete", "vitask|plain|complete"),
    ("vision tower trainable: VITask w/o EP against vanilla", "vitask_vision|plain|complete",
     "vanilla_vision|plain|complete"),
    ("plugged in: VITask w/ EP with tsm_wide against with its own TSM", "vitask_plugged_tsm_wide|ep|complete",
     "vitask|ep|complete"),
    ("plugged in: VITask w/ EP with tsm_wide against tsm_wide alone", "vitask_plugged_tsm_wide|ep|complete", "tsm_wide"),
    *[c for name, (label, _) in EP_ARMS.items() for c in (
        (f"EP changed ({label}) against the paper's EP, w/ EP", f"{name}|ep|complete", "vitask|ep|complete"),
        (f"EP changed ({label}) against the TSM, w/ EP", f"{name}|ep|complete", "tsm"),
        (f"EP changed ({label}) against vanilla, w/o EP", f"{name}|plain|complete", "vanilla|plain|complete"))],
]


def seed_value(seed_results, key):
    per_task = seed_results["evals"][key] if "|" in key else seed_results[key]
    return mean_over_tasks(per_task, "macro_f1")


def comparisons(results, samples):
    """The paired differences of CLAIMS that this run has both sides of."""
    found = []
    for title, a, b in CLAIMS:
        def has(key):
            return key in (results[0]["evals"] if "|" in key else results[0])
        if not (has(a) and has(b)):
            continue
        differences = [100 * (seed_value(r, a) - seed_value(r, b)) for r in results]
        paired = None
        if "|" in a and "|" in b:
            paired = [experiment_stats.PairedSamples(s[a], s[b]) for s in samples]
        low, high = experiment_stats.bootstrap_interval(differences, paired)
        found.append({
            "claim": title, "a": a, "b": b,
            "a_macro_f1": statistics.mean(seed_value(r, a) for r in results),
            "b_macro_f1": statistics.mean(seed_value(r, b) for r in results),
            "per_seed_points": [round(d, 2) for d in differences],
            "mean_points": statistics.mean(differences),
            "seeds_higher": sum(d > 0 for d in differences),
            "sign_test_p": experiment_stats.sign_test(differences),
            "bootstrap_95_points": [low, high],
            "bootstrap_over": "seeds and test samples" if paired is not None else "seeds",
        })
    return found


def claims_table(found):
    lines = ["| comparison (a - b, macro-F1 points) | a | b | per seed | mean | seeds a > b | sign test p | "
             "95 % bootstrap (resampled) |", "|---|---|---|---|---|---|---|---|"]
    for c in found:
        low, high = c["bootstrap_95_points"]
        lines.append(f"| {c['claim']} | {c['a_macro_f1']:.3f} | {c['b_macro_f1']:.3f} | "
                     + ", ".join(f"{d:+.1f}" for d in c["per_seed_points"])
                     + f" | {c['mean_points']:+.1f} | {c['seeds_higher']} of {len(c['per_seed_points'])} | "
                     f"{c['sign_test_p']:.3g} | [{low:+.1f}, {high:+.1f}] ({c['bootstrap_over']}) |")
    return "\n".join(lines)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            return next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.machine()


def header(args, scale, seeds, runs, minutes, generalist_scores=None):
    data = ("every seed on the data of seed 0 (`--fixed-data`)" if args.fixed_data
            else "each seed on its own synthetic data (data seed = run seed)")
    if generalist_scores:
        data += (". Base model: the generalist of `scripts/make_generalist.py`, pretrained on "
                 + ", ".join(f"{task} ({m['macro_f1']:.3f})" for task, m in generalist_scores.items())
                 + " (its test macro-F1 on each), tuned here with LoRA")
    machine = f"{os.cpu_count()} CPU cores, {cpu_model()}"
    made, reused = len(runs.made), len(runs.reused)
    datasets = ("scikit-learn's handwritten digits (`scripts/make_digits.py`: 1,797 images, one 70/10/20 split)"
                if scale.get("dataset") == "digits" else
                f"{len(scale['modalities'])} synthetic datasets ({scale['train']}/{scale['val']}/{scale['test']} "
                f"images per split), {data}")
    return (f"Scale `{args.scale}`, **{seeds} seed(s)**, {datasets}. "
            f"Binary: {runs.binary['version']} (program and libraries sha256 `{runs.binary['sha256'][:16]}`). "
            f"Made by `scripts/run_experiment.py --scale {args.scale} --seeds {seeds}"
            f"{' --fixed-data' if args.fixed_data else ''}` on {datetime.date.today().isoformat()}, {machine}: "
            f"{made} run(s) trained and {reused} reused (same configuration and binary) in {minutes:.1f} min. "
            "Raw numbers: the JSON file beside this one.")


def write_results(path, report, document, block="results"):
    """The report between FILE.md's `block` markers, the document as FILE.json (or, for
    another block, FILE-<block suffix>.json)."""
    with open(path) as f:
        text = f.read()
    begin, end = f"<!-- {block}:begin -->", f"<!-- {block}:end -->"
    if begin not in text or end not in text:
        sys.exit(f"{path}: no {begin} ... {end} markers to write the results between")
    text = text[:text.index(begin) + len(begin)] + "\n" + report + text[text.index(end):]
    with open(path, "w") as f:
        f.write(text)
    with open(os.path.splitext(path)[0] + block[len("results"):] + ".json", "w") as f:
        json.dump(document, f, indent=1, sort_keys=True)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vitask", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--scale", choices=SCALES, default="full")
    parser.add_argument("--seeds", type=int)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--fixed-data", action="store_true", help="every seed on the data of seed 0")
    parser.add_argument("--results", help="write the results block here (and FILE.json beside it)")
    parser.add_argument("--generalist", help="for the generalist scales: scripts/make_generalist.py's --out folder "
                                             "(default OUT/generalist; made there unless valid)")
    args = parser.parse_args()
    scale = SCALES[args.scale]
    seeds = args.seeds or scale["seeds"]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    args.out = os.path.abspath(args.out)
    os.makedirs(args.out, exist_ok=True)
    started = time.time()
    runs = Runs(binary_identity(args.vitask))
    ctx = Context(args, scale, runs, os.path.join(root, "resources", "tokenizers", "vitask-scratch"))
    generalist_scores = None
    if scale.get("generalist"):
        ctx.generalist, pretraining = make_generalist.make_generalist(
            args.vitask, os.path.abspath(args.generalist or os.path.join(args.out, "generalist")), runs, ctx.tokenizer,
            held_out=scale["modalities"])
        generalist_scores = make_generalist.evaluate_generalist(args.vitask, ctx.generalist, pretraining)
    for seed in range(seeds):
        ctx.data[seed] = make_data(args.vitask, args.out, scale, seed, args.fixed_data)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        per_seed_results = [per_seed(ctx, seed, pool) for seed in range(seeds)]
    results = [r for r, _ in per_seed_results]
    samples = [s for _, s in per_seed_results]
    minutes = (time.time() - started) / 60
    main_table, main_summary = table(results)
    grid_table, grid_summary = grid(results)
    found = comparisons(results, samples)
    report = (f"{header(args, scale, seeds, runs, minutes, generalist_scores)}\n\n{main_table}\n\n"
              f"Robustness (mean macro-F1 over the datasets, label-set scoring, without EP):\n\n{grid_table}\n\n"
              f"Paired comparisons (per seed; tests in `scripts/experiment_stats.py`):\n\n{claims_table(found)}\n")
    document = {
        "scale": args.scale, "scale_settings": scale, "seeds": seeds, "fixed_data": args.fixed_data,
        "binary": runs.binary, "date": datetime.date.today().isoformat(), "minutes": minutes,
        "machine": {"cpus": os.cpu_count(), "machine": platform.machine(), "cpu": cpu_model()},
        "runs": {os.path.relpath(folder, args.out): config for folder, config in sorted(runs.configs.items())},
        "runs_trained": len(runs.made), "runs_reused": len(runs.reused),
        "per_seed": results, "summary": {"main": main_summary, "grid": grid_summary}, "comparisons": found,
        "generalist_pretraining_test": generalist_scores,
    }
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(document, f, indent=1, sort_keys=True)
    print(report)
    print(json.dumps({"main": main_summary, "grid": grid_summary, "comparisons": found}))
    if args.results:
        write_results(args.results, report, document, "results" if args.scale == "full" else f"results-{args.scale}")


if __name__ == "__main__":
    main()
