#!/usr/bin/python3
"""Calibrates the synthetic benchmark (`vitask data synth`): trains a small CNN on each
synthetic .npz in a folder and prints its test accuracy, next to two pixel baselines
(nearest class mean, logistic regression). The defaults of the generator are chosen so
that the CNN lands at roughly 85-95%: high enough that the classes are clearly learnable,
low enough that a better method still has room to show. docs/formats.md records the
figures this script gave.

    vitask data synth --out /tmp/synth
    /usr/bin/python3 core/vitask/tools/calibrate_synthetic.py /tmp/synth [--epochs 15]

Needs numpy and torch (Debian: python3-torch); runs on one CPU thread in about a minute.
"""
import argparse
import glob
import json
import os

import numpy as np
import torch
import torch.nn as nn


def load(path):
    data = np.load(path)
    out = {}
    for split in ("train", "val", "test"):
        x = data[split + "_images"].astype(np.float32) / 255.0
        x = x[:, None] if x.ndim == 3 else x.transpose(0, 3, 1, 2)
        out[split] = (torch.from_numpy(np.ascontiguousarray(x)), torch.from_numpy(data[split + "_labels"][:, 0].astype(np.int64)))
    return out


def small_cnn(channels, classes, size):
    return nn.Sequential(
        nn.Conv2d(channels, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        nn.Flatten(), nn.Linear(64, classes))


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


def train_cnn(splits, classes, epochs, seed):
    torch.manual_seed(seed)
    x, y = splits["train"]
    model = small_cnn(x.shape[1], classes, x.shape[2])
    optimiser = torch.optim.Adam(model.parameters(), lr=3e-3)
    best_val, best_state = -1.0, None
    for _ in range(epochs):
        model.train()
        order = torch.randperm(len(x))
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            optimiser.zero_grad()
            nn.functional.cross_entropy(model(x[batch]), y[batch]).backward()
            optimiser.step()
        val = accuracy(model, *splits["val"])
        if val > best_val:
            best_val, best_state = val, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    return best_val, accuracy(model, *splits["test"])


def nearest_class_mean(splits, classes):
    x, y = splits["train"]
    flat = x.flatten(1)
    means = torch.stack([flat[y == c].mean(0) for c in range(classes)])
    xt, yt = splits["test"]
    return (torch.cdist(xt.flatten(1), means).argmin(1) == yt).float().mean().item()


def logistic(splits, classes, seed):
    torch.manual_seed(seed)
    x, y = splits["train"]
    flat = x.flatten(1)
    mean, std = flat.mean(0), flat.std(0) + 1e-3
    model = nn.Linear(flat.shape[1], classes)
    optimiser = torch.optim.LBFGS(model.parameters(), max_iter=200)
    def closure():
        optimiser.zero_grad()
        loss = nn.functional.cross_entropy(model((flat - mean) / std), y) + 1e-3 * model.weight.pow(2).sum()
        loss.backward()
        return loss
    optimiser.step(closure)
    xt, yt = splits["test"]
    return (model((xt.flatten(1) - mean) / std).argmax(1) == yt).float().mean().item()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(1)
    results = []
    for path in sorted(glob.glob(os.path.join(args.folder, "*.npz"))):
        with open(path[:-4] + ".json") as f:
            classes = len(json.load(f)["labels"])
        splits = load(path)
        val, test = train_cnn(splits, classes, args.epochs, args.seed)
        results.append({"dataset": os.path.basename(path)[:-4], "classes": classes, "cnn_val": round(val, 3),
                        "cnn_test": round(test, 3), "nearest_mean_test": round(nearest_class_mean(splits, classes), 3),
                        "logistic_test": round(logistic(splits, classes, args.seed), 3)})
        print(json.dumps(results[-1]), flush=True)


if __name__ == "__main__":
    main()
