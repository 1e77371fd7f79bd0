#!/usr/bin/python3
"""Peer of bench_vitask_train_cpu: VITask stage-2 training steps in plain PyTorch, eager.

Run by the benchmark with /usr/bin/python3 (Debian's python3-torch 1.13) on the folder it
wrote: model/ (the VITask model as `vitask train` saves it: a Hugging Face LLaVA folder
plus exemplar_connector.safetensors), inputs.safetensors (pixels, TSM features, negative
pixels) and run.json (token ids of the batch, the stage's loss weights and optimiser
settings). The LLaVA forward (CLIP tower, projector, Llama) is bench/model/llava_cpu_peer.py's,
imported; on top of it, what a PyTorch user would write for the VITask recipe
(VITASK_METHOD.md; docs/training.md "What each stage computes"):

- the batch right-padded, positions and a causal + padding attention mask from it, the
  image and exemplar placeholders replaced by their embeddings, logits only where a
  response token is predicted;
- the plain, exemplar (TSM feature through the EP connector, one token after the image
  tokens) and negative-image passes; L_van, L_ep (cross-entropy), L_rda (KL at tau,
  teacher detached), L_crt (cross-entropy of y_pos - y_neg on rows with a negative);
- the language model trained (the vision tower, projector and connector frozen), AdamW
  with weight decay on matrices only, clip_grad_norm_.

Timing as the benchmark times itself: per optimiser step, losses to zero_grad, after one
compared step and --warmup steps. Prints one JSON object.
"""
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "model"))
from llava_cpu_peer import Llava, read_safetensors  # noqa: E402

EXEMPLAR_TOKEN = -1  # the exemplar placeholder id (vitask_model.h kExemplarTokenId)


def response_batch(prompts, responses, pad=0):
    """Rows prompt + response, right-padded; the flat index of every output that
    predicts a response token (the output at t predicts token t + 1)."""
    width = max(len(p) + len(r) for p, r in zip(prompts, responses))
    ids = torch.full((len(prompts), width), pad, dtype=torch.long)
    mask = torch.zeros((len(prompts), width), dtype=torch.bool)
    predict_at, targets, row_of = [], [], []
    for b, (prompt, response) in enumerate(zip(prompts, responses)):
        sequence = prompt + response
        ids[b, :len(sequence)] = torch.tensor(sequence)
        mask[b, :len(sequence)] = True
        for k, token in enumerate(response):
            predict_at.append(b * width + len(prompt) + k - 1)
            targets.append(token)
            row_of.append(b)
    positions = (mask.long().cumsum(1) - 1).masked_fill(~mask, 1)
    return {"ids": ids, "mask": mask, "positions": positions, "predict_at": torch.tensor(predict_at),
            "targets": torch.tensor(targets), "row_of": torch.tensor(row_of)}


class VitaskPeer:
    def __init__(self, folder):
        self.llava = Llava(folder)
        self.connector = read_safetensors(os.path.join(folder, "exemplar_connector.safetensors"))

    def exemplar_embeddings(self, features):
        c = self.connector
        h = F.gelu(F.linear(features, c["linear_1.weight"], c["linear_1.bias"]))
        return F.linear(h, c["linear_2.weight"], c["linear_2.bias"]).unsqueeze(1)

    def embed(self, ids, substitutions):
        safe = ids
        for token, _ in substitutions:
            safe = safe.masked_fill(ids == token, 0)
        embeddings = F.embedding(safe, self.llava.llama.embed)
        for token, rows in substitutions:
            where = (ids == token).unsqueeze(-1).expand_as(embeddings)
            embeddings = embeddings.masked_scatter(where, rows.reshape(-1, embeddings.shape[-1]))
        return embeddings

    def response_logits(self, batch, images, exemplars=None):
        substitutions = [(self.llava.image_token, images)]
        if exemplars is not None:
            substitutions.append((EXEMPLAR_TOKEN, exemplars))
        embeddings = self.embed(batch["ids"], substitutions)
        llama = self.llava.llama
        hidden = llama.forward(embeddings, batch["positions"], [None] * len(llama.layers), key_mask=batch["mask"])
        rows = hidden.reshape(-1, hidden.shape[-1]).index_select(0, batch["predict_at"])
        return F.linear(rows, self.llava.lm_head)


