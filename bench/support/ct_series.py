"""A CT series for the whole-command benchmarks (bench/pacs, bench/cli): the demo
phantom's header, a new study, new UIDs, a smooth 512 x 512 int16 pattern per slice,
explicit VR little endian, one file per slice. Made with pydicom."""
import os

import numpy as np
import pydicom
from pydicom.uid import generate_uid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def make_ct_series(folder, images):
    """Writes ct_000.dcm ... into folder; returns the Study Instance UID."""
    template = pydicom.dcmread(os.path.join(ROOT, "resources/demo/studies/ct_phantom/ct_001.dcm"))
    study, series = generate_uid(), generate_uid()
    y, x = np.mgrid[0:512, 0:512]
    for i in range(images):
        d = template.copy()
        d.StudyInstanceUID, d.SeriesInstanceUID = study, series
        d.SOPInstanceUID = generate_uid()
        d.file_meta.MediaStorageSOPInstanceUID = d.SOPInstanceUID
        d.InstanceNumber = i + 1
        d.ImagePositionPatient = [0, 0, float(i)]
        d.Rows = d.Columns = 512
        pixels = (1000 * np.sin(x / 40.0 + i / 30.0) * np.cos(y / 50.0)).astype(np.int16)
        d.PixelRepresentation = 1
        d.PixelData = pixels.tobytes()
        d.save_as(os.path.join(folder, f"ct_{i:03d}.dcm"), write_like_original=False)
    return study
