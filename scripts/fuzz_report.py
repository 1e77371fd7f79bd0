#!/usr/bin/env python3
"""Records a scripts/fuzz.sh run: for each target, executions, speed, coverage (libFuzzer's
edge counter `cov` and feature counter `ft`), corpus size, peak memory and what it found,
read from the target's log. Writes docs/fuzz/<target>.log (the log's last lines, the raw
output behind the table), docs/fuzz/summary.json, and the table between the fuzz-table
markers of docs/reliability.md. Exits 1 when a target found something or did not finish.

    scripts/fuzz_report.py BUILD/fuzz DOCS TARGET...
    scripts/fuzz_report.py BUILD/fuzz DOCS          (the table again from docs/fuzz/summary.json)
"""
import json
import re
import sys
from pathlib import Path

BEGIN, END = "<!-- fuzz-table:begin (scripts/fuzz_report.py) -->", "<!-- fuzz-table:end -->"
FINDING = re.compile(r"==\d+==ERROR: (\w+Sanitizer: [\w-]+|libFuzzer: [\w-]+)|(runtime error: .*)|fuzz: (.*escaped.*|toYaml.*)")


def parse(log: str) -> dict:
    stats = dict(re.findall(r"^stat::(\w+):\s+(\d+)", log, re.M))
    progress = re.findall(r"^#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)/(\S+)", log, re.M)
    found = [next(g for g in m if g) for m in FINDING.findall(log)]
    artifacts = re.findall(r"Test unit written to (\S+)", log)
    last = progress[-1] if progress else ("0", "0", "0", "0", "0b")
    return {
        "executions": int(stats.get("number_of_executed_units", last[0])),
        "exec_per_s": int(stats.get("average_exec_per_sec", 0)),
        "peak_rss_mb": int(stats.get("peak_rss_mb", 0)),
        "seconds": int(stats.get("number_of_executed_units", 0)) // max(1, int(stats.get("average_exec_per_sec", 1))),
        "coverage_edges": int(last[1]),
        "features": int(last[2]),
        "corpus": f"{last[3]} inputs, {last[4]}",
        "findings": sorted(set(found)),
        "artifacts": artifacts,
        "finished": "Done " in log and not found,
    }


def main() -> int:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    work, docs, targets = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    out = docs / "fuzz"
    out.mkdir(parents=True, exist_ok=True)
    summary_file = out / "summary.json"
    summary = json.loads(summary_file.read_text()) if summary_file.exists() else {}
    for target in targets:
        log = (work / "logs" / f"{target}.log").read_text(errors="replace")
        summary[target] = parse(log)
        (out / f"{target}.log").write_text("\n".join(log.splitlines()[-40:]) + "\n")
    summary_file.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")

    rows = ["| target | executions | time | exec/s | edges covered | features | corpus | peak RSS | result |",
            "|---|---:|---:|---:|---:|---:|---|---:|---|"]
    for target, r in sorted(summary.items()):
        result = "clean" if r["finished"] else ("; ".join(r["findings"]) or "did not finish")
        rows.append(f"| `{target}` | {r['executions']:,} | {r['seconds'] // 60} min {r['seconds'] % 60} s | {r['exec_per_s']:,} | {r['coverage_edges']:,} | "
                    f"{r['features']:,} | {r['corpus']} | {r['peak_rss_mb']} MB | {result} |")
    table = "\n".join(rows)
    reliability = docs / "reliability.md"
    text = reliability.read_text()
    if BEGIN in text:
        head, rest = text.split(BEGIN, 1)
        text = head + BEGIN + "\n" + table + "\n" + END + rest.split(END, 1)[1]
        reliability.write_text(text)
    print(table)
    bad = [t for t in targets if not summary[t]["finished"]]
    for target in bad:
        print(f"fuzz_report: {target}: {summary[target]['findings'] or 'did not finish'} {summary[target]['artifacts']}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
