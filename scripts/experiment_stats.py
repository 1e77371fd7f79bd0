"""Paired statistics for scripts/run_experiment.py: how sure a difference between two arms
of the results table is.

Two arms of one seed share that seed's warm-up and data, so they are compared seed by
seed (paired). Two tests, both printed beside each difference in docs/results.md:
  - an exact two-sided sign test over the seeds (ties dropped): with 5 seeds, the
    smallest p it can give is 0.0625, which says how little 5 seeds can show;
  - a paired percentile bootstrap of the mean difference (95 %): seeds are resampled,
    and, where both arms have per-sample answers (`vitask eval --out`), the test samples
    of each task too, the same samples for both arms; macro-F1 is recomputed on every
    resample. Comparisons with a TSM (no per-sample answers from `vitask tsm eval`)
    resample the seeds only.
"""
import math

import numpy as np

BOOTSTRAP_ROUNDS = 2000


def sign_test(differences):
    """Exact two-sided sign test p for `differences` (zeros dropped); 1.0 when none remain."""
    signs = [d for d in differences if d != 0]
    n = len(signs)
    if n == 0:
        return 1.0
    k = min(sum(d > 0 for d in signs), sum(d < 0 for d in signs))
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def macro_f1(truth, answer, classes):
    """Macro-F1 over the classes present in `truth` or `answer` (sklearn's f1_score with
    average='macro' and zero_division=0); `truth` and `answer` are integer codes."""
    present = np.union1d(np.unique(truth), np.unique(answer))
    hits = np.bincount(truth[truth == answer], minlength=classes)
    true_counts = np.bincount(truth, minlength=classes)
    answer_counts = np.bincount(answer, minlength=classes)
    denominator = true_counts + answer_counts
    f1 = np.divide(2.0 * hits, denominator, out=np.zeros(classes), where=denominator > 0)
    return float(f1[present].mean())


class PairedSamples:
    """One seed's per-sample answers of two arms on every task, as integer codes."""

    def __init__(self, a_predictions, b_predictions):
        """`*_predictions`: {task: [(truth, answer), ...]} in the same sample order."""
        self.tasks = []
        for task, a_rows in sorted(a_predictions.items()):
            b_rows = b_predictions[task]
            if [t for t, _ in a_rows] != [t for t, _ in b_rows]:
                raise ValueError(f"{task}: the two arms were evaluated on different samples")
            names = sorted({t for t, _ in a_rows} | {x for _, x in a_rows} | {x for _, x in b_rows})
            code = {name: i for i, name in enumerate(names)}
            self.tasks.append((np.array([code[t] for t, _ in a_rows]), np.array([code[x] for _, x in a_rows]),
                               np.array([code[x] for _, x in b_rows]), len(names)))

    def difference(self, rng=None):
        """Mean over tasks of macro-F1(a) - macro-F1(b), in points (x 100); on a resample of
        the samples when `rng` is given (the same indices for both arms)."""
        values = []
        for truth, a, b, classes in self.tasks:
            index = rng.integers(0, len(truth), len(truth)) if rng is not None else slice(None)
            values.append(macro_f1(truth[index], a[index], classes) - macro_f1(truth[index], b[index], classes))
        return 100 * float(np.mean(values))


def bootstrap_interval(per_seed_differences, paired_samples=None, rounds=BOOTSTRAP_ROUNDS, seed=0):
    """95 % percentile interval of the mean of `per_seed_differences` (points) over seeds.
    With `paired_samples` (one PairedSamples per seed, the same order) the test samples
    are resampled too, inside each drawn seed."""
    rng = np.random.default_rng(seed)
    n = len(per_seed_differences)
    means = []
    for _ in range(rounds):
        drawn = rng.integers(0, n, n)
        if paired_samples is None:
            means.append(float(np.mean([per_seed_differences[i] for i in drawn])))
        else:
            means.append(float(np.mean([paired_samples[i].difference(rng) for i in drawn])))
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)
