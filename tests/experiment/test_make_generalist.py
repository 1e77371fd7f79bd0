#!/usr/bin/python3
"""scripts/make_generalist.py through the real `vitask` (argv[1]), at a tiny size: the
generalist is a Hugging Face LLaVA folder trained on exactly the generic tasks and the
medical modalities not held out (a held-out one in its data would leak the targets), a
second call reuses it, and a changed configuration trains it again."""
import json
import os
import subprocess
import sys
import tempfile

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "make_generalist.py")


def check(condition, message):
    if not condition:
        sys.exit(f"FAIL: {message}")


def make(vitask, out, *extra):
    result = subprocess.run(["/usr/bin/python3", SCRIPT, "--vitask", vitask, "--out", out, "--train", "24",
                             "--epochs", "1", *extra], capture_output=True, text=True)
    check(result.returncode == 0, f"make_generalist.py failed: {result.stderr}{result.stdout}")
    return result.stdout


def main():
    vitask = sys.argv[1]
    with tempfile.TemporaryDirectory() as out:
        first = make(vitask, out, "--hold-out", "dermoscopy")
        final = os.path.join(out, "generalist", "final")
        with open(os.path.join(final, "config.json")) as f:
            check(json.load(f)["model_type"] == "llava", "final/ is not a LLaVA folder")
        with open(os.path.join(out, "generalist_eval.json")) as f:
            tasks = set(json.load(f)["test"])
        expected = {"synth_chest_xray", "synth_retinal_oct", "synth_histology", "synth_shape_count",
                    "synth_shape_colour", "synth_shape_position", "synth_shape_kind"}
        check(tasks == expected, f"pretrained on {sorted(tasks)}, expected {sorted(expected)}")
        with open(os.path.join(out, "generalist.yaml")) as f:
            check("dermoscopy" not in f.read(), "the held-out modality is in the pretraining data")
        check("(trained)" in first, first)
        check("(reused)" in make(vitask, out, "--hold-out", "dermoscopy"), "an unchanged generalist was trained again")
        check("(trained)" in make(vitask, out, "--hold-out", "retinal_oct"), "a changed mixture reused the old model")
    print("PASS: make_generalist")


if __name__ == "__main__":
    main()
