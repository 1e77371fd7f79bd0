#!/usr/bin/python3
"""scripts/make_digits.py against scikit-learn's own copy of the digits: every image once
(1,797 across the splits), its label kept, 70/10/20 within each class, and the file read
by the real `vitask data inspect` (argv[1]) with the sidecar's label names."""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.datasets import load_digits

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "make_digits.py")


def check(condition, message):
    if not condition:
        sys.exit(f"FAIL: {message}")


def main():
    with tempfile.TemporaryDirectory() as out:
        made = subprocess.run(["/usr/bin/python3", SCRIPT, "--out", out], capture_output=True, text=True)
        check(made.returncode == 0, made.stderr)
        data = np.load(os.path.join(out, "digits.npz"))
        labels = {s: data[f"{s}_labels"].ravel() for s in ("train", "val", "test")}
        check(sum(len(v) for v in labels.values()) == 1797, "not every image is in a split")
        reference = np.bincount(load_digits().target, minlength=10)
        ours = sum(np.bincount(v, minlength=10) for v in labels.values())
        check((ours == reference).all(), f"class counts {ours} != scikit-learn's {reference}")
        train_share = np.bincount(labels["train"], minlength=10) / reference
        check(np.all(np.abs(train_share - 0.7) < 0.01), f"train share per class {train_share}")
        check(data["train_images"].shape[1:] == (28, 28) and data["train_images"].max() == 255, "not 28 px, 0-255")
        inspect = subprocess.run([sys.argv[1], "--no-log-file", "data", "inspect", os.path.join(out, "digits.npz"),
                                  "--json"], capture_output=True, text=True)
        check(inspect.returncode == 0, inspect.stderr)
        check('"nine"' in inspect.stdout and "handwritten digit" in inspect.stdout, inspect.stdout[:500])
    print("PASS: make_digits")


if __name__ == "__main__":
    main()
