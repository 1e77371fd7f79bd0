#!/usr/bin/python3
"""The studio's built-in demo: a small, real VITask set-up, trained here through the CLI.

  1. the synthetic benchmark's four modalities at 64 px (`vitask data synth`)
  2. a built-in TSM over all four, a ResNet-10 16 wide (`vitask tsm train`)
  3. a from-scratch LLaVA warmed up on the four tasks, then the two VITask stages with
     the TSM's exemplar, RDA and CRT (`vitask train`, the weights of run_experiment.py)
  4. test images written as DICOM studies with their modality's IOD (chest radiographs as
     DX, dermoscopy photographs as VL Photographic, histology tiles as VL Microscopic,
     retinal OCT B-scans as Ophthalmic Tomography, an enhanced multi-frame image of one
     frame) and a synthetic CT volume (CT Image, for the 3D viewer); synthetic names,
     marked as synthetic; each file is checked against its IOD with dciodvfy
     (tests/demo/check_demo_dicom.py)

Two or three threads and fixed seeds make every step deterministic: the same command on
the same build reproduces the model, the TSM and the studies bit for bit (SHA256SUMS).
About 20 minutes on 2 cores; finished steps are kept in --out, so a second run is quick.

  scripts/make_demo.py --vitask build/bin/vitask --out build/demo
      trains (or reuses) everything in build/demo and prints the paths as JSON:
      {"model", "tsm", "chest_study", "dermoscopy_study", "questions": {...}}
  scripts/make_demo.py --vitask build/bin/vitask --out build/demo --ship resources/demo
      also assembles the demo the studio ships (resources/demo: model, TSM, studies,
      demo.json, the expected answers, SHA256SUMS; under 20 MB)
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys

import numpy as np

SIZE = 64
THREADS = 2  # fixed, so that a run reproduces bit for bit on any machine with this build
MODEL = dict(image_size=28, patch_size=7, vision_width=64, vision_layers=2, text_width=128, text_layers=2, heads=4)
ALPHA, BETA = 0.5, 0.1
MODALITIES = ("chest_xray", "dermoscopy", "retinal_oct", "histology")
STUDY_IMAGES = 4  # test images per modality in the shipped demo
DATE = "20261205"
OCT_PIXEL = 0.02  # mm, the demo B-scans' nominal square pixels (a 1.28 mm B-scan at 64 px)
SYNTHETIC = "Synthetic image made by scripts/make_demo.py; not a patient (VITask demo)"


def run(vitask, *args):
    command = [vitask, "--no-log-file", "--log-level", "warn", *args]  # global options go before the command
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
        "preset: custom", "seed: 0", f"threads: {THREADS}",
        f"model: {{scratch: {{tokenizer: {tokenizer}, {scratch}}}}}",
        "data: [" + ", ".join(data) + "]", f"tsm: {tsm}",
        "training: {batch_size: 32, log_every: 25}",
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


def uid(*parts):
    """A UID derived from `parts`: the same study gets the same UIDs on every run."""
    from pydicom.uid import generate_uid
    return generate_uid(entropy_srcs=["vitask-demo", *map(str, parts)])


def dicom_file(sop_class, key, modality, patient, description):
    """A dataset with the modules every IOD here shares: patient, study, series,
    equipment, SOP common; the patient marked as synthetic."""
    from pydicom.dataset import FileDataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = uid(key, "instance")
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = uid("implementation")
    meta.ImplementationVersionName = "VITASK_DEMO"
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID, ds.SOPInstanceUID = sop_class, meta.MediaStorageSOPInstanceUID
    ds.PatientName, ds.PatientID = patient, patient.replace("^", "-")
    ds.PatientBirthDate, ds.PatientSex = "", "O"
    ds.PatientComments = SYNTHETIC
    ds.StudyInstanceUID, ds.SeriesInstanceUID = uid(key, "study"), uid(key, "series")
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = DATE
    ds.StudyTime = ds.SeriesTime = ds.ContentTime = "120000"
    ds.StudyID, ds.AccessionNumber, ds.ReferringPhysicianName = "1", "", ""
    ds.StudyDescription = description + " (synthetic, VITask demo)"
    ds.Modality, ds.SeriesNumber, ds.InstanceNumber = modality, 1, 1
    ds.Manufacturer = "VITask demo (synthetic)"
    ds.ImageComments = SYNTHETIC
    ds.BurnedInAnnotation = "NO"
    ds.is_little_endian, ds.is_implicit_VR = True, False
    return ds


def code(value, designator, meaning):
    from pydicom.dataset import Dataset
    item = Dataset()
    item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, designator, meaning
    return item


def set_pixels(ds, image):
    """8-bit pixels, grey or RGB (interleaved)."""
    ds.Rows, ds.Columns = image.shape[:2]
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    if image.ndim == 3:
        ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.PlanarConfiguration = 3, "RGB", 0
    else:
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.PixelData = np.ascontiguousarray(image.astype(np.uint8)).tobytes()


def write_chest_study(npz, labels, folder, count):
    """One patient per image, each a DX radiograph (For Presentation): what a worklist of
    chest X-rays looks like. `labels` is unused (no label goes into any text: a reader must
    not see the ground truth; the .npz keeps it)."""
    images, _ = test_split(npz)
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        image = images[i % len(images)]  # a longer worklist (bench_review) repeats the split
        ds = dicom_file("1.2.840.10008.5.1.4.1.1.1.1", ("chest", i), "DX", f"DEMO^CHEST{i + 1:02d}",
                        "Chest radiograph")
        ds.ImageType = ["ORIGINAL", "PRIMARY"]
        ds.PresentationIntentType = "FOR PRESENTATION"
        ds.BodyPartExamined, ds.ViewPosition, ds.ImageLaterality = "CHEST", "PA", "U"
        ds.PatientOrientation = ["L", "F"]
        ds.SeriesDescription = "PA"
        set_pixels(ds, image)
        ds.PixelIntensityRelationship, ds.PixelIntensityRelationshipSign = "LIN", 1
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = 0, 1, "US"
        ds.PresentationLUTShape, ds.LossyImageCompression = "IDENTITY", "00"
        ds.ImagerPixelSpacing = ds.PixelSpacing = [4.0, 4.0]  # a 256 mm field over 64 pixels
        ds.DetectorType, ds.PositionerType = "DIRECT", "NONE"
        ds.AnatomicRegionSequence = [code("51185008", "SCT", "Chest")]
        ds.ViewCodeSequence = [code("399348003", "SCT", "postero-anterior")]
        ds.AcquisitionContextSequence = []
        # LINEAR with C 128 / W 256 maps stored x to x / 255: the [0, 1] training saw.
        ds.WindowCenter, ds.WindowWidth = 128, 256
        ds.save_as(os.path.join(folder, f"chest_{i + 1:02d}.dcm"), write_like_original=False)


def write_photographs(npz, folder, count, kind):
    """Dermoscopy photographs (VL Photographic Image, modality XC) or histology tiles (VL
    Microscopic Image, modality GM), RGB, one patient each."""
    sop, modality, name, description = {
        "dermoscopy": ("1.2.840.10008.5.1.4.1.1.77.1.4", "XC", "LESION", "Dermoscopy photograph"),
        "histology": ("1.2.840.10008.5.1.4.1.1.77.1.2", "GM", "TISSUE", "Histology tile (H&E)"),
    }[kind]
    images, _ = test_split(npz)
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        ds = dicom_file(sop, (kind, i), modality, f"DEMO^{name}{i + 1:02d}", description)
        ds.ImageType = ["ORIGINAL", "PRIMARY"]
        ds.SeriesDescription = description
        set_pixels(ds, images[i])
        ds.LossyImageCompression = "00"
        ds.AcquisitionContextSequence = []
        # Neither a skin lesion of no stated site nor a colon tissue tile is of a paired body
        # part: Image Laterality U (unpaired), and no series Laterality (empty would mean unknown).
        ds.ImageLaterality, ds.PatientOrientation = "U", ""
        ds.save_as(os.path.join(folder, f"{kind}_{i + 1:02d}.dcm"), write_like_original=False)


def write_oct(npz, folder, count):
    """Retinal OCT B-scans as Ophthalmic Tomography Image (PS3.3 A.52, modality OPT): the
    enhanced multi-frame IOD with one frame, the B-scan, one patient each (the right eye).

    The functional groups hold what a B-scan needs: the shared Pixel Measures, Plane
    Orientation and Frame Anatomy (retina, right eye), the per-frame Frame Content (a stack
    of one, the dimension the Multi-frame Dimension module indexes) and Plane Position. With
    no Ophthalmic Photography reference image there is no Ophthalmic Frame Location; Plane
    Position and Orientation are required instead, in a Frame of Reference of the B-scan's
    own. The pixels are the synthetic image's 8-bit values unchanged. The geometry is
    nominal: square pixels of OCT_PIXEL mm, so that the B-scan is shown as it was drawn,
    rows along the patient's right-to-left axis and columns in depth, anterior to posterior
    (an axial plane through the macula). The device parameters are those of a nominal
    spectral-domain OCT; nothing was measured and no patient's values were used."""
    from pydicom.dataset import Dataset

    def item(**attributes):
        ds = Dataset()
        for name, value in attributes.items():
            setattr(ds, name, value)
        return ds

    images, _ = test_split(npz)
    os.makedirs(folder, exist_ok=True)
    retina = code("5665001", "SCT", "Retina")
    for i in range(count):
        image = images[i]
        image = image if image.ndim == 2 else image[..., 0]
        rows, columns = image.shape
        ds = dicom_file("1.2.840.10008.5.1.4.1.1.77.1.5.4", ("oct", i), "OPT", f"DEMO^RETINA{i + 1:02d}",
                        "Retinal OCT B-scan")
        ds.SeriesDescription = "B-scan"
        # Enhanced General Equipment: the "device" is this script.
        ds.ManufacturerModelName, ds.DeviceSerialNumber = "scripts/make_demo.py", "SYNTHETIC"
        ds.SoftwareVersions = "VITask demo"
        # Frame of Reference: the B-scan's own (no reference photograph registers it).
        ds.FrameOfReferenceUID, ds.PositionReferenceIndicator = uid("oct", i, "frame"), ""
        # Ophthalmic Tomography Image.
        ds.ImageType = ["ORIGINAL", "PRIMARY"]
        ds.AcquisitionDateTime = DATE + "120000"
        ds.AcquisitionDuration, ds.AcquisitionNumber = 0.02, 1  # seconds: one B-scan
        set_pixels(ds, image)
        ds.PresentationLUTShape, ds.LossyImageCompression = "IDENTITY", "00"
        # The module fixes these to 0, 1, 1: an Ophthalmic Tomography image is never split into a
        # concatenation (dciodvfy's generic multi-frame check still reports them; see
        # tests/demo/check_demo_dicom.py).
        ds.ConcatenationFrameOffsetNumber, ds.InConcatenationNumber, ds.InConcatenationTotalNumber = 0, 1, 1
        # Multi-frame Functional Groups: one frame.
        ds.NumberOfFrames = 1
        ds.SharedFunctionalGroupsSequence = [item(
            PixelMeasuresSequence=[item(PixelSpacing=[OCT_PIXEL, OCT_PIXEL])],
            PlaneOrientationSequence=[item(ImageOrientationPatient=[1, 0, 0, 0, 1, 0])],
            FrameAnatomySequence=[item(AnatomicRegionSequence=[retina], FrameLaterality="R")],
        )]
        ds.PerFrameFunctionalGroupsSequence = [item(
            FrameContentSequence=[item(FrameAcquisitionDateTime=ds.AcquisitionDateTime,
                                       FrameReferenceDateTime=ds.AcquisitionDateTime,
                                       FrameAcquisitionDuration=20.0,  # ms
                                       StackID="1", InStackPositionNumber=1, DimensionIndexValues=[1, 1])],
            PlanePositionSequence=[item(ImagePositionPatient=[-(columns - 1) / 2 * OCT_PIXEL,
                                                              -(rows - 1) / 2 * OCT_PIXEL, 0.0])],
        )]
        # Multi-frame Dimension: the frames are a stack (of one), indexed by stack and position.
        organization = uid("oct", i, "dimensions")
        ds.DimensionOrganizationSequence = [item(DimensionOrganizationUID=organization)]
        ds.DimensionIndexSequence = [
            item(DimensionOrganizationUID=organization, DimensionIndexPointer=0x00209056,
                 FunctionalGroupPointer=0x00209111, DimensionDescriptionLabel="Stack ID"),
            item(DimensionOrganizationUID=organization, DimensionIndexPointer=0x00209057,
                 FunctionalGroupPointer=0x00209111, DimensionDescriptionLabel="In-Stack Position Number"),
        ]
        ds.AcquisitionContextSequence = []
        # Ophthalmic Tomography Acquisition Parameters: the eye's values are unknown (empty).
        ds.AxialLengthOfTheEye = ds.HorizontalFieldOfView = None
        ds.RefractiveStateSequence = []
        ds.EmmetropicMagnification = ds.IntraOcularPressure = None
        ds.PupilDilated = ""
        # Ophthalmic Tomography Parameters: a nominal spectral-domain OCT.
        ds.AcquisitionDeviceTypeCodeSequence = [code("392012008", "SCT", "Optical Coherence Tomography Scanner")]
        ds.LightPathFilterTypeStackCodeSequence = []
        ds.DetectorType = "CCD"
        ds.IlluminationWaveLength, ds.IlluminationPower, ds.IlluminationBandwidth = 840.0, 750.0, 50.0  # nm, uW, nm
        ds.DepthSpatialResolution, ds.MaximumDepthDistortion = 5.0, 1.0  # um, %
        ds.AlongScanSpatialResolution, ds.MaximumAlongScanDistortion = 15.0, 1.0
        ds.AcrossScanSpatialResolution, ds.MaximumAcrossScanDistortion = 15.0, 1.0
        # Ocular Region Imaged.
        ds.ImageLaterality = "R"
        ds.AnatomicRegionSequence = [retina]
        ds.save_as(os.path.join(folder, f"oct_{i + 1:02d}.dcm"), write_like_original=False)


