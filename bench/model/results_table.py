#!/usr/bin/python3
"""Prints the Markdown of docs/benchmarks.md's VLM-engine results from bench_llava_cpu's
JSON (so that no figure is typed by hand). usage: results_table.py RESULT.json"""
import json
import sys


def spread(values, fmt):
    return f"{fmt(min(values))}-{fmt(max(values))}"


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    d = json.load(open(sys.argv[1]))
    p, m = d["peer_parity"], d["machine"]
    ms = lambda v: f"{v:.0f}"
    tps = lambda v: f"{v:.1f}"
    peer = (f"peer: our PyTorch transcription of transformers' LLaVA (checked against transformers' "
            f"fixtures to {p['max_abs_diff']:.1e})")
    alternating = "order" in d
    before = (f"{m['loadavg_before_pairs']} before the timed runs" if "loadavg_before_pairs" in m
              else f"{m['loadavg_before_peer']} before the peer")
    order = (f"{d['runs']} alternating pairs (ours, peer, ours, peer, ...; ours warmed up once, each peer run a "
             "fresh process that warms up first); speedup: median (min-max) of the per-pair ratios"
             if alternating else
             f"ours runs first ({d['runs']} runs after a warm-up), then the peer; speedup: ratio of the medians")
    loads = d.get("loadavg_1min_per_pair")
    print(f"Command: `bench_llava_cpu --threads {d['threads']} --runs {d['runs']}`; machine: {m['nproc']} cores, "
          f"\"{m['cpu']}\"; load average {m['loadavg_start']} at the start, {before}, "
          f"{m['loadavg_end']} at the end" + (f" (1-minute load {min(loads):.1f}-{max(loads):.1f} over the pairs)" if loads else "")
          + f"; {d['threads']} thread(s) on both sides; {order}.")
    print()
    print(f"| | vitask: median (min-max of {d['runs']}) | {peer}: median (min-max) | speedup: median (min-max) | target | met |")
    print("|---|---|---|---|---|---|")
    r = d["runs_ms"]

    def speedup(x):
        st = x.get("speedup_stats")
        return f"{x['speedup']:.2f}x ({st['min']:.2f}-{st['max']:.2f}x)" if st else f"{x['speedup']:.2f}x"

    print(f"| prefill (image + {d['config']['prompt_tokens']}-token prompt + first token) "
          f"| {ms(d['prefill_ms']['ours'])} ms ({spread(r['ours_prefill'], ms)}) "
          f"| {ms(d['prefill_ms']['peer'])} ms ({spread(r['peer_prefill'], ms)}) "
          f"| {speedup(d['prefill_ms'])} | — | — |")
    t = d["runs_tokens_per_s"]
    met = "yes" if d["target"]["met"] else "**no**"
    print(f"| greedy decode, {d['config']['decode_tokens']} tokens "
          f"| {tps(d['decode_tokens_per_s']['ours'])} tokens/s ({spread(t['ours_decode'], tps)}) "
          f"| {tps(d['decode_tokens_per_s']['peer'])} tokens/s ({spread(t['peer_decode'], tps)}) "
          f"| {speedup(d['decode_tokens_per_s'])} | >= {d['target']['decode_speedup']}x | {met} |")
    print()
    print(f"Same greedy tokens on both sides: {'yes' if d['same_tokens'] else '**no**'}. Peer check before timing "
          f"(tiny LLaVA of `../shared/fixtures`, transformers' outputs): full-pass logits max abs diff "
          f"{p['logits_max_abs_diff']:.1e}, cached one-token steps {p['cached_decode_logits_max_abs_diff']:.1e} "
          f"({p['cached_decode_steps']} steps), projected image features {p['projected_features_max_abs_diff']:.1e}, "
          f"greedy ids {'identical' if p['greedy_ids_equal'] else '**different**'} "
          f"(tolerance {p['tolerance']:g}: {'passed' if p['passed'] else '**failed**'}).")


if __name__ == "__main__":
    main()
