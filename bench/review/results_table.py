#!/usr/bin/python3
"""Prints the Markdown table of docs/benchmarks.md's review section from bench_review's
JSON (so that no figure is typed by hand). usage: results_table.py RESULT.json"""
import json
import sys


def ms(value):
    return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def yes(met):
    return "yes" if met else "**no**"


def main():
    d = json.load(open(sys.argv[1]))
    n, e, a = d["next_case"], d["export"], d["answering"]
    ours, cold, peer = n["ours_ms"], n["cold_ms"], n["peer_ms"]
    rows = ["| measurement | vitask studio | peer (same run) | target | met |", "|---|---|---|---|---|"]
    rows.append(f"| next case shown (image + precomputed answers painted), median / p95 / max of {ours['runs']} "
                f"| {ms(ours['median'])} / {ms(ours['p95'])} / {ms(ours['max'])}; a jump to a case not prefetched: "
                f"{ms(cold['median'])} / {ms(cold['p95'])} / {ms(cold['max'])} "
                f"| pydicom read + window (no display) {ms(peer['median'])} / {ms(peer['p95'])} "
                f"| < {n['target_ms']} ms | {yes(n['met'])} |")
    rows.append(f"| export of {d['cases']} cases: PDF + DICOM SR + Secondary Capture, de-identified "
                f"| {e['seconds']:.1f} s ({e['files']} files, PDF {e['pdf_bytes'] / 1e6:.1f} MB) "
                f"| QPdfWriter drawing the same pages without layout {e['peer_seconds']:.2f} s "
                f"| < {e['target_s']} s | {yes(e['met'])} |")
    rows.append(f"| (context) the demo model answering the {d['cases']} cases in the background "
                f"| {a['seconds']:.0f} s, {a['per_case_ms']:.0f} ms per case (listing {a['list_ms']:.0f} ms) | | | |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
