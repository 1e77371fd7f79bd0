#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target (tests/fuzz) into OUT/<target>/.

Seeds are real files: the shared fixtures, the shipped demo's DICOM studies and TSM
manifest, pydicom's and nibabel's test data from Debian's python3-pydicom and
python3-nibabel, and small files written here with the same libraries users' files come
from (NumPy's .npy/.npz, PyTorch's ONNX export, the safetensors layout). Seeds over
MAX_SEED bytes are left out: libFuzzer mutates best around a few kilobytes.

    scripts/make_fuzz_corpus.py OUT
"""
import hashlib
import io
import json
import os
import struct
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VITASK_SHARED_DIR", ROOT.parent / "shared"))
FIXTURES = SHARED / "fixtures"
PYDICOM_DATA = Path("/usr/lib/python3/dist-packages/pydicom/data/test_files")
NIBABEL_DATA = Path("/usr/lib/python3/dist-packages/nibabel/tests/data")
MAX_SEED = 256 * 1024


def put(out: Path, target: str, data: bytes) -> None:
    if len(data) > MAX_SEED:
        return
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def two_parts(first: bytes, second: bytes) -> bytes:
    """The layout of fuzz_support.h's splitInTwo: a 16-bit length, then both parts."""
    return struct.pack("<H", len(first)) + first + second


def safetensors_bytes(tensors: dict, metadata=None) -> bytes:
    header, data = {}, b""
    for name, array in tensors.items():
        raw = np.ascontiguousarray(array).tobytes()
        dtype = {"float32": "F32", "float16": "F16", "int64": "I64", "int32": "I32", "uint8": "U8",
                 "bool": "BOOL", "float64": "F64", "int8": "I8", "int16": "I16"}[str(array.dtype)]
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


def seeds_dicom(out: Path) -> None:
    for file in sorted(PYDICOM_DATA.glob("*.dcm")) + sorted((ROOT / "resources/demo/studies").rglob("*.dcm")):
        put(out, "dicom", file.read_bytes())


def seeds_nifti(out: Path) -> None:
    # fuzz_nifti: first byte's low bit set = .nii.gz.
    for file in sorted(NIBABEL_DATA.iterdir()):
        if file.name.endswith(".nii"):
            put(out, "nifti", b"\0" + file.read_bytes())
        elif file.name.endswith(".nii.gz"):
            put(out, "nifti", b"\1" + file.read_bytes())
    import nibabel
    for image_class, kind in ((nibabel.Nifti1Image, 0), (nibabel.Nifti2Image, 0), (nibabel.Nifti1Image, 1)):
        for dtype in (np.uint8, np.int16, np.float32, np.float64):
            data = (np.arange(4 * 5 * 3) % 7).reshape(4, 5, 3).astype(dtype)
            image = image_class(data, np.diag([0.8, 0.8, 2.5, 1.0]))
            raw = image.to_bytes() if not kind else __import__("gzip").compress(image.to_bytes())
            put(out, "nifti", bytes([kind]) + raw)


def seeds_series_geometry(out: Path) -> None:
    # fuzz_series_geometry reads: count, then per instance file byte, flags, number,
    # position, [orientation], spacing, rows, columns, frames.
    for count, flags, step in ((3, 0b101111, 2.5), (5, 0b1111, 1.0), (4, 0b1011, 0.0), (2, 0b11, -3.0)):
        blob = bytes([count])
        for i in range(count):
            blob += bytes([i, flags]) + struct.pack("<i", i + 1) + struct.pack("<3d", 0.0, 0.0, i * step)
            if flags & 32:
                blob += struct.pack("<6d", 1, 0, 0, 0, 1, 0)
            blob += struct.pack("<2d", 0.7, 0.7) + struct.pack("<HHB", 64, 64, 1)
        put(out, "series_geometry", blob)