def write_ct_volume(folder, slices=24, size=64, spacing=6.0, thickness=5.0):
    """A synthetic chest CT (CT Image, one file per slice, in HU): a body ellipse of soft
    tissue, two lungs of air with a nodule, a spine of bone, a heart. For the 3D viewer;
    no model is asked about it."""
    os.makedirs(folder, exist_ok=True)
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) - (size - 1) / 2.0
    for k in range(slices):
        z = (k - (slices - 1) / 2.0) / (slices / 2.0)  # -1 .. 1
        hu = np.full((size, size), -1000.0, np.float32)  # air outside
        hu[(x / 29.0) ** 2 + (y / 21.0) ** 2 <= 1.0] = 40.0  # soft tissue
        lung_r = 1.0 - 0.3 * z * z
        for side in (-1, 1):
            hu[((x - side * 12.0) / (9.0 * lung_r)) ** 2 + ((y + 2.0) / (14.0 * lung_r)) ** 2 <= 1.0] = -850.0
        hu[((x - 8.0) ** 2 + (y + 1.0) ** 2 <= 12.0) & (abs(z) < 0.3)] = 60.0  # heart
        hu[(x - 12.0) ** 2 + (y + 6.0) ** 2 + (12.0 * z) ** 2 <= 6.0] = 30.0  # a nodule in the left lung
        hu[x ** 2 + (y - 15.0) ** 2 <= 9.0] = 700.0  # spine
        ds = dicom_file("1.2.840.10008.5.1.4.1.1.2", ("ct", k), "CT", "DEMO^PHANTOM", "Chest CT phantom")
        ds.StudyInstanceUID, ds.SeriesInstanceUID = uid("ct", "study"), uid("ct", "series")
        ds.FrameOfReferenceUID, ds.PositionReferenceIndicator = uid("ct", "frame"), ""
        ds.InstanceNumber = k + 1
        ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
        ds.SeriesDescription, ds.BodyPartExamined, ds.PatientPosition = "Axial 5 mm", "CHEST", "HFS"
        ds.KVP, ds.AcquisitionNumber = 120, 1
        ds.Rows = ds.Columns = size
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = 0, 1, "HU"
        ds.PixelSpacing, ds.SliceThickness = [spacing, spacing], thickness
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [-(size - 1) / 2.0 * spacing, -(size - 1) / 2.0 * spacing, k * thickness]
        ds.SliceLocation = k * thickness
        ds.WindowCenter, ds.WindowWidth = [40, -600], [400, 1500]
        ds.WindowCenterWidthExplanation = ["SOFT TISSUE", "LUNG"]
        ds.PixelData = np.round(hu).astype("<i2").tobytes()
        ds.save_as(os.path.join(folder, f"ct_{k + 1:03d}.dcm"), write_like_original=False)


