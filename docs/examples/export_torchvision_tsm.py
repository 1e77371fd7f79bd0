#!/usr/bin/python3
"""docs/plugins.md's worked example: a torchvision ResNet-18 exported as an ONNX TSM.

Writes OUT/resnet18-chest.onnx and OUT/resnet18-chest.tsm.json for the four labels of the
synthetic chest X-ray task; `vitask tsm list --path OUT` then lists it, `vitask tsm
predict` and the studio use it. The classifier is whatever `model` holds when exported:
here an untrained network (weights=None, nothing is downloaded), so its answers are
arbitrary. Put your training between building and exporting it.

  docs/examples/export_torchvision_tsm.py OUT
"""
import json
import os
import sys

import torch
import torchvision

LABELS = ["normal", "nodule", "pleural effusion", "cardiomegaly"]
SIZE = 64


class WithFeatures(torch.nn.Module):
    """The two outputs a TSM manifest names: the class logits and the pooled feature
    (the exemplar VITask feeds to the VLM)."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        n = self.net
        x = n.maxpool(n.relu(n.bn1(n.conv1(image))))
        x = n.layer4(n.layer3(n.layer2(n.layer1(x))))
        features = torch.flatten(n.avgpool(x), 1)
        return n.fc(features), features


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    net = torchvision.models.resnet18(weights=None, num_classes=len(LABELS))
    # ... train `net` on your images here ...
    model = WithFeatures(net).eval()
    torch.onnx.export(model, torch.zeros(1, 3, SIZE, SIZE), os.path.join(out, "resnet18-chest.onnx"),
                      input_names=["image"], output_names=["logits", "features"],
                      dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}, "features": {0: "batch"}},
                      opset_version=17)
    manifest = {
        "format_version": 1,
        "name": "resnet18-chest",
        "version": "0.1",
        "description": "torchvision ResNet-18, untrained (docs/plugins.md's example)",
        "onnx": "resnet18-chest.onnx",
        "input": {"name": "image", "size": [SIZE, SIZE], "channels": 3,
                  "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]},
        "outputs": {"logits": "logits", "features": "features"},
        "labels": LABELS,
        "activation": "softmax",
    }
    with open(os.path.join(out, "resnet18-chest.tsm.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print(f"wrote {out}/resnet18-chest.onnx and resnet18-chest.tsm.json")


if __name__ == "__main__":
    main()
