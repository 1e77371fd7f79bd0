#!/usr/bin/python3
"""A small generalist VLM for the synthetic benchmark (docs/results.md, "Tuning a generalist").

The paper adapts a generalist VLM, pretrained on broad data, to each diagnosis task. This
makes the same kind of starting point on a CPU: a small LLaVA trained from scratch by
plain instruction tuning (every parameter) on a broad mixture that leaves the target
tasks out: the four generic tasks (coloured shapes: how many, which colour, where, which
kind) and every synthetic medical modality not held out. The held-out modalities are the
targets scripts/run_experiment.py (--scale generalist) then tunes it on with LoRA.

  scripts/make_generalist.py --vitask build/bin/vitask --out generalist
                             [--hold-out dermoscopy retinal_oct] [--epochs 20] [--train 1000]

The generalist is <out>/generalist/final, a Hugging Face LLaVA folder. It prints the
generalist's macro-F1 on the test split of every pretraining task (label-set scoring)
and writes them to <out>/generalist_eval.json. A run already in <out> whose
configuration, data and `vitask` binary are unchanged is reused, not trained again.
"""
import argparse
import json
import os

from experiment_runs import MODEL, Runs, binary_identity, run, sha256_of, write_config

MEDICAL = ["chest_xray", "dermoscopy", "retinal_oct", "histology"]
GENERIC = ["shape_count", "shape_colour", "shape_position", "shape_kind"]
# The targets of the generalist experiment: one RGB and one grey modality held out, so
# that one of each kind (histology, chest X-ray) stays in the pretraining mixture.
DEFAULT_HOLD_OUT = ["dermoscopy", "retinal_oct"]
# Data seed of the pretraining mixture: apart from the target data's seeds (0, 1, 2, ...).
DATA_SEED = 1000


def pretraining_tasks(held_out):
    return [m for m in MEDICAL if m not in held_out] + GENERIC


def make_generalist(vitask, out, runs, tokenizer, held_out=DEFAULT_HOLD_OUT, train=1000, val=100, test=200,
                    epochs=20):
    """Trains (or reuses) the generalist in `out`; returns its run folder and the
    pretraining data files."""
    unknown = [m for m in held_out if m not in MEDICAL]
    if unknown:
        raise SystemExit(f"--hold-out: unknown modality {', '.join(unknown)}; use some of {', '.join(MEDICAL)}")
    tasks = pretraining_tasks(held_out)
    data = os.path.join(out, "data")
    run(vitask, "data", "synth", "--out", data, "--seed", str(DATA_SEED), "--train", str(train), "--val", str(val),
        "--test", str(test), "--modality", *tasks)
    files = [os.path.join(data, f"synth_{t}.npz") for t in tasks]
    hashes = [f"{os.path.basename(f)} {sha256_of(f)}" for f in files]
    folder = os.path.join(out, "generalist")
    scratch = ", ".join(f"{k}: {v}" for k, v in MODEL.items())
    text = write_config(os.path.join(out, "generalist.yaml"), [
        "preset: custom", "seed: 0", "threads: 1",
        f"model: {{scratch: {{tokenizer: {tokenizer}, {scratch}}}}}",
        "data: [" + ", ".join(files) + "]",
        "training: {batch_size: 32, log_every: 50}",
        "stages:",
        f"  - {{name: pretrain, epochs: {epochs}, lr: 2.0e-3, losses: {{van: 1}}, "
        "trainable: [vision, projector, language]}",
    ])
    if not runs.fresh(folder, os.path.join("final", "vitask.json"), text, hashes):
        run(vitask, "train", os.path.join(out, "generalist.yaml"), "--out", folder)
        runs.finished(folder)
    return folder, files


def evaluate_generalist(vitask, folder, files):
    """Macro-F1 and accuracy per pretraining task on its test split, measured once per
    trained generalist (kept in its run folder, which a new training clears)."""
    kept = os.path.join(folder, "pretraining_test.json")
    if not os.path.exists(kept):
        args = ["--threads", "1", "eval", "--model", os.path.join(folder, "final"), "--json"]
        for f in files:
            args += ["--data", f]
        summary = json.loads(run(vitask, *args))[0]
        scores = {t["task"]: {"accuracy": t["metrics"]["accuracy"], "macro_f1": t["metrics"]["macro_f1"]}
                  for t in summary["tasks"]}
        with open(kept, "w") as f:
            json.dump(scores, f, indent=1, sort_keys=True)
    with open(kept) as f:
        return json.load(f)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vitask", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--hold-out", nargs="+", default=DEFAULT_HOLD_OUT, help="the target modalities, left out")
    parser.add_argument("--train", type=int, default=1000, help="training images per task")
    parser.add_argument("--epochs", type=int, default=20)
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    runs = Runs(binary_identity(args.vitask))
    folder, files = make_generalist(args.vitask, out, runs, os.path.join(root, "resources", "tokenizers", "vitask-scratch"),
                                    args.hold_out, train=args.train, epochs=args.epochs)
    scores = evaluate_generalist(args.vitask, folder, files)
    with open(os.path.join(out, "generalist_eval.json"), "w") as f:
        json.dump({"binary": runs.binary, "held_out": args.hold_out, "test": scores}, f, indent=1, sort_keys=True)
    print(f"generalist: {os.path.join(folder, 'final')} ({'reused' if runs.reused else 'trained'})")
    for task, metrics in scores.items():
        print(f"  {task:24s} accuracy {metrics['accuracy']:.3f}  macro-F1 {metrics['macro_f1']:.3f}")


if __name__ == "__main__":
    main()