def train(args, out):
    """Steps 1-3 (kept when done); returns the data files, the TSM manifest and the model."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tokenizer = os.path.join(root, "resources", "tokenizers", "vitask-scratch")
    data_folder = os.path.join(out, "data")
    data = [os.path.join(data_folder, f"synth_{m}.npz") for m in MODALITIES]
    if not all(os.path.exists(d) for d in data):
        run(args.vitask, "data", "synth", "--out", data_folder, "--size", str(SIZE), "--train", "600", "--val", "60",
            "--test", "100", "--modality", *(f"synth_{m}" for m in MODALITIES))
    tsm_folder = os.path.join(out, "tsm")
    tsm = os.path.join(tsm_folder, "demo-resnet10.tsm.json")
    if not os.path.exists(tsm):
        command = ["--threads", str(THREADS), "tsm", "train", "--out", tsm_folder, "--name", "demo-resnet10",
                   "--depth", "10", "--width", "16", "--size", str(SIZE), "--epochs", "15", "--device", "cpu"]
        for d in data:
            command += ["--data", d]
        run(args.vitask, *command)
    return data, tsm, train_model(args.vitask, out, data, tsm, tokenizer)


def questions_of(vitask, data):
    """The paper's instruction for each task: the first line `vitask data prompts` prints."""
    return {m: run(vitask, "data", "prompts", "--variant", "complete", d).splitlines()[0]
            for m, d in zip(MODALITIES, data)}


