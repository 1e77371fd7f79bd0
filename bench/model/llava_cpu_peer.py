#!/usr/bin/python3
"""Peer of bench_llava_cpu: the same LLaVA forward in plain PyTorch, eager.

Run by the benchmark with /usr/bin/python3 (Debian's python3-torch 1.13; transformers is
not installed there), on the folder the benchmark wrote: config.json (transformers 5
layout), model.safetensors (published llava-hf names) and inputs.safetensors (input_ids,
pixel_values). It follows transformers' LlavaForConditionalGeneration step by step:

- CLIP vision tower: patch conv, class + position embeddings, pre-LayerNorm, pre-norm
  encoder layers with eager attention (softmax in float32). As transformers does with
  output_hidden_states=True, every layer runs and hidden_states[vision_feature_layer] is
  taken; the "default" strategy drops CLS.
- Projector: linear_1, GELU, linear_2. Image features replace the <image> tokens
  (masked_scatter; ids outside the vocabulary looked up as 0, as transformers 5 does).
- Llama: RMSNorm in float32, RoPE (inv_freq from theta), grouped-query attention via
  repeat_kv and the eager attention path (transformers' path on torch < 2, which has no
  scaled_dot_product_attention), SwiGLU MLP, KV cache that concatenates each step as
  DynamicCache does, logits only for the last position (logits_to_keep=1), greedy with
  EOS suppressed until min_new_tokens.

It is a lean peer: none of transformers' generic machinery (mask builders, logits
processors, output dataclasses) runs, so it is faster than transformers itself. It is our
own transcription, so it is checked before it is timed: --check-fixtures runs it on the
tiny LLaVA of ../shared/fixtures and compares its logits, projected image features and
greedy ids with what transformers computed there (bench_llava_cpu records the largest
difference and refuses to time a peer that is more than 1e-4 off).

Timing as the benchmark times itself: from the start of the image encoding to the first
new token (prefill), then tokens/s over --new-tokens cached steps. Prints one JSON object.
"""
import argparse
import json
import math
import os
import struct
import time

import torch
import torch.nn.functional as F

# torch alone (no numpy): the peers also run where only PyTorch is installed (the GPU
# machine). x86 is little-endian, as safetensors is, so the bytes are used as they are.
DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64,
          "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
          "BOOL": torch.bool}


