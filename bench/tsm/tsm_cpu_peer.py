#!/usr/bin/python3
"""Peer of bench_tsm_cpu: the built-in ResNet and ViT written in plain PyTorch (Debian's
python3-torch 1.13; torchvision and timm are not installed there), loading the checkpoint
the benchmark wrote (<name>.tsm.json + <name>.safetensors, torchvision's and timm's
parameter names). Times inference on the benchmark's images (no grad, eval mode, median of
--repeats after one warm-up) and compares its logits with the benchmark's. Prints one JSON.
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "model"))
from llava_cpu_peer import read_safetensors  # noqa: E402  (one safetensors reader for the peers)


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (x if self.downsample is None else self.downsample(x)))


class ResNet(nn.Module):
    def __init__(self, a, channels, classes):
        super().__init__()
        w = a["width"]
        self.small = a["small_input_stem"]
        self.conv1 = nn.Conv2d(channels, w, 3, 1, 1, bias=False) if self.small else nn.Conv2d(channels, w, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(w)
        cin = w
        for s, blocks in enumerate(a["stage_blocks"]):
            cout = w << s
            layers = []
            for b in range(blocks):
                layers.append(BasicBlock(cin, cout, 2 if b == 0 and s > 0 else 1))
                cin = cout
            setattr(self, f"layer{s + 1}", nn.Sequential(*layers))
        self.stages = len(a["stage_blocks"])
        self.fc = nn.Linear(cin, classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        if not self.small:
            x = F.max_pool2d(x, 3, 2, 1)
        for s in range(self.stages):
            x = getattr(self, f"layer{s + 1}")(x)
        return self.fc(x.mean((2, 3)))


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        n, t, d = x.shape
        q, k, v = self.qkv(x).view(n, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = (q @ k.transpose(-2, -1) / math.sqrt(d // self.heads)).softmax(-1)
        return self.proj((a @ v).transpose(1, 2).reshape(n, t, d))


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim, heads, hidden):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim, hidden)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class Vit(nn.Module):
    def __init__(self, a, channels, height, width, classes):
        super().__init__()
        d, p = a["embed_dim"], a["patch_size"]
        self.patch_embed = nn.Module()
        self.patch_embed.proj = nn.Conv2d(channels, d, p, p)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, d))
        self.pos_embed = nn.Parameter(torch.zeros(1, (height // p) * (width // p) + 1, d))
        self.blocks = nn.Sequential(*[Block(d, a["heads"], d * a["mlp_ratio"]) for _ in range(a["depth"])])
        self.norm = nn.LayerNorm(d, eps=1e-6)
        self.head = nn.Linear(d, classes)

    def forward(self, x):
        x = self.patch_embed.proj(x).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), x], 1) + self.pos_embed
        return self.head(self.norm(self.blocks(x))[:, 0])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--inputs", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    manifest = json.load(open(args.manifest))
    a, spec = manifest["architecture"], manifest["input"]
    classes, (height, width) = len(manifest["labels"]), spec["size"]
    if a["type"] == "resnet":
        model = ResNet(a, spec["channels"], classes)
    else:
        model = Vit(a, spec["channels"], height, width, classes)
    state = read_safetensors(os.path.join(os.path.dirname(args.manifest), manifest["weights"]))
    model.load_state_dict(state, strict=True)
    model.eval()
    inputs = read_safetensors(args.inputs)
    images = inputs["images"]

    seconds = []
    with torch.no_grad():
        model(images)  # warm-up
        for _ in range(args.repeats):
            start = time.perf_counter()
            logits = model(images)
            seconds.append(time.perf_counter() - start)
    print(json.dumps({
        "images_per_s": images.shape[0] / statistics.median(seconds),
        "parameters": sum(p.numel() for p in model.parameters()),
        "max_abs_logit_difference": float((logits - inputs["logits"]).abs().max()),
    }))


if __name__ == "__main__":
    main()