def write_studies(folder, data, count):
    write_chest_study(data[0], None, os.path.join(folder, "chest_xray"), count)
    write_photographs(data[1], os.path.join(folder, "dermoscopy"), count, "dermoscopy")
    write_oct(data[2], os.path.join(folder, "retinal_oct"), count)
    write_photographs(data[3], os.path.join(folder, "histology"), count, "histology")
    write_ct_volume(os.path.join(folder, "ct_phantom"))


def expected_answers(vitask, ship, demo):
    """What the demo model answers about each study's images, without and with the TSM's
    exemplar (`vitask infer --json`): the studio's demo test compares with these."""
    answers = []
    for study in demo["studies"]:
        folder = os.path.join(ship, study["folder"])
        for name in sorted(os.listdir(folder)):
            for exemplar in (False, True):
                command = ["infer", os.path.join(folder, name), "--model", os.path.join(ship, demo["model"]),
                           "--tsm", os.path.join(ship, demo["tsm"]), "--task", study["task"], "--device", "cpu",
                           "--json"] + (["--exemplar"] if exemplar else [])
                result = json.loads(run(vitask, *command))
                answers.append({"image": f"{study['folder']}/{name}", "task": study["task"], "exemplar": exemplar,
                                "answer": result["answer"], "label_probabilities": result["label_probabilities"],
                                "tsm": result["tsm"]})
    return answers


