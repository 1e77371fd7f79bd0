#!/usr/bin/python3
"""Prints the Markdown of docs/benchmarks.md's imaging results from bench_imaging's JSON,
so that no figure is typed by hand.
usage: results_table.py RESULT.json            the dated results subsection's tables
       results_table.py --readme RESULT.json   README.md's imaging sentence (feature table)
Ratios are peer seconds / our seconds per pair (above 1: ours is faster); each figure is
the median over the alternating pairs with the min-max spread."""
import json
import sys

MODES = {"default": "default threads", "one_thread": "one thread each"}


def secs(value):
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def spread(stats, fmt):
    return f"{fmt(stats['median'])} ({fmt(stats['min'])}-{fmt(stats['max'])})"


def ratio(value):
    return f"{value:.2f}x"


def threads(t):
    if "peer_itk_multithreader" in t:  # ITK starts its pool; the reader works file by file
        return f"{t['ours']} / {t['peer']} (ITK pool of {t['peer_itk_multithreader']} started)"
    return f"{t['ours']} / {t['peer']}"


def check(c):
    k = c.get("check", {})
    if "max_abs_diff_grey_levels" in k:
        if k["same_values"]:
            return "same pixels"
        return (f"{k['pixels_differing']} of {k['pixels']} pixels differ, by at most "
                f"{k['max_abs_diff_grey_levels']:.0f} grey level(s)")
    if "ours_bytes" in k:
        same = "same voxel sum" if k["same_values"] and k["same_dims"] else "**different voxels**"
        return f"{same}; files {k['ours_bytes'] / 2**20:.1f} / {k['peer_bytes'] / 2**20:.1f} MiB"
    return "same voxel sum" if k.get("same_values") else "**different voxel sum**"


def loads(c):
    values = c["loadavg_1min"]
    return f"{min(values):.1f}-{max(values):.1f}"


def verdict(r):
    if r["min"] > 1:
        return "ours faster in every pair"
    if r["max"] < 1:
        return "**ours slower in every pair**"
    return "mixed: ours faster in some pairs, slower in others"


def tables(d):
    out = []
    m = d["machine"]
    v = d["versions"]
    out.append(f"Command: `{d['command']}`; machine: {m['nproc']} cores, \"{m['cpu']}\"; load average "
               f"{m['loadavg_start']} at the start, {m['loadavg_end']} at the end; peers: pydicom {v['pydicom']}, "
               f"nibabel {v['nibabel']}, numpy {v['numpy']}, ITK {v['itk']}, {v['dcm2niix'].split('  ')[0]}, "
               f"dcm2pnm ({v['dcm2pnm']}); ours: {v['vitask']}.")
    out.append("")
    for mode, results in d["modes"].items():
        env = ", ".join(f"{k}={val}" for k, val in results["env"].items())
        out.append(f"**{MODES.get(mode, mode)}** ({env}):")
        out.append("")
        out.append("| what (timing) | ours | peer | ours: median (min-max) | peer: median (min-max) "
                   "| ratio peer / ours: median (min-max) | verdict | threads ours / peer | outputs | load (1 min) |")
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        for c in results["comparisons"]:
            t = "in-process" if c["timing"].startswith("in-process") else "whole command"
            out.append(f"| {c['what']} ({t}) | {c['ours']} | {c['peer']} | {spread(c['ours_stats_s'], secs)} "
                       f"| {spread(c['peer_stats_s'], secs)} | {spread(c['ratio_stats'], ratio)} "
                       f"| {verdict(c['ratio_stats'])} | {threads(c['threads'])} | {check(c)} | {loads(c)} |")
        out.append("")
        pairs = {c["pairs"] for c in results["comparisons"]}
        out.append(f"{'/'.join(str(p) for p in sorted(pairs))} alternating pairs per row (ours, peer, ours, peer, ...) "
                   "after one untimed warm-up pair; each run a fresh process.")
        out.append("")
    start = d.get("context", {}).get("vitask_cli_start")
    if start:
        out.append(f"Context for the whole-command rows: starting our CLI alone (`vitask --help`, it loads LibTorch, "
                   f"OpenCV, ITK and DCMTK whatever the command) takes {spread(start['stats_s'], secs)} "
                   f"({len(start['runs_s'])} runs).")
        out.append("")
    mem = d["memory"]
    vol = d["volume"]["float32_mb"]
    out.append(f"| peak memory of our reads (volume: {vol:.0f} MB float32) | process peak | at start "
               "| peak / volume | (peak - start) / volume | target (growth) | met |")
    out.append("|---|---|---|---|---|---|---|")
    for kind in ("dicom", "nifti"):
        x = mem[kind]
        out.append(f"| {kind.upper() if kind == 'dicom' else 'NIfTI'} | {x['peak_rss_mb']:.0f} MB | {x['rss_at_start_mb']:.0f} MB "
                   f"| {x['peak_over_volume']:.2f} | {x['growth_over_volume']:.2f} | <= 1.3 | {'yes' if x['met'] else '**no**'} |")
    return "\n".join(out)


