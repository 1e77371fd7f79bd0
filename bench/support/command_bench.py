"""What the whole-command benchmarks share (bench/cli, bench/pacs, bench/recipe): their
command line (--vitask BUILD/bin/vitask to run, --table RESULT.json to print a result's
markdown table for docs/benchmarks.md) and timing one command from start to exit."""
import argparse
import json
import os
import shutil
import subprocess
import time


class CommandFailed(Exception):
    pass


def run_timed(command, out, make_out=True):
    """Seconds from start to exit of `command`, run with its output folder `out` emptied
    first (and made again when make_out). Raises CommandFailed with its stderr."""
    shutil.rmtree(out, ignore_errors=True)
    if make_out:
        os.makedirs(out)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise CommandFailed(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-2000:]}")
    return seconds


def main(doc, add_arguments, run, table):
    """Parses the command line; prints table(result) for --table, else the JSON of
    run(args) (args.vitask made absolute)."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--table", help="print the markdown table of a result file and exit")
    parser.add_argument("--vitask", help="the vitask to time (build/bin/vitask)")
    add_arguments(parser)
    args = parser.parse_args()
    if args.table:
        with open(args.table) as f:
            print(table(json.load(f)))
        return
    if not args.vitask:
        parser.error("--vitask is required")
    args.vitask = os.path.abspath(args.vitask)
    try:
        print(json.dumps(run(args), indent=1))
    except CommandFailed as failure:
        raise SystemExit(str(failure))
