#!/usr/bin/python3
"""Reference decoder for the imaging tests: decodes every file given with pydicom (GDCM
handler for compressed syntaxes) or nibabel and writes, per file, the voxel values as raw
little-endian float32 plus a JSON manifest with shape, photometric and geometry.

usage: reference_decode.py OUT_DIR dicom|dicom+voi|nifti FILE...
Manifest (OUT_DIR/manifest.json): {FILE: {"status": "ok"|"rejected"|"no_pixels",
  "reason": str, "raw": name, "shape": [...], ...}}

DICOM values are after the modality LUT (rescale slope/intercept or Modality LUT
Sequence; per frame from the functional groups of enhanced multi-frame objects, which
pydicom 2.3 does not read itself), shape (frames, rows, columns, samples); YBR data that
pydicom leaves in YBR is converted to RGB so that both sides compare RGB, PALETTE COLOR
goes through pydicom's apply_color_lut. With dicom+voi, "windows" lists per frame one raw
array per VOI preset (VOI LUTs first, then Window Center/Width pairs): pydicom's
apply_voi / apply_windowing output of that frame (with its VOI LUT Function) scaled to
[0, 1]. NIfTI values are nibabel's get_fdata() (scl_slope and scl_inter applied) in
NIfTI index order (i fastest when flattened in Fortran order), and the affine is converted from nibabel's RAS+ to the LPS patient coordinates DICOM uses."""
import json
import os
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")


def frame_view(ds, frame):
    """The modality and VOI attributes that apply to one frame as a flat dataset, the form
    pydicom's apply_* functions read: Per-frame, else Shared Functional Groups, else the
    top level."""
    from pydicom.dataset import Dataset
    shared = ds.get("SharedFunctionalGroupsSequence")
    per_frame = ds.get("PerFrameFunctionalGroupsSequence")
    if not shared and not per_frame:
        return ds
    view = Dataset()
    for keyword in ("BitsStored", "PixelRepresentation", "PhotometricInterpretation",
                    "RescaleSlope", "RescaleIntercept", "ModalityLUTSequence",
                    "WindowCenter", "WindowWidth", "VOILUTFunction", "VOILUTSequence"):
        if keyword in ds:
            setattr(view, keyword, ds[keyword].value)
    sources = [(shared or [None])[0], per_frame[frame] if per_frame else None]
    for macro, keys in (("PixelValueTransformationSequence", ("RescaleSlope", "RescaleIntercept")),
                        ("FrameVOILUTSequence", ("WindowCenter", "WindowWidth", "VOILUTFunction",
                                                  "VOILUTSequence"))):
        for group in sources:  # shared first: the frame's own values win
            if group is not None and macro in group:
                item = group[macro][0]
                for keyword in keys:
                    if keyword in view:
                        delattr(view, keyword)
                    if keyword in item:
                        setattr(view, keyword, item[keyword].value)
    return view


def display_references(arr, ds, frames, out_dir, index):
    """Per frame, per VOI preset: the raw file of pydicom's display values in [0, 1]."""
    import numpy as np
    from pydicom.pixel_data_handlers.util import apply_voi, apply_windowing
    names = []
    for f in range(frames):
        view = frame_view(ds, f)
        outputs = []
        for i, item in enumerate(view.get("VOILUTSequence") or []):
            top = 2 ** int(item.LUTDescriptor[2]) - 1
            outputs.append(apply_voi(arr[f], view, i) / top)
        if "WindowCenter" in view and "WindowWidth" in view:
            count = view["WindowCenter"].VM
            for i in range(count):
                # The output range from the extremes, without restating pydicom's rules.
                low, high = apply_windowing(np.array([-1e30, 1e30]), view, i)
                outputs.append((apply_windowing(arr[f], view, i) - low) / (high - low))
        frame_names = []
        for i, out in enumerate(outputs):
            name = f"{index}.f{f}.w{i}.raw"
            np.asarray(out, dtype="<f4").tofile(os.path.join(out_dir, name))
            frame_names.append(name)
        names.append(frame_names)
    return names