def read_safetensors(path):
    """8-byte little-endian header length, JSON header, raw little-endian data."""
    with open(path, "rb") as f:
        data = bytearray(f.read())
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(bytes(data[8:8 + length]))
    base = 8 + length
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] not in DTYPES:
            raise SystemExit(f"{path}: {name}: dtype {entry['dtype']} is not supported by the peer")
        dtype = DTYPES[entry["dtype"]]
        begin, end = entry["data_offsets"]
        if end == begin:
            tensors[name] = torch.empty(entry["shape"], dtype=dtype)
            continue
        itemsize = torch.empty((), dtype=dtype).element_size()  # torch 1.13 dtypes have no itemsize
        flat = torch.frombuffer(data, dtype=dtype, count=(end - begin) // itemsize, offset=base + begin)
        tensors[name] = flat.reshape(entry["shape"]).clone()
    return tensors


def published_names(tensors):
    """Names in the layout of the published llava-hf checkpoints, whichever layout the file
    uses (as transformers maps them on load, and as our loader does): transformers 5 saves
    vision_tower.* without vision_model., and may prefix model.; lm_head.* stands alone."""
    out = {}
    for name, tensor in tensors.items():
        for part in ("vision_tower.", "multi_modal_projector.", "language_model.", "lm_head."):
            if name.startswith("model." + part):
                name = name[len("model."):]
        if name.startswith("vision_tower.") and not name.startswith("vision_tower.vision_model."):
            name = "vision_tower.vision_model." + name[len("vision_tower."):]
        elif name.startswith("language_model.") and not name.startswith(("language_model.model.",
                                                                          "language_model.lm_head.")):
            name = "language_model.model." + name[len("language_model."):]
        elif name.startswith("lm_head."):
            name = "language_model." + name
        out[name] = tensor
    return out


# ---------------------------------------------------------------- CLIP vision tower
def layer_norm(x, w, b, eps):
    return F.layer_norm(x, (x.shape[-1],), w, b, eps)


def activation(name, x):
    if name == "quick_gelu":
        return x * torch.sigmoid(1.702 * x)
    if name == "gelu":
        return F.gelu(x)
    if name in ("gelu_pytorch_tanh", "gelu_new"):
        return F.gelu(x, approximate="tanh")
    if name == "silu":
        return F.silu(x)
    if name == "relu":
        return F.relu(x)
    raise SystemExit(f"activation {name} is not supported by the peer")


class ClipVision:
    def __init__(self, cfg, w, prefix="vision_tower.vision_model."):
        self.cfg, self.w, self.p = cfg, w, prefix
        self.heads = cfg["num_attention_heads"]
        self.head_dim = cfg["hidden_size"] // self.heads
        self.eps = cfg.get("layer_norm_eps", 1e-5)
        self.act = cfg.get("hidden_act", "quick_gelu")

    def g(self, name):
        return self.w[self.p + name]

    def attention(self, x, i):
        g = lambda n: self.g(f"encoder.layers.{i}.self_attn.{n}")
        b, t, _ = x.shape
        shape = (b, t, self.heads, self.head_dim)
        q = F.linear(x, g("q_proj.weight"), g("q_proj.bias")).view(shape).transpose(1, 2)
        k = F.linear(x, g("k_proj.weight"), g("k_proj.bias")).view(shape).transpose(1, 2)
        v = F.linear(x, g("v_proj.weight"), g("v_proj.bias")).view(shape).transpose(1, 2)
        weights = torch.matmul(q, k.transpose(2, 3)) * (self.head_dim ** -0.5)
        weights = F.softmax(weights, dim=-1, dtype=torch.float32).to(q.dtype)
        out = torch.matmul(weights, v).transpose(1, 2).contiguous().reshape(b, t, -1)
        return F.linear(out, g("out_proj.weight"), g("out_proj.bias"))

    def layer(self, x, i):
        g = lambda n: self.g(f"encoder.layers.{i}.{n}")
        h = x + self.attention(layer_norm(x, g("layer_norm1.weight"), g("layer_norm1.bias"), self.eps), i)
        y = layer_norm(h, g("layer_norm2.weight"), g("layer_norm2.bias"), self.eps)
        y = F.linear(activation(self.act, F.linear(y, g("mlp.fc1.weight"), g("mlp.fc1.bias"))),
                     g("mlp.fc2.weight"), g("mlp.fc2.bias"))
        return h + y

    def hidden_states(self, pixels):
        patches = F.conv2d(pixels, self.g("embeddings.patch_embedding.weight"), stride=self.cfg["patch_size"])
        patches = patches.flatten(2).transpose(1, 2)
        cls = self.g("embeddings.class_embedding").expand(pixels.shape[0], 1, -1)
        positions = self.g("embeddings.position_embedding.weight")
        x = torch.cat([cls, patches], dim=1) + positions.unsqueeze(0)
        x = layer_norm(x, self.g("pre_layrnorm.weight"), self.g("pre_layrnorm.bias"), self.eps)
        states = [x]
        for i in range(self.cfg["num_hidden_layers"]):
            x = self.layer(x, i)
            states.append(x)
        return states


# ---------------------------------------------------------------- Llama
def rms_norm(x, weight, eps):
    dtype = x.dtype
    x = x.to(torch.float32)
    variance = x.pow(2).mean(-1, keepdim=True)
    x = x * torch.rsqrt(variance + eps)
    return weight * x.to(dtype)


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def repeat_kv(x, groups):
    if groups == 1:
        return x
    b, h, s, d = x.shape
    return x[:, :, None, :, :].expand(b, h, groups, s, d).reshape(b, h * groups, s, d)


class Llama:
    def __init__(self, cfg, w, prefix="language_model.model."):
        self.cfg, self.w, self.p = cfg, w, prefix
        self.heads = cfg["num_attention_heads"]
        self.kv_heads = cfg.get("num_key_value_heads", self.heads)
        self.head_dim = cfg.get("head_dim") or cfg["hidden_size"] // self.heads
        self.eps = cfg.get("rms_norm_eps", 1e-6)
        rope = cfg.get("rope_parameters") or {}
        theta = rope.get("rope_theta", cfg.get("rope_theta", 10000.0))
        self.inv_freq = 1.0 / (theta ** (torch.arange(0, self.head_dim, 2, dtype=torch.int64).float() / self.head_dim))
        self.layers = [self.layer_weights(i) for i in range(cfg["num_hidden_layers"])]
        self.embed = w[prefix + "embed_tokens.weight"]
        self.norm = w[prefix + "norm.weight"]

    def layer_weights(self, i):
        g = lambda n: self.w[f"{self.p}layers.{i}.{n}.weight"]
        return {n: g(n) for n in ("input_layernorm", "post_attention_layernorm", "self_attn.q_proj",
                                  "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
                                  "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj")}

    def rotary(self, positions, dtype):
        freqs = (self.inv_freq[None, :, None] @ positions[:, None, :].float()).transpose(1, 2)
        emb = torch.cat((freqs, freqs), dim=-1)
        return emb.cos().to(dtype).unsqueeze(1), emb.sin().to(dtype).unsqueeze(1)

    def attention(self, x, lw, cos, sin, mask, cache, i):
        b, t, _ = x.shape
        q = F.linear(x, lw["self_attn.q_proj"]).view(b, t, -1, self.head_dim).transpose(1, 2)
        k = F.linear(x, lw["self_attn.k_proj"]).view(b, t, -1, self.head_dim).transpose(1, 2)
        v = F.linear(x, lw["self_attn.v_proj"]).view(b, t, -1, self.head_dim).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if cache[i] is not None:  # DynamicCache.update: concatenate along the sequence
            k = torch.cat([cache[i][0], k], dim=-2)
            v = torch.cat([cache[i][1], v], dim=-2)
        cache[i] = (k, v)
        groups = self.heads // self.kv_heads
        k, v = repeat_kv(k, groups), repeat_kv(v, groups)
        weights = torch.matmul(q, k.transpose(2, 3)) * (self.head_dim ** -0.5)
        weights = weights + mask
        weights = F.softmax(weights, dim=-1, dtype=torch.float32).to(q.dtype)
        out = torch.matmul(weights, v).transpose(1, 2).contiguous().reshape(b, t, -1)
        return F.linear(out, lw["self_attn.o_proj"])

    def forward(self, embeddings, positions, cache, key_mask=None):
        b, t, _ = embeddings.shape
        past = 0 if cache[0] is None else cache[0][0].shape[-2]
        dtype = embeddings.dtype
        # Additive causal mask [1, 1, T, past + T] (all zeros for one new token); with a
        # padding mask key_mask [B, past + T] (False: padding), [B, 1, T, past + T] as
        # transformers builds it from an attention_mask.
        mask = torch.full((t, past + t), torch.finfo(dtype).min, dtype=dtype).triu(past + 1)[None, None]
        if key_mask is not None:
            mask = mask.masked_fill(~key_mask[:, None, None, :], torch.finfo(dtype).min)
        cos, sin = self.rotary(positions, dtype)
        h = embeddings
        for i, lw in enumerate(self.layers):
            h = h + self.attention(rms_norm(h, lw["input_layernorm"], self.eps), lw, cos, sin, mask, cache, i)
            y = rms_norm(h, lw["post_attention_layernorm"], self.eps)
            h = h + F.linear(F.silu(F.linear(y, lw["mlp.gate_proj"])) * F.linear(y, lw["mlp.up_proj"]),
                             lw["mlp.down_proj"])
        return rms_norm(h, self.norm, self.eps)


# ---------------------------------------------------------------- LLaVA
class Llava:
    def __init__(self, folder):
        with open(os.path.join(folder, "config.json")) as f:
            self.cfg = json.load(f)
        w = published_names(read_safetensors(os.path.join(folder, "model.safetensors")))
        self.w = w
        self.text_cfg = self.cfg["text_config"]
        self.vision = ClipVision(self.cfg["vision_config"], w)
        self.llama = Llama(self.text_cfg, w)
        self.lm_head = w.get("language_model.lm_head.weight", self.llama.embed)
        self.image_token = self.cfg.get("image_token_index", self.cfg.get("image_token_id", 32000))
        self.feature_layer = self.cfg.get("vision_feature_layer", -2)
        self.strategy = self.cfg.get("vision_feature_select_strategy", "default")
        self.projector_act = self.cfg.get("projector_hidden_act", "gelu")

    def encode_images(self, pixels):
        features = self.vision.hidden_states(pixels)[self.feature_layer]
        if self.strategy == "default":
            features = features[:, 1:]
        w = self.w
        h = F.linear(features, w["multi_modal_projector.linear_1.weight"], w.get("multi_modal_projector.linear_1.bias"))
        h = activation(self.projector_act, h)
        return F.linear(h, w["multi_modal_projector.linear_2.weight"], w.get("multi_modal_projector.linear_2.bias"))

    def embed(self, ids, image_features=None):
        where = ids == self.image_token
        safe = ids.masked_fill(where, 0)
        embeddings = F.embedding(safe, self.llama.embed)
        if image_features is not None:
            embeddings = embeddings.masked_scatter(where.unsqueeze(-1).expand_as(embeddings),
                                                   image_features.to(embeddings.dtype))
        return embeddings

    def logits(self, ids, pixels):
        """Full forward pass: logits at every position, as LlavaForConditionalGeneration."""
        embeddings = self.embed(ids, self.encode_images(pixels))
        positions = torch.arange(ids.shape[1]).unsqueeze(0).expand(ids.shape[0], -1)
        hidden = self.llama.forward(embeddings, positions, [None] * len(self.llama.layers))
        return F.linear(hidden, self.lm_head).float()

    def generate(self, ids, pixels, new_tokens, min_new_tokens, on_token):
        eos = self.text_cfg.get("eos_token_id", 2)
        cache = [None] * len(self.llama.layers)
        embeddings = self.embed(ids, self.encode_images(pixels))
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        tokens = []
        for step in range(new_tokens):
            hidden = self.llama.forward(embeddings, positions, cache)
            logits = F.linear(hidden[:, -1:, :], self.lm_head)[:, -1, :].float()  # logits_to_keep=1
            if step < min_new_tokens:
                logits[:, eos] = -math.inf
            token = logits.argmax(-1)
            tokens.append(int(token[0]))
            on_token()
            if tokens[-1] == eos:
                break
            embeddings = self.embed(token.unsqueeze(1))
            positions = positions[:, -1:] + 1
        return tokens


def check_fixtures(fixtures):
    """This peer is our own transcription, not transformers: before it is timed, it runs
    the tiny LLaVA of ../shared/fixtures (tiny-llava/, a Hugging Face folder) on the inputs
    transformers was given there and compares with what transformers computed
    (tiny_llava_reference.safetensors): full-pass logits of both samples, the logits of the
    cached one-token steps the benchmark times (sample 0, last 12 positions), the projected
    image features, and the greedy ids of generate(max_new_tokens=12, min_new_tokens=12)."""
    model = Llava(os.path.join(fixtures, "tiny-llava"))
    ref = read_safetensors(os.path.join(fixtures, "tiny_llava_reference.safetensors"))
    ids, pixels = ref["input_ids"], ref["pixel_values"]
    with torch.inference_mode():
        logits = model.logits(ids, pixels)
        features = model.encode_images(pixels)
        # The cached decode path the benchmark times: prefill sample 0 up to `split`, then
        # one token at a time with the KV cache; its logits against transformers' full pass.
        split = ids.shape[1] - 12
        cache = [None] * len(model.llama.layers)
        hidden = model.llama.forward(model.embed(ids[:1, :split], model.encode_images(pixels[:1])),
                                     torch.arange(split).unsqueeze(0), cache)
        cached = [F.linear(hidden[:, -1:], model.lm_head)]
        for t in range(split, ids.shape[1] - 1):
            hidden = model.llama.forward(model.embed(ids[:1, t:t + 1]), torch.tensor([[t]]), cache)
            cached.append(F.linear(hidden, model.lm_head))
        cached = torch.cat(cached, dim=1).float()
        cached_diff = float((cached - ref["logits"][:1, split - 1:ids.shape[1] - 1]).abs().max())
        expected_ids = ref["generated_ids"][0, ids.shape[1]:].tolist()
        new = len(expected_ids)
        greedy = model.generate(ids[:1], pixels[:1], new, new, lambda: None)
    return {"fixtures": os.path.abspath(fixtures),
            "reference": "tiny_llava_reference.safetensors (transformers 5.17.0, torch 2.11.0, float32 CPU)",
            "logits_shape": list(logits.shape),
            "logits_max_abs_diff": float((logits - ref["logits"]).abs().max()),
            "cached_decode_logits_max_abs_diff": cached_diff,
            "cached_decode_steps": ids.shape[1] - split,
            "projected_features_max_abs_diff": float((features - ref["projected_image_features"]).abs().max()),
            "greedy_new_ids": greedy, "greedy_ids_equal": greedy == expected_ids}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir")
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--check-fixtures", metavar="FOLDER",
                        help="only compare this peer with transformers' outputs in FOLDER (../shared/fixtures), print JSON")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.check_fixtures:
        print(json.dumps(check_fixtures(args.check_fixtures)))
        return
    if not args.dir:
        parser.error("--dir is required")

    model = Llava(args.dir)
    inputs = read_safetensors(os.path.join(args.dir, "inputs.safetensors"))
    ids, pixels = inputs["input_ids"], inputs["pixel_values"]
    total = args.new_tokens + 1  # the first token ends prefill

    prefill_ms, decode_rates, tokens = [], [], []
    with torch.inference_mode():
        for run in range(args.runs + 1):  # run 0 warms up
            stamps = []
            start = time.perf_counter()
            tokens = model.generate(ids, pixels, total, total,
                                    lambda: stamps.append(time.perf_counter() - start))
            if run == 0:
                continue
            prefill_ms.append(stamps[0] * 1e3)
            decode_rates.append((len(stamps) - 1) / (stamps[-1] - stamps[0]))
    print(json.dumps({"prefill_ms": prefill_ms, "decode_tokens_per_s": decode_rates, "tokens": tokens,
                      "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "implementation": "plain PyTorch eager (transformers' LLaVA forward, "
                                        "DynamicCache-style concatenating KV cache)"}))


if __name__ == "__main__":
    main()
