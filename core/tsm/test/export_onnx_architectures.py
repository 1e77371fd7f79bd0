#!/usr/bin/env python3
"""Exports the classifier architectures users bring as ONNX TSMs, at several opsets.

Usage: export_onnx_architectures.py OUT_DIR [--opsets 11,12,...] [--archs resnet18,...]

Each architecture is a torchvision model (random weights, fixed seed) cut into a
backbone that returns the pooled feature vector and the model's own classification
head; the wrapper returns (logits, features). Batch-norm statistics are set from one
batch of random images (as training would) so that activations keep a realistic scale
and the 1e-4 parity bound means something. Every model is exported with a dynamic batch
axis, as users do, which is what puts Shape/Gather/Concat subgraphs into the graphs.

Writes into OUT_DIR:
  <arch>_opset<N>.onnx          the exported model
  <arch>_reference.safetensors  image [2,3,S,S], logits [2,K], features [2,F] from PyTorch
  unsupported_det.onnx          a classifier whose logits go through Det (no OpenCV layer)
  unrunnable_column_scale.onnx  a classifier OpenCV imports but cannot run (see ColumnScale)
  models.json                   what was written, read by test_onnx_architectures.cpp

Needs Debian's python3-torch and python3-torchvision (scripts/install-deps.sh).
"""
import argparse
import json
import os
import struct
import sys

import numpy as np
import torch
import torchvision
from torch import nn

IMAGE_SIZE = 64
CLASSES = 7
SEED = 0


class Classifier(nn.Module):
    def __init__(self, backbone, head):
        super().__init__()
        self.backbone = backbone
        self.head = head

    def forward(self, image):
        features = self.backbone(image)
        return self.head(features), features


class VitClassToken(nn.Module):
    """The ViT's encoder output at the class token: what its head classifies."""

    def __init__(self, vit):
        super().__init__()
        self.vit = vit

    def forward(self, image):
        x = self.vit._process_input(image)
        token = self.vit.class_token.expand(x.shape[0], -1, -1)
        return self.vit.encoder(torch.cat([token, x], dim=1))[:, 0]


def pooled(features_module, *before_pool):
    return nn.Sequential(features_module, *before_pool, nn.AdaptiveAvgPool2d(1), nn.Flatten(1))


def build(arch):
    m = torchvision.models
    if arch == "resnet18":
        net = m.resnet18(num_classes=CLASSES)
        return Classifier(nn.Sequential(*list(net.children())[:-1], nn.Flatten(1)), net.fc)
    if arch == "densenet121":
        net = m.densenet121(num_classes=CLASSES)
        return Classifier(pooled(net.features, nn.ReLU()), net.classifier)
    if arch == "mobilenet_v2":
        net = m.mobilenet_v2(num_classes=CLASSES)
        return Classifier(pooled(net.features), net.classifier)
    if arch == "mobilenet_v3_small":
        net = m.mobilenet_v3_small(num_classes=CLASSES)
        return Classifier(pooled(net.features), net.classifier)
    if arch == "efficientnet_b0":
        net = m.efficientnet_b0(num_classes=CLASSES)
        return Classifier(pooled(net.features), net.classifier)
    if arch == "vit":
        # ViT-B/16's code path at a test-sized width and depth.
        net = m.VisionTransformer(image_size=IMAGE_SIZE, patch_size=16, num_layers=4, num_heads=3,
                                  hidden_dim=192, mlp_dim=768, num_classes=CLASSES)
        return Classifier(VitClassToken(net), net.heads)
    raise SystemExit(f"unknown architecture {arch}")