def decode_dicom(path, out_dir, index, voi=False):
    import pydicom
    from pydicom.pixel_data_handlers.util import (apply_color_lut, apply_modality_lut,
                                                  convert_color_space)
    try:
        ds = pydicom.dcmread(path)
    except Exception as e:  # noqa: BLE001 - any failure means "rejected"
        return {"status": "rejected", "reason": f"{type(e).__name__}: {e}"}
    if "PixelData" not in ds:
        return {"status": "no_pixels", "reason": "no Pixel Data element"}
    try:
        arr = ds.pixel_array
    except Exception as e:  # noqa: BLE001
        return {"status": "rejected", "reason": f"{type(e).__name__}: {e}"}
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    samples = int(getattr(ds, "SamplesPerPixel", 1))
    photometric = str(getattr(ds, "PhotometricInterpretation", ""))
    tsuid = str(ds.file_meta.TransferSyntaxUID) if "TransferSyntaxUID" in ds.file_meta else ""
    arr = arr.reshape((frames,) + arr.shape[-2 if samples == 1 else -3:])
    if photometric == "PALETTE COLOR":
        arr = apply_color_lut(arr, ds)
        samples = 3
    elif samples == 1:
        arr = np.stack([apply_modality_lut(arr[f], frame_view(ds, f)) for f in range(frames)])
    elif photometric.startswith("YBR_FULL"):
        # pydicom returns the stored YBR values (its GDCM handler too, for JPEG);
        # DCMTK converts to RGB. JPEG 2000's YBR_RCT/ICT come back as RGB from GDCM.
        arr = convert_color_space(arr, photometric, "RGB")
    arr = np.asarray(arr, dtype=np.float64)
    rows, cols = int(ds.Rows), int(ds.Columns)
    arr = arr.reshape((frames, rows, cols, samples))
    raw = f"{index}.raw"
    arr.astype("<f4").tofile(os.path.join(out_dir, raw))
    entry = {"status": "ok", "raw": raw, "shape": list(arr.shape),
             "photometric": photometric, "transfer_syntax": tsuid,
             "lossy": tsuid in ("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
                                "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.91")}
    if voi and samples == 1:
        entry["windows"] = display_references(arr.reshape(frames, rows, cols), ds, frames, out_dir, index)
    for key in ("ImagePositionPatient", "ImageOrientationPatient", "PixelSpacing",
                "GridFrameOffsetVector"):
        if key in ds and ds[key].value is not None:
            entry[key] = [float(v) for v in ds[key].value]
    return entry


def decode_nifti(path, out_dir, index):
    import nibabel as nib
    try:
        img = nib.load(path)
        data = np.asarray(img.get_fdata(dtype=np.float64))
    except Exception as e:  # noqa: BLE001
        return {"status": "rejected", "reason": f"{type(e).__name__}: {e}"}
    if getattr(img, "affine", None) is None:
        # CIFTI-2 (a NIfTI-2 container of brain-surface matrices) has no spatial affine.
        return {"status": "rejected", "reason": f"{type(img).__name__} has no affine (not a volume)"}
    raw = f"{index}.raw"
    # Fortran order: x fastest, then y, z, t, as a volume stores its voxels.
    data.astype("<f4").flatten(order="F").tofile(os.path.join(out_dir, raw))
    lps = np.diag([-1.0, -1.0, 1.0])
    affine = np.asarray(img.affine, dtype=np.float64)
    m = lps @ affine[:3, :3]
    spacing = np.sqrt((m ** 2).sum(axis=0))
    direction = m / spacing
    return {"status": "ok", "raw": raw, "shape": list(data.shape),
            "spacing": spacing.tolist(), "origin": (lps @ affine[:3, 3]).tolist(),
            # row-major 3x3, columns are the directions of the i, j, k axes
            "direction": direction.flatten().tolist(),
            "zooms": [float(z) for z in img.header.get_zooms()]}


def main():
    out_dir, kind, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    if kind == "nifti":
        manifest = {path: decode_nifti(path, out_dir, i) for i, path in enumerate(files)}
    else:
        manifest = {path: decode_dicom(path, out_dir, i, kind == "dicom+voi")
                    for i, path in enumerate(files)}
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
