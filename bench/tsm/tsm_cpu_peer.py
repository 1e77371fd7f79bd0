#!/usr/bin/python3
"""Peer of bench_tsm_cpu: the same networks in PyTorch eager (Debian's python3-torch 1.13
and python3-torchvision 0.14), timed on the benchmark's images (no grad, eval mode, median
of --repeats after one warm-up) with their logits compared to the benchmark's. Prints one
JSON. Only --manifest runs on CUDA (--device cuda: the benchmark's --device cuda, synchronised
around every timed run, TF32 off as on the C++ side; --autocast bf16 for its bfloat16
rows); it needs torch alone (the shared safetensors reader uses no numpy): torchvision
and the ONNX helpers are imported by the other two modes only. Three modes:

  --manifest M --inputs I   a built-in TSM checkpoint (<name>.tsm.json + .safetensors) run
                            by the ResNet and ViT below, written in plain PyTorch under
                            torchvision's and timm's parameter names (timm is not packaged).
  --export-onnx DIR         writes the ONNX TSM the benchmark runs: torchvision resnet18
                            with a (logits, features) head, exported at opset 13 exactly as
                            core/tsm/test/export_onnx_architectures.py exports it, plus its
                            PyTorch weights (resnet18.pt) for the twin below.
  --twin NAME --weights W --inputs I
                            an ONNX TSM's PyTorch twin: "squeezenet" is the fixture's model
                            (/work/shared/fixtures/make_fixtures.py: torchvision squeezenet1_1
                            features, global average pool, Linear(512, 7)) with the weights
                            read from the ONNX file W itself; "resnet18" is the exported
                            model with the weights W written by --export-onnx.
"""
import argparse
import contextlib
import json
import math
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "model"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "core", "tsm", "test"))
from llava_cpu_peer import read_safetensors  # noqa: E402  (one safetensors reader for the peers)


def onnx_exporter():
    """The tests' exporter (not a copy). Imported on use: it needs torchvision, which the
    GPU machine's python may lack, and only the ONNX modes use it."""
    import export_onnx_architectures

    return export_onnx_architectures


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


class SqueezeNetTsm(nn.Module):
    """The fixture's model (make_fixtures.py, make_onnx_tsm), under its parameter names."""

    def __init__(self):
        super().__init__()
        import torchvision  # only the ONNX twins need it (see onnx_exporter)

        self.net = nn.Module()
        self.net.features = torchvision.models.squeezenet1_1(num_classes=7).features
        self.head = nn.Linear(512, 7)

    def forward(self, image):
        features = torch.flatten(F.adaptive_avg_pool2d(self.net.features(image), 1), 1)
        return self.head(features), features


def resnet18_tsm():
    """torchvision resnet18 with a 7-class head, as export_onnx_architectures.main() makes it."""
    onnx_export = onnx_exporter()
    generator = torch.Generator().manual_seed(onnx_export.SEED)
    torch.manual_seed(onnx_export.SEED)
    model = onnx_export.build("resnet18")
    model.head.reset_parameters()
    onnx_export.calibrate_batch_norm(model, generator)
    return model.eval()


def export_onnx(out_dir, size):
    os.makedirs(out_dir, exist_ok=True)
    onnx_export = onnx_exporter()
    model = resnet18_tsm()
    onnx = os.path.join(out_dir, "resnet18.onnx")
    onnx_export.export(model, torch.randn(2, 3, size, size), onnx, 13)
    weights = os.path.join(out_dir, "resnet18.pt")
    torch.save(model.state_dict(), weights)
    return {"onnx": onnx, "weights": weights, "classes": onnx_export.CLASSES}


def twin(name, weights):
    if name == "squeezenet":
        from onnx_initializers import read_onnx_initializers

        model = SqueezeNetTsm()
        model.load_state_dict(read_onnx_initializers(weights), strict=True)
    else:
        model = onnx_exporter().build("resnet18")
        model.load_state_dict(torch.load(weights), strict=True)
    return model.eval()


