#!/usr/bin/python3
"""Prints the Markdown table of docs/benchmarks.md's studio section from bench_studio's
JSON (so that no figure is typed by hand). usage: results_table.py RESULT.json"""
import json
import sys


def ms(value):
    return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def yes(met):
    return "yes" if met else "**no**"


def main():
    d = json.load(open(sys.argv[1]))
    start, series, stalls, scroll = d["start_to_window"], d["series_to_first_image"], d["ui_stalls"], d["scroll"]
    rows = [("| measurement | vitask studio | peer (same run) | target | met |"), "|---|---|---|---|---|"]
    s, f = start["studio_ms"]["to_window"], start["qt_floor_ms"]["to_window"]
    rows.append(f"| start to an interactive window, median (best) of {start['runs']} | {ms(s['median'])} ({ms(s['best'])}) "
                f"| bare Qt Widgets window {ms(f['median'])} ({ms(f['best'])}); difference {ms(start['studio_minus_floor_median_ms'])} "
                f"| < {start['target_ms']} ms | {yes(start['met'])} |")
    o, p = series["ours_ms"]["to_first_paint"], series["peer_ms"]
    shown = series["ours_ms"]["to_series_shown"]
    rows.append(f"| {series['dims'][2]}-slice CT ({series['dims'][0]}x{series['dims'][1]}) to the first image painted, "
                f"median (best) of {series['runs']} | {ms(o['median'])} ({ms(o['best'])}); "
                f"scan done at {ms(series['ours_ms']['to_study_opened']['median'])}, series shown at {ms(shown['median'])} "
                f"| pydicom + numpy {ms(p['median'])} ({ms(p['best'])}): {series['speedup_median']:.2f}x "
                f"| < {series['target_ms']} ms | {yes(series['met'])} |")
    idle = stalls["idle_floor"]["longest_gap_ms"]
    phases = [("model_load", "while the model loads"), ("series_load", "while the series loads (longest of its runs)"),
              ("answer", "while an answer streams"), ("model_and_series_together", "while a model and the series load at once")]
    for key, what in phases:
        phase = stalls[key]
        extra = ""
        if key == "answer":
            extra = f" ({phase['tokens']} tokens, {phase['phase_ms'] / 1000:.1f} s, {phase['text_updates']} text updates)"
        elif "phase_ms" in phase:
            extra = f" (phase {ms(phase['phase_ms'])})"
        rows.append(f"| longest UI-thread stall {what}{extra} | {ms(phase['longest_gap_ms'])} "
                    f"| idle event loop {ms(idle)} | < {stalls['target_ms']} ms | {yes(phase['longest_gap_ms'] < stalls['target_ms'])} |")
    if scroll:
        frame = scroll["frame_ms_median"]["1024x1024_with_overlays_and_heatmap"]
        render = scroll["render_ms_median"]
        rows.append(f"| slice scrolling (bench_viewer, {scroll['volume']['dims'][0]}x{scroll['volume']['dims'][1]}): "
                    f"a painted 1024x1024 frame with overlays, median | {ms(frame)} (render alone {ms(render['scroll'])}) "
                    f"| numpy render {ms(render['numpy'])} | < 16.7 ms (60 fps) | {yes(scroll['met'])} |")
    print("\n".join(rows))
    m = d["machine"]
    print(f"\nMachine: {m['nproc']} cores, {m['cpu']}, load average {m['loadavg_start']} -> {m['loadavg_end']}, "
          f"QT_QPA_PLATFORM={m['qpa_platform']}, Qt {m['qt']}, LibTorch {m['torch']}; tick {stalls['tick_ms']} ms.")


if __name__ == "__main__":
    main()