def ship_demo(args, out, data, tsm, model, questions):
    """Assembles the shipped demo: paths inside it are relative, so it works wherever it
    is installed (the source tree, /usr/share/vitask/demo)."""
    ship = os.path.abspath(args.ship)
    for sub in ("vitask-demo", "tsm", "studies"):
        shutil.rmtree(os.path.join(ship, sub), ignore_errors=True)
    # The folder's name is the model's name in the studio.
    shutil.copytree(model, os.path.join(ship, "vitask-demo"))
    with open(os.path.join(ship, "vitask-demo", "vitask.json")) as f:
        description = json.load(f)
    description.pop("run", None)  # the training run stays where it was trained
    description["tsm"] = "demo-resnet10 (../tsm)"
    with open(os.path.join(ship, "vitask-demo", "vitask.json"), "w") as f:
        json.dump(description, f, indent=2, sort_keys=True)
        f.write("\n")
    os.makedirs(os.path.join(ship, "tsm"))
    for name in ("demo-resnet10.tsm.json", "demo-resnet10.safetensors"):
        shutil.copy(os.path.join(os.path.dirname(tsm), name), os.path.join(ship, "tsm", name))
    write_studies(os.path.join(ship, "studies"), data, STUDY_IMAGES)
    # The configuration as trained, its paths relative to the shipped folder (the data stay in --out).
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(out, "vitask.yaml")) as f:
        config = f.read().replace(out, os.path.relpath(out, ship)).replace(root, os.path.relpath(root, ship))
    with open(os.path.join(ship, "vitask.yaml"), "w") as f:
        f.write(config)

    demo = {
        "format_version": 1,
        "model": "vitask-demo",
        "tsm": "tsm/demo-resnet10.tsm.json",
        "first_study": "studies/chest_xray",
        "studies": [{"folder": f"studies/{m}", "task": f"synth_{m}", "question": questions[m]} for m in MODALITIES],
        "volumes": [{"folder": "studies/ct_phantom", "note": "a synthetic chest CT for the viewer; no task"}],
    }
    with open(os.path.join(ship, "demo.json"), "w") as f:
        json.dump(demo, f, indent=2)
        f.write("\n")
    with open(os.path.join(ship, "expected_answers.json"), "w") as f:
        json.dump(expected_answers(args.vitask, ship, demo), f, indent=1)
        f.write("\n")
    sums = []
    for top, _, files in sorted(os.walk(ship)):
        for name in sorted(files):
            path = os.path.join(top, name)
            if name in ("SHA256SUMS", "README.md"):
                continue
            with open(path, "rb") as f:
                sums.append(f"{hashlib.sha256(f.read()).hexdigest()}  {os.path.relpath(path, ship)}")
    write(os.path.join(ship, "SHA256SUMS"), sorted(sums, key=lambda line: line.split("  ", 1)[1]))
    return ship


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vitask", required=True, help="the vitask program")
    parser.add_argument("--out", required=True, help="the working folder (data, the runs, the studies)")
    parser.add_argument("--ship", help="assemble the shipped demo here (resources/demo)")
    parser.add_argument("--images", type=int, default=6, help="test images per study in --out")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    data, tsm, model = train(args, out)

    chest = os.path.join(out, "studies", "chest_xray")
    dermoscopy = os.path.join(out, "studies", "dermoscopy")
    write_chest_study(data[0], None, chest, args.images)
    write_photographs(data[1], dermoscopy, args.images, "dermoscopy")
    questions = questions_of(args.vitask, data)
    if args.ship:
        ship_demo(args, out, data, tsm, model, questions)
    print(json.dumps({"model": model, "tsm": tsm, "chest_study": chest, "dermoscopy_study": dermoscopy,
                      "questions": questions}))


if __name__ == "__main__":
    main()