def find(d, mode, cid):
    for c in d["modes"].get(mode, {}).get("comparisons", []):
        if c["id"] == cid:
            return c
    return None


def faster(c, peer):
    r = c["ratio_stats"]
    if r["median"] >= 1:
        return f"{r['median']:.1f}x faster than {peer} ({r['min']:.1f}-{r['max']:.1f}x"
    return f"{1 / r['median']:.1f}x slower than {peer} ({1 / r['max']:.1f}-{1 / r['min']:.1f}x"


def readme(d):
    slices = d["volume"]["dicom_files"]
    parts = []
    dp, di = find(d, "default", "dicom_pydicom"), find(d, "default", "dicom_itk")
    one = find(d, "one_thread", "dicom_pydicom")
    if dp:
        text = f"reads a {slices}-file CT series {faster(dp, 'pydicom')}"
        text += f"; {one['ratio_stats']['median']:.1f}x with one thread each)" if one else ")"
        if di:
            text += f" and {faster(di, 'ITK')})"
        parts.append(text)
    nn, ni = find(d, "default", "nifti_nibabel"), find(d, "default", "nifti_itk")
    if nn:
        text = f"its .nii.gz {faster(nn, 'nibabel')})"
        if ni:
            text += f" and {faster(ni, 'ITK')})"
        parts.append(text)
    cv = find(d, "default", "convert_nii")
    start = d.get("context", {}).get("vitask_cli_start")
    if cv:
        r = cv["ratio_stats"]
        side = (f"ours is {1 / r['median']:.1f}x slower" if r["median"] < 1 else f"ours is {r['median']:.1f}x faster")
        text = (f"`dcm2niix` converts the series to .nii in {cv['peer_stats_s']['median']:.2f} s, "
                f"`vitask image convert` in {cv['ours_stats_s']['median']:.2f} s ({side}")
        if start:
            text += f"; {start['stats_s']['median']:.1f} s of ours is the CLI's start"
        parts.append(text + ")")
    cz = find(d, "default", "convert_niigz")
    if cz:
        parts.append(f"to .nii.gz in {cz['peer_stats_s']['median']:.0f} s (dcm2niix's own gzip) against our "
                     f"{cz['ours_stats_s']['median']:.0f} s")
    m = d["machine"]
    pairs = {c["pairs"] for mode in d["modes"].values() for c in mode["comparisons"]}
    return ("; ".join(parts) + f" (medians of {min(pairs)} alternating runs each, min-max in brackets, whole commands "
            f"for the conversions; [2-core VM, load {m['loadavg_start'].split()[0]}]"
            "(docs/benchmarks.md#imaging-time-to-a-ready-volume-issue-3))")


def main():
    args = sys.argv[1:]
    if args and args[0] == "--readme":
        print(readme(json.load(open(args[1]))))
    elif len(args) == 1:
        print(tables(json.load(open(args[0]))))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
