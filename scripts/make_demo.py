#!/usr/bin/python3
"""A small, real VITask set-up to show the studio with: trained here, on this machine.

  1. the synthetic benchmark's chest X-ray and dermoscopy sets at 64 px (`vitask data synth`)
  2. a built-in TSM, a ResNet-10 16 wide (`vitask tsm train`)
  3. a from-scratch LLaVA warmed up on both tasks, then the two VITask stages with the
     TSM's exemplar, RDA and CRT (`vitask train`, the weights of scripts/run_experiment.py)
  4. a few test images as studies: chest X-rays as DICOM files (one patient each, written
     with pydicom, 8-bit with a window that maps the stored values to [0, 1] as training
     did) and dermoscopy images as PNG files

Everything goes through the CLI as a user runs it. About 20 minutes on 2 cores. Usage:
  scripts/make_demo.py --vitask build/bin/vitask --out demo
prints the paths as JSON: {"model", "tsm", "chest_study", "dermoscopy_study",
"questions": {"chest_xray", "dermoscopy"}}.
Finished steps are kept, so a second run is quick.
"""
import argparse
import json
import os
import subprocess
import sys

import numpy as np

SIZE = 64
MODEL = dict(image_size=28, patch_size=7, vision_width=64, vision_layers=2, text_width=128, text_layers=2, heads=4)
ALPHA, BETA = 0.5, 0.1


def run(vitask, *args):
    command = [vitask, "--no-log-file", "--log-level", "warn", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr}{result.stdout[-2000:]}")
    return result.stdout


def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def train_model(vitask, out, data, tsm, tokenizer):
    final = os.path.join(out, "vitask", "final")
    if os.path.exists(os.path.join(final, "vitask.json")):
        return final
    scratch = ", ".join(f"{k}: {v}" for k, v in MODEL.items())
    config = os.path.join(out, "vitask.yaml")
    write(config, [
        "preset: custom", "seed: 0",
        f"model: {{scratch: {{tokenizer: {tokenizer}, {scratch}}}}}",
        "data: [" + ", ".join(data) + "]", f"tsm: {tsm}",
        "training: {batch_size: 32, log_every: 50}",
        "stages:",
        "  - {name: warmup, epochs: 10, lr: 2.0e-3, losses: {van: 1}, trainable: [vision, projector, language]}",
        f"  - {{name: stage1, epochs: 4, lr: 2.0e-3, losses: {{van: 1, ep: 1, rda: {ALPHA}}}, "
        "trainable: [language, connector]}",
        f"  - {{name: stage2, epochs: 4, lr: 2.0e-3, losses: {{van: 1, ep: 1, rda: {ALPHA}, crt: {BETA}}}, "
        "trainable: [language]}",
    ])
    run(vitask, "train", config, "--out", os.path.join(out, "vitask"))
    return final


def test_split(npz):
    with np.load(npz) as archive:
        return archive["test_images"], archive["test_labels"].reshape(-1)


def write_chest_study(npz, labels, folder, count):
    """One DICOM patient per image: what a worklist of chest X-rays looks like."""
    import pydicom
    from pydicom.dataset import FileDataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    images, targets = test_split(npz)
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        image = images[i % len(images)]  # a longer worklist (bench_review) repeats the split
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"  # Secondary Capture
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.SOPClassUID = meta.MediaStorageSOPClassUID
        ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
        ds.PatientName = f"DEMO^CHEST{i + 1:02d}"
        ds.PatientID = f"VITASK-DEMO-{i + 1:02d}"
        ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
        ds.StudyDate, ds.StudyDescription = "20261205", "Synthetic chest X-ray (VITask demo)"
        # No label in any text: a reader must not see the ground truth (the .npz keeps it).
        ds.SeriesDescription = "PA"
        ds.Modality, ds.SeriesNumber, ds.InstanceNumber = "DX", 1, 1
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.Rows, ds.Columns = image.shape[:2]
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
        ds.PixelSpacing = [4.0, 4.0]  # a 256 mm field of view over 64 pixels
        # LINEAR with C 128 / W 256 maps stored x to x / 255: the [0, 1] training saw.
        ds.WindowCenter, ds.WindowWidth = 128, 256
        ds.PixelData = np.ascontiguousarray(image.astype(np.uint8)).tobytes()
        ds.is_little_endian, ds.is_implicit_VR = True, False
        ds.save_as(os.path.join(folder, f"chest_{i + 1:02d}.dcm"), write_like_original=False)


def write_photos(npz, labels, folder, count):
    from PIL import Image

    images, targets = test_split(npz)
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        Image.fromarray(images[i]).save(os.path.join(folder, f"lesion_{i + 1:02d}_{labels[int(targets[i])]}.png"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vitask", required=True, help="the vitask program")
    parser.add_argument("--out", required=True, help="the demo folder")
    parser.add_argument("--images", type=int, default=6, help="test images per study")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tokenizer = os.path.join(root, "resources", "tokenizers", "vitask-scratch")

    data_folder = os.path.join(out, "data")
    data = [os.path.join(data_folder, f"synth_{m}.npz") for m in ("chest_xray", "dermoscopy")]
    if not all(os.path.exists(d) for d in data):
        run(args.vitask, "data", "synth", "--out", data_folder, "--size", str(SIZE), "--train", "600", "--val", "100",
            "--test", "100", "--modality", "synth_chest_xray", "synth_dermoscopy")
    tsm_folder = os.path.join(out, "tsm")
    tsm = os.path.join(tsm_folder, "demo-resnet10.tsm.json")
    if not os.path.exists(tsm):
        command = ["tsm", "train", "--out", tsm_folder, "--name", "demo-resnet10", "--depth", "10", "--width", "16",
                   "--size", str(SIZE), "--epochs", "10", "--device", "cpu"]
        for d in data:
            command += ["--data", d]
        run(args.vitask, *command)
    model = train_model(args.vitask, out, data, tsm, tokenizer)

    with open(os.path.join(model, "vitask.json")) as f:
        tasks = {t["name"]: t for t in json.load(f)["tasks"]}
    chest = os.path.join(out, "studies", "chest_xray")
    dermoscopy = os.path.join(out, "studies", "dermoscopy")
    write_chest_study(data[0], tasks["synth_chest_xray"]["labels"], chest, args.images)
    write_photos(data[1], tasks["synth_dermoscopy"]["labels"], dermoscopy, args.images)
    # The paper's instruction for each task: the first line `vitask data prompts` prints.
    questions = {name: run(args.vitask, "data", "prompts", "--variant", "complete", d).splitlines()[0]
                 for name, d in zip(("chest_xray", "dermoscopy"), data)}
    print(json.dumps({"model": model, "tsm": tsm, "chest_study": chest, "dermoscopy_study": dermoscopy,
                      "questions": questions}))


if __name__ == "__main__":
    main()