def rda_loss(plain, exemplar, direction, tau):
    log_plain = F.log_softmax(plain.float() / tau, dim=-1)
    log_teacher = F.log_softmax(exemplar.detach().float() / tau, dim=-1)
    if direction == "forward":
        kl = (log_teacher.exp() * (log_teacher - log_plain)).sum(-1)
    else:
        kl = (log_plain.exp() * (log_plain - log_teacher)).sum(-1)
    return kl.mean() * (tau * tau)


def losses(model, run, inputs):
    stage, rows = run["stage"], run["batch"]
    images = model.llava.encode_images(inputs["pixels"])
    plain = response_batch(rows["plain_prompts"], rows["responses"])
    targets = plain["targets"]
    total = torch.zeros(())
    plain_logits = model.response_logits(plain, images)
    van = F.cross_entropy(plain_logits.float(), targets)
    terms = {"van": van.item(), "ep": 0.0, "rda": 0.0, "crt": 0.0}
    if stage["van"] > 0:
        total = total + stage["van"] * van
    if stage["ep"] > 0 or stage["rda"] > 0:
        exemplar = response_batch(rows["exemplar_prompts"], rows["responses"])
        exemplar_logits = model.response_logits(exemplar, images, model.exemplar_embeddings(inputs["features"]))
        ep = F.cross_entropy(exemplar_logits.float(), targets)
        terms["ep"] = ep.item()
        if stage["ep"] > 0:
            total = total + stage["ep"] * ep
        rda = rda_loss(plain_logits, exemplar_logits, run["rda"]["direction"], run["rda"]["tau"])
        terms["rda"] = rda.item()
        if stage["rda"] > 0:
            total = total + stage["rda"] * rda
    if stage["crt"] > 0:
        negative_logits = model.response_logits(plain, model.llava.encode_images(inputs["negative_pixels"]))
        kept = torch.tensor(rows["negative_kept"], dtype=torch.long)
        tokens = kept.index_select(0, plain["row_of"]).nonzero().squeeze(1)
        if tokens.numel() > 0:
            negative = negative_logits.detach() if run["crt_detach_negative"] else negative_logits
            crt = F.cross_entropy(plain_logits.index_select(0, tokens).float() - negative.index_select(0, tokens).float(),
                                  targets.index_select(0, tokens))
            terms["crt"] = crt.item()
            total = total + stage["crt"] * crt
    terms["total"] = total
    return terms


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--threads", type=int, required=True)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    model = VitaskPeer(os.path.join(args.dir, "model"))
    inputs = read_safetensors(os.path.join(args.dir, "inputs.safetensors"))
    with open(os.path.join(args.dir, "run.json")) as f:
        run = json.load(f)

    # Stage 2 trains the language model (and its output head); weight decay on matrices.
    trainable = [t for name, t in model.llava.w.items() if name.startswith("language_model.")]
    for t in trainable:
        t.requires_grad_(True)
    decay = [t for t in trainable if t.dim() >= 2]
    no_decay = [t for t in trainable if t.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": run["weight_decay"]},
                                   {"params": no_decay, "weight_decay": 0.0}],
                                  lr=run["stage"]["lr"], betas=(0.9, 0.999))

    def step():
        terms = losses(model, run, inputs)
        total = terms["total"]
        if not math.isfinite(total.item()):
            raise SystemExit("the loss is not finite")
        total.backward()
        torch.nn.utils.clip_grad_norm_(trainable, run["max_grad_norm"])
        optimizer.step()
        optimizer.zero_grad()
        terms["total"] = total.item()
        return terms

    first = step()
    for _ in range(run["warmup"]):
        step()
    step_ms, last = [], None
    for _ in range(run["steps"]):
        start = time.perf_counter()
        last = step()
        step_ms.append((time.perf_counter() - start) * 1e3)
    print(json.dumps({"first_terms": first, "last_terms": last, "step_ms": step_ms, "seconds": sum(step_ms) / 1e3,
                      "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "implementation": "plain PyTorch eager: llava_cpu_peer's LLaVA forward with a padding mask, "
                                        "VITask losses, torch.optim.AdamW, clip_grad_norm_"}))


if __name__ == "__main__":
    main()
