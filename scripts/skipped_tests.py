#!/usr/bin/python3
"""Lists the tests of the last `ctest` run that skipped, with their reasons, and fails
when one skipped for a reason the machine should have provided.

A Qt Test QSKIP marks its suite "Skipped" in CTest (SKIP_REGULAR_EXPRESSION, set by
vitask_add_qtest); this reads why from the run's log, Testing/Temporary/LastTest.log.
On a developer's machine a skip is reported and allowed; with --strict (CI: .ci/run) only
the reasons matching ALLOWED may skip: everything else a test needs (Python modules,
test corpora, tools) is installed by scripts/install-deps.sh, so its absence is a fault.

  scripts/skipped_tests.py BUILD_DIR [--strict]
"""
import os
import re
import sys

# The only thing CI cannot provide: a GPU.
ALLOWED = re.compile(r"no CUDA device")
TEST = re.compile(r"^\d+/\d+ Testing: (\S+)$", re.M)
SKIP = re.compile(r"^SKIP   : (\S+) (.*)$", re.M)


def skipped(log):
    """(test, function, reason) for every QSKIP in the log."""
    starts = [(m.start(), m.group(1)) for m in TEST.finditer(log)] + [(len(log), None)]
    for (start, test), (end, _) in zip(starts, starts[1:]):
        for match in SKIP.finditer(log, start, end):
            yield test, match.group(1), match.group(2).strip()


def main():
    args = [a for a in sys.argv[1:] if a != "--strict"]
    strict = "--strict" in sys.argv[1:]
    log_path = os.path.join(args[0] if args else "build", "Testing", "Temporary", "LastTest.log")
    with open(log_path, errors="replace") as f:
        found = list(skipped(f.read()))
    if not found:
        print("skipped tests: none")
        return 0
    faults = [s for s in found if not ALLOWED.search(s[2])]
    for test, function, reason in found:
        verdict = "allowed" if ALLOWED.search(reason) else ("FAULT" if strict else "skipped")
        print(f"skipped tests: {test}: {function}: {reason} [{verdict}]")
    if strict and faults:
        print(f"skipped tests: {len(faults)} skipped for something scripts/install-deps.sh should have "
              "installed; only a missing GPU may skip here", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
