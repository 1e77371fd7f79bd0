#!/usr/bin/python3
"""Runs every example of the documentation as written: the fenced blocks whose info string
is `sh example` in README.md and docs/*.md, each line (with its backslash continuations) a
command run by bash from the repository's root. A command that fails fails the test, with
its file, line and output. The examples use the built-in demo (resources/demo) and the
build's programs (build/bin/...), which VITASK_BINARY_DIR/bin replaces when it differs.

  tests/docs/run_doc_examples.py [ROOT]
"""
import glob
import os
import re
import subprocess
import sys

BLOCK = re.compile(r"^```sh example\n(.*?)^```", re.S | re.M)


def examples(root):
    files = [os.path.join(root, "README.md")] + sorted(glob.glob(os.path.join(root, "docs", "*.md")))
    for path in files:
        with open(path) as f:
            text = f.read()
        for match in BLOCK.finditer(text):
            line = text.count("\n", 0, match.start()) + 2
            for command in match.group(1).replace("\\\n", " ").splitlines():
                if command.strip() and not command.lstrip().startswith("#"):
                    yield os.path.relpath(path, root), line, command.strip()


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
    binary = os.environ.get("VITASK_BINARY_DIR")
    found = failed = 0
    for path, line, command in examples(root):
        found += 1
        if binary and os.path.abspath(binary) != os.path.join(root, "build"):
            command = command.replace("build/bin/", os.path.join(binary, "bin") + "/")
        result = subprocess.run(["bash", "-c", command], cwd=root, capture_output=True, text=True, timeout=600)
        status = "ok" if result.returncode == 0 else f"FAILED ({result.returncode})"
        print(f"{path}:{line}: {status}: {command}")
        if result.returncode != 0:
            failed += 1
            print(result.stdout[-2000:] + result.stderr[-2000:])
    print(f"{found} examples, {failed} failed")
    if found == 0:
        print("no examples found: the documentation lost its ```sh example blocks")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