def seeds_model(out: Path) -> None:
    rng = np.random.default_rng(0)
    put(out, "safetensors", safetensors_bytes({"a.weight": rng.standard_normal((3, 4)).astype(np.float32)}))
    put(out, "safetensors", safetensors_bytes({
        "h": rng.standard_normal((2, 2)).astype(np.float16), "i": np.arange(5, dtype=np.int64),
        "b": np.array([True, False]), "u": np.arange(6, dtype=np.uint8).reshape(2, 3),
        "d": np.zeros((0, 3), dtype=np.float64)}, {"format": "pt"}))
    put(out, "safetensors", safetensors_bytes({}))
    index = {"metadata": {"total_size": 40},
             "weight_map": {"a.weight": "model-00001-of-00002.safetensors", "b.bias": "model-00002-of-00002.safetensors"}}
    put(out, "safetensors_index", json.dumps(index).encode())
    put(out, "safetensors_index", json.dumps({"weight_map": {"a.weight": "model-00001-of-00002.safetensors"}}).encode())
    put(out, "safetensors_index", json.dumps({"weight_map": {}}).encode())

    tiny = FIXTURES / "tiny-llava"
    put(out, "sentencepiece", (tiny / "tokenizer.model").read_bytes())
    for tokenizers in (ROOT / "resources/tokenizers").rglob("tokenizer.model"):
        put(out, "sentencepiece", tokenizers.read_bytes())
    config, added = (tiny / "tokenizer_config.json").read_bytes(), (tiny / "added_tokens.json").read_bytes()
    put(out, "tokenizer_json", two_parts(config, added))
    put(out, "tokenizer_json", two_parts(b"", added))
    decoder = {"added_tokens_decoder": {"32000": {"content": "<image>", "special": True}, "32001": {"content": "<pad>", "special": True}},
               "bos_token": "<s>", "eos_token": {"content": "</s>"}, "pad_token": "<pad>"}
    put(out, "tokenizer_json", two_parts(json.dumps(decoder).encode(), b""))
    put(out, "llava_config", (tiny / "config.json").read_bytes())
    for config_json in (ROOT / "resources").rglob("config.json"):
        put(out, "llava_config", config_json.read_bytes())


def seeds_recipe(out: Path) -> None:
    arrays = [np.arange(24, dtype=np.uint8).reshape(2, 3, 4), np.array([[1], [0], [2]], dtype=np.int64),
              np.zeros((2, 2), dtype=">i4"), np.array([True, False]), np.arange(6, dtype=np.float32).reshape(3, 2),
              np.asfortranarray(np.arange(6, dtype=np.int16).reshape(2, 3)), np.array(3, dtype=np.uint8)]
    for array in arrays:
        buffer = io.BytesIO()
        np.save(buffer, array)
        put(out, "npy", buffer.getvalue())
    for version in ((2, 0), (3, 0)):
        buffer = io.BytesIO()
        np.lib.format.write_array(buffer, arrays[0], version=version)
        put(out, "npy", buffer.getvalue())
    medmnist = {"train_images": np.arange(2 * 28 * 28, dtype=np.uint8).reshape(2, 28, 28),
                "train_labels": np.array([[0], [1]], dtype=np.uint8),
                "val_images": np.zeros((1, 28, 28, 3), dtype=np.uint8), "val_labels": np.array([[2]], dtype=np.int64)}
    for save in (np.savez, np.savez_compressed):
        buffer = io.BytesIO()
        save(buffer, **medmnist)
        put(out, "npz", buffer.getvalue())

    # fuzz_csv_manifest: first byte's low bit set = multi-label.
    put(out, "csv_manifest", b"\0path,label,split\nimages/a.png,pneumonia,train\nimages/b.png,normal,test\n")
    put(out, "csv_manifest", b"\0\xef\xbb\xbf\"path\",\"label\"\r\n\"a, b.png\",\"x \"\"quoted\"\"\"\r\nc.dcm,y\r\n")
    put(out, "csv_manifest", b"\1image,labels,split\na.png,effusion|atelectasis,val\nb.png,,train\n")

    for yaml in [ROOT / "resources/demo/vitask.yaml", *sorted((ROOT / "docs").rglob("*.yaml"))]:
        put(out, "train_config", yaml.read_bytes())
    put(out, "train_config", b"model: /models/llava\ndataset:\n  medmnist: bloodmnist\n  root: /data\npreset: vitask\n")


def seeds_tsm(out: Path) -> None:
    for manifest in ROOT.glob("resources/**/*.tsm.json"):
        put(out, "tsm_manifest", manifest.read_bytes())
    manifest = {"format": 1, "name": "fuzz", "version": "1", "onnx": "model.onnx",
                "input": {"channels": 3, "height": 28, "width": 28, "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]},
                "labels": ["a", "b"], "outputs": {"logits": "logits", "features": "features"}}
    put(out, "tsm_manifest", json.dumps(manifest).encode())

    import torch

    class Tiny(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = torch.nn.Conv2d(3, 4, 3, padding=1)
            self.head = torch.nn.Linear(4, 2)

        def forward(self, x):
            features = torch.flatten(torch.nn.functional.adaptive_avg_pool2d(torch.relu(self.conv(x)), 1), 1)
            return self.head(features), features

    torch.manual_seed(0)
    for opset in (11, 13, 17):
        buffer = io.BytesIO()
        torch.onnx.export(Tiny().eval(), torch.zeros(1, 3, 28, 28), buffer, opset_version=opset,
                          input_names=["image"], output_names=["logits", "features"],
                          dynamic_axes={"image": {0: "batch"}})
        put(out, "onnx_normalize", buffer.getvalue())


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    for seeds in (seeds_dicom, seeds_nifti, seeds_series_geometry, seeds_model, seeds_recipe, seeds_tsm):
        seeds(out)
    for folder in sorted(out.iterdir()):
        print(f"{folder.name}: {len(list(folder.iterdir()))} seeds")


if __name__ == "__main__":
    main()