def builtin(manifest_path):
    manifest = json.load(open(manifest_path))
    a, spec = manifest["architecture"], manifest["input"]
    classes, (height, width) = len(manifest["labels"]), spec["size"]
    if a["type"] == "resnet":
        model = ResNet(a, spec["channels"], classes)
    else:
        model = Vit(a, spec["channels"], height, width, classes)
    state = read_safetensors(os.path.join(os.path.dirname(manifest_path), manifest["weights"]))
    model.load_state_dict(state, strict=True)
    return model.eval()


def synchronize(device):
    """Waits for the work queued on `device`: with it, wall-clock times are device times."""
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def float32_means_float32():
    """No TF32 in cuBLAS products or cuDNN convolutions, as the C++ side sets with
    setAllowTF32CuBLAS/CuDNN(false). These legacy flags are the same switches; torch 2.9
    and later warn that they will be replaced, and mixing them with the newer
    fp32_precision flags is an error there, so only these are used."""
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False


def timed(model, images, repeats, autocast=False):
    """images/s (median of `repeats` after a warm-up) and the last outputs; `autocast`:
    all runs in one bfloat16 autocast scope, as the C++ side's AutocastScope."""
    seconds = []
    device = images.device
    precision = torch.autocast(device.type, dtype=torch.bfloat16) if autocast else contextlib.nullcontext()
    with torch.no_grad(), precision:
        model(images)  # warm-up
        synchronize(device)
        for _ in range(repeats):
            start = time.perf_counter()
            outputs = model(images)
            synchronize(device)
            seconds.append(time.perf_counter() - start)
    return images.shape[0] / statistics.median(seconds), outputs


def max_diff(a, b):
    return float((a.detach().cpu().double() - b.double()).abs().max())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--manifest", help="a built-in TSM's manifest")
    mode.add_argument("--export-onnx", metavar="DIR", help="write resnet18.onnx and resnet18.pt into DIR")
    mode.add_argument("--twin", choices=["squeezenet", "resnet18"], help="an ONNX TSM's PyTorch twin")
    parser.add_argument("--weights", help="--twin: the ONNX file (squeezenet) or resnet18.pt")
    parser.add_argument("--reference", help="--twin: a safetensors with image, logits from the model's author")
    parser.add_argument("--size", type=int, default=224, help="--export-onnx: the input size")
    parser.add_argument("--inputs", help="safetensors with images and the benchmark's logits")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--device", choices=["cpu", "cuda"], default="cpu", help="--manifest: where the model runs")
    parser.add_argument("--autocast", choices=["none", "bf16"], default="none",
                        help="--manifest: bfloat16 autocast (torch.autocast) around the timed runs")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    if device.type == "cuda":
        if not args.manifest:
            parser.error("--device cuda runs built-in TSMs (--manifest) only: the ONNX backend is CPU-only")
        if not torch.cuda.is_available():
            raise SystemExit(f"--device cuda: this torch ({torch.__version__}) sees no CUDA device")
        float32_means_float32()

    if args.export_onnx:
        print(json.dumps(export_onnx(args.export_onnx, args.size)))
        return
    model = (builtin(args.manifest) if args.manifest else twin(args.twin, args.weights)).to(device)
    inputs = read_safetensors(args.inputs)
    images_per_s, outputs = timed(model, inputs["images"].to(device), args.repeats, args.autocast == "bf16")
    logits = outputs if args.manifest else outputs[0]
    result = {
        "images_per_s": images_per_s,
        "parameters": sum(p.numel() for p in model.parameters()),
        "max_abs_logit_difference": max_diff(logits, inputs["logits"]),
    }
    if device.type == "cuda":
        result["gpu"] = torch.cuda.get_device_name(device)
        result["peer_torch"] = torch.__version__
    if not args.manifest:
        result["max_abs_feature_difference"] = max_diff(outputs[1], inputs["features"])
    if args.reference:
        # The twin against its author's own outputs: shows it is the same model without
        # going through our ONNX backend.
        reference = read_safetensors(args.reference)
        with torch.no_grad():
            result["twin_vs_reference_max_abs_logit_difference"] = max_diff(model(reference["image"])[0],
                                                                            reference["logits"])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
