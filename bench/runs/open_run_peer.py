#!/usr/bin/python3
"""The peer of bench_runs' "open" measurement: reading a run's metrics.jsonl the way a
Python notebook does, json.loads of every line (and pandas.read_json(lines=True) when
pandas is installed), file read included, interpreter start excluded. Prints JSON.
usage: open_run_peer.py METRICS.jsonl [RUNS]"""
import json
import sys
import time


def timed(read, runs):
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = read()
        times.append((time.perf_counter() - start) * 1000)
    return result, sorted(times)[len(times) // 2], times


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3

    def read_json_lines():
        with open(path) as f:
            return [json.loads(line) for line in f if line.strip()]

    records, median_ms, all_ms = timed(read_json_lines, runs)
    out = {"what": "json.loads of every line, /usr/bin/python3 " + sys.version.split()[0],
           "records": len(records), "json_loads_ms": median_ms, "json_loads_ms_per_run": all_ms,
           "pandas_ms": None, "pandas": None}
    try:
        import pandas
        frame, pandas_ms, _ = timed(lambda: pandas.read_json(path, lines=True), runs)
        out["pandas_ms"] = pandas_ms
        out["pandas"] = pandas.__version__
    except ImportError:
        pass
    print(json.dumps(out))


if __name__ == "__main__":
    main()