class DetHead(nn.Module):
    """A classifier whose logits are scaled by a determinant: ONNX Det, which OpenCV 4.6
    has no layer for and no normalization can express with the operators it has."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, stride=4)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(8, CLASSES)

    def forward(self, image):
        features = self.pool(self.conv(image)).flatten(1)
        scale = torch.det(features[:, :4].reshape(-1, 2, 2))
        return self.fc(features) * scale.unsqueeze(1), features


class ColumnScale(nn.Module):
    """Feature maps scaled per column: ONNX Mul by a constant [W] on [N, C, H, W]. OpenCV
    4.6 imports it (as its Scale layer) but cannot run it: it lines the constant up with
    axis 1. Not a pattern of the architectures above, so no normalization covers it."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 16, stride=16)
        self.columns = nn.Parameter(torch.randn(IMAGE_SIZE // 16))
        self.fc = nn.Linear(8, CLASSES)

    def forward(self, image):
        features = (self.conv(image) * self.columns).mean((2, 3))
        return self.fc(features), features


def calibrate_batch_norm(model, generator):
    """Running statistics from one batch, as if trained (momentum None: plain average)."""
    norms = [mod for mod in model.modules() if isinstance(mod, nn.modules.batchnorm._BatchNorm)]
    if not norms:
        return
    for mod in norms:
        mod.reset_running_stats()
        mod.momentum = None
    model.train()
    with torch.no_grad():
        model(torch.randn(8, 3, IMAGE_SIZE, IMAGE_SIZE, generator=generator))
    model.eval()


def write_safetensors(path, tensors):
    """The safetensors layout (8-byte header size, JSON header, raw data), float32 only:
    Debian has no python3-safetensors; the test reads it with core/model's reader."""
    header, blobs, offset = {}, [], 0
    for name, tensor in tensors.items():
        data = tensor.detach().to(torch.float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def export(model, image, path, opset):
    torch.onnx.export(model, (image,), path, opset_version=opset, input_names=["image"],
                      output_names=["logits", "features"], do_constant_folding=True,
                      dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}, "features": {0: "batch"}})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--opsets", default="11,12,13,14,15,16,17")
    parser.add_argument("--archs", default="resnet18,densenet121,mobilenet_v2,mobilenet_v3_small,efficientnet_b0,vit")
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))

    listing = {"input": {"size": [IMAGE_SIZE, IMAGE_SIZE], "channels": 3}, "classes": CLASSES, "models": []}
    for arch in args.archs.split(","):
        generator = torch.Generator().manual_seed(SEED)
        torch.manual_seed(SEED)
        model = build(arch)
        # Some heads start at zero or near it (ViT, MobileNetV3); a trained head does not.
        for layer in model.head.modules():
            if isinstance(layer, nn.Linear):
                layer.reset_parameters()
        calibrate_batch_norm(model, generator)
        model.eval()
        image = torch.randn(2, 3, IMAGE_SIZE, IMAGE_SIZE, generator=generator)
        with torch.no_grad():
            logits, features = model(image)
        reference = f"{arch}_reference.safetensors"
        write_safetensors(os.path.join(args.out_dir, reference), {"image": image, "logits": logits, "features": features})
        for opset in (int(v) for v in args.opsets.split(",")):
            name = f"{arch}_opset{opset}.onnx"
            export(model, image, os.path.join(args.out_dir, name), opset)
            listing["models"].append({"arch": arch, "opset": opset, "onnx": name, "reference": reference,
                                      "feature_width": int(features.shape[1])})
        print(f"{arch}: |logits| max {logits.abs().max().item():.3g}, |features| max "
              f"{features.abs().max().item():.3g}", file=sys.stderr)

    torch.manual_seed(SEED)
    det = DetHead().eval()
    export(det, torch.randn(2, 3, IMAGE_SIZE, IMAGE_SIZE), os.path.join(args.out_dir, "unsupported_det.onnx"), 13)
    listing["unsupported"] = {"onnx": "unsupported_det.onnx", "operator": "Det", "node": "/Det"}
    export(ColumnScale().eval(), torch.randn(2, 3, IMAGE_SIZE, IMAGE_SIZE),
           os.path.join(args.out_dir, "unrunnable_column_scale.onnx"), 13)
    listing["unrunnable"] = {"onnx": "unrunnable_column_scale.onnx", "operator": "Mul", "node": "/Mul"}

    with open(os.path.join(args.out_dir, "models.json"), "w") as out:
        json.dump(listing, out, indent=1)


if __name__ == "__main__":
    main()
