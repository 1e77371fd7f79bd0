#!/usr/bin/python3
"""Prints the Markdown table of docs/benchmarks.md's Runs page section from bench_runs'
JSON (so that no figure is typed by hand). usage: results_table.py RESULT.json"""
import json
import sys


def ms(value):
    return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def yes(met):
    return "yes" if met else "**no**"


def main():
    d = json.load(open(sys.argv[1]))
    o, f, peer = d["open"], d["follow"], d["open"]["peer"]
    runs = o["painted_ms_per_run"]
    pandas = f"; pandas.read_json(lines=True) {ms(peer['pandas_ms'])}" if peer.get("pandas_ms") else \
        " (pandas is not installed)"
    rows = ["| measurement | vitask studio | peer (same run) | target | met |", "|---|---|---|---|---|"]
    rows.append(f"| open a run of {d['run']['records']:,} metrics records ({d['run']['bytes'] / 1e6:.0f} MB) until its "
                f"curves are painted, median / max of {len(runs)} "
                f"| {ms(o['median_ms'])} / {ms(o['max_ms'])}; parsing alone {ms(o['parse_only_ms'])}; longest UI-thread "
                f"stall meanwhile {ms(max(o['longest_ui_stall_ms_per_run']))} "
                f"| Python json.loads of every line {ms(peer['json_loads_ms'])}{pandas} "
                f"| < {o['target_ms']} ms | {yes(o['met'])} |")
    rows.append(f"| longest UI-thread stall ({f['tick_ms']} ms timer) while following a run that gets a record every "
                f"{f['writer_interval_ms']} ms, {f['seconds']:.0f} s "
                f"| {ms(f['longest_gap_ms'])} (p99 {ms(f['p99_gap_ms'])}; {f['records_followed']} records followed, "
                f"read every {f['poll_interval_ms']} ms) "
                f"| the same timer on an idle event loop: {ms(f['idle_floor']['longest_gap_ms'])} "
                f"| < {f['target_ms']} ms | {yes(f['met'])} |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
