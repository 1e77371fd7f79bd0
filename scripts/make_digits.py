#!/usr/bin/python3
"""A small real dataset in the MedMNIST layout: scikit-learn's handwritten digits.

1,797 scans of handwritten digits (UCI, 8 x 8 pixels, 17 grey levels), shipped with
scikit-learn (Debian's python3-sklearn), so it needs no download. Written as
<out>/digits.npz (uint8 images resampled to 28 x 28, labels (N, 1)) with its sidecar
<out>/digits.json naming the classes, split per class 70/10/20 with a fixed seed. It is
the real data on which exemplar prompting is checked against a strong TSM
(docs/results.md): not medical, but not drawn by us either.

  scripts/make_digits.py --out data/digits [--size 28] [--seed 0]
"""
import argparse
import json
import os

import numpy as np
from PIL import Image
from sklearn.datasets import load_digits

NAMES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def split_per_class(labels, seed, fractions=(0.7, 0.1, 0.2)):
    """Indices of train, val and test: each class shuffled with `seed` and cut by `fractions`."""
    rng = np.random.default_rng(seed)
    parts = ([], [], [])
    for c in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == c))
        train_end = int(round(fractions[0] * len(members)))
        val_end = train_end + int(round(fractions[1] * len(members)))
        for part, chunk in zip(parts, (members[:train_end], members[train_end:val_end], members[val_end:])):
            part.extend(chunk.tolist())
    return [np.array(sorted(p)) for p in parts]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", type=int, default=28)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    digits = load_digits()
    grey = np.rint(digits.images / 16.0 * 255).astype(np.uint8)
    images = np.stack([np.asarray(Image.fromarray(g).resize((args.size, args.size), Image.BILINEAR)) for g in grey])
    labels = digits.target.astype(np.uint8)
    os.makedirs(args.out, exist_ok=True)
    arrays = {}
    for name, index in zip(("train", "val", "test"), split_per_class(labels, args.seed)):
        arrays[f"{name}_images"] = images[index]
        arrays[f"{name}_labels"] = labels[index].reshape(-1, 1)
    np.savez_compressed(os.path.join(args.out, "digits.npz"), **arrays)
    with open(os.path.join(args.out, "digits.json"), "w") as f:
        json.dump({"name": "digits", "modality": "handwritten digit", "task": "multi-class", "labels": NAMES}, f)
        f.write("\n")
    print(f"{os.path.join(args.out, 'digits.npz')}: " +
          ", ".join(f"{len(arrays[s + '_labels'])} {s}" for s in ("train", "val", "test")))


if __name__ == "__main__":
    main()
