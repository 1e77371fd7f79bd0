#!/usr/bin/python3
"""scripts/experiment_stats.py against references it did not write: macro-F1 against
scikit-learn's f1_score (python3-sklearn), the sign test against binomial tails worked
out by hand, the paired bootstrap's interval against what it must contain."""
import os
import sys

import numpy as np
from sklearn.metrics import f1_score

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import experiment_stats as stats  # noqa: E402


def check(condition, message):
    if not condition:
        sys.exit(f"FAIL: {message}")


def macro_f1_equals_sklearn():
    rng = np.random.default_rng(7)
    cases = [(rng.integers(0, 4, 60), rng.integers(0, 4, 60), 4),
             (rng.integers(0, 3, 40), rng.integers(0, 5, 40), 5),  # answers outside the truths' classes
             (np.zeros(10, int), np.zeros(10, int), 3),  # one class, all right
             (np.array([0, 0, 1, 1]), np.array([2, 2, 2, 2]), 3)]  # a class never predicted, one never true
    for truth, answer, classes in cases:
        ours = stats.macro_f1(truth, answer, classes)
        reference = f1_score(truth, answer, average="macro", zero_division=0)
        check(abs(ours - reference) < 1e-12, f"macro-F1 {ours} != sklearn {reference} for {truth} / {answer}")


def sign_test_is_exact():
    # 5 of 5 positive: 2 * (1/2)^5 = 0.0625; 4 of 5: 2 * (1 + 5) / 32 = 0.375; ties dropped.
    check(stats.sign_test([1, 2, 3, 4, 5]) == 0.0625, "5 of 5")
    check(stats.sign_test([1, 2, 3, 4, -5]) == 0.375, "4 of 5")
    check(stats.sign_test([1, 0, 0, 2, 3, 4, 5]) == 0.0625, "zeros are not dropped")
    check(stats.sign_test([0, 0]) == 1.0, "all ties")
    check(stats.sign_test([-1, 1]) == 1.0, "1 of 2")


def bootstrap_brackets_the_mean():
    differences = [8.2, 9.4, 5.4, 6.9, 6.1]
    low, high = stats.bootstrap_interval(differences)
    check(min(differences) <= low <= np.mean(differences) <= high <= max(differences),
          f"interval [{low}, {high}] of {differences}")
    # Paired samples: arm a is right on every sample, arm b on half; per-sample resampling
    # keeps the difference positive, and the point difference is what macro-F1 gives.
    truth = np.array(["x", "y"] * 50)
    a = {"t": list(zip(truth, truth))}
    b = {"t": list(zip(truth, ["x"] * 100))}
    paired = [stats.PairedSamples(a, b) for _ in range(3)]
    point = paired[0].difference()
    expected = 100 * (1.0 - f1_score(truth, ["x"] * 100, average="macro", zero_division=0))
    check(abs(point - expected) < 1e-9, f"paired difference {point} != {expected}")
    low, high = stats.bootstrap_interval([point] * 3, paired, rounds=200)
    check(0 < low <= point <= high, f"paired interval [{low}, {high}] around {point}")
    try:
        stats.PairedSamples(a, {"t": list(zip(truth[::-1], truth))})
        check(False, "arms evaluated on different samples were accepted")
    except ValueError:
        pass


macro_f1_equals_sklearn()
sign_test_is_exact()
bootstrap_brackets_the_mean()
print("experiment_stats: macro-F1 equals sklearn's, the sign test is exact, the bootstrap brackets the mean")
