#!/usr/bin/python3
"""Reference for the preprocessing tests, in numpy only (no OpenCV, no PIL):

  preprocess_reference.py expect IN.raw H W C CENTER WIDTH SPACING_X SPACING_Y \
        OUT_W OUT_H FIT PAD CHANNELS MEAN STD OUT.raw
      IN.raw: float32 slice (H, W, C). DICOM linear window to [0, 1]; grey->RGB by
      repetition; aspect-kept size in physical units; bilinear resampling with pixel
      centres aligned (src = (dst + 0.5) * in/out - 0.5, clamped at the borders);
      pad (centred, floor offsets) or centre crop; (v - mean) / std; writes CHW float32.
      MEAN and STD: comma-separated, one value or one per channel.
  preprocess_reference.py png OUT.png H W C BITS  writes a pattern PNG with zlib: value
      (y * 31 + x * 7 + c * 101) % 2**BITS, big-endian for 16 bits, filter type 0."""
import struct
import sys
import zlib

import numpy as np


def window(v, center, width):
    low = center - 0.5 - (width - 1) / 2
    high = center - 0.5 + (width - 1) / 2
    return np.where(v <= low, 0.0, np.where(v > high, 1.0, (v - (center - 0.5)) / (width - 1) + 0.5))


def resample_axis(n_in, n_out):
    """Indices and weights of bilinear resampling along one axis."""
    d = np.arange(n_out, dtype=np.float64)
    f = (d + 0.5) * (n_in / n_out) - 0.5
    i0 = np.floor(f).astype(np.int64)
    t = f - i0
    t[i0 < 0] = 0.0
    i0[i0 < 0] = 0
    over = i0 >= n_in - 1
    t[over] = 0.0
    i0[over] = n_in - 1
    i1 = np.minimum(i0 + 1, n_in - 1)
    return i0, i1, t


def bilinear(img, new_h, new_w):
    h, w = img.shape[:2]
    y0, y1, ty = resample_axis(h, new_h)
    x0, x1, tx = resample_axis(w, new_w)
    ty = ty[:, None, None]
    tx = tx[None, :, None]
    top = img[y0][:, x0] * (1 - tx) + img[y0][:, x1] * tx
    bottom = img[y1][:, x0] * (1 - tx) + img[y1][:, x1] * tx
    return top * (1 - ty) + bottom * ty


def expect(args):
    (src, h, w, c, center, width, sx, sy, out_w, out_h, fit, pad, channels, mean, std, dst) = args
    h, w, c, out_w, out_h, channels = map(int, (h, w, c, out_w, out_h, channels))
    center, width, sx, sy, pad = map(float, (center, width, sx, sy, pad))
    img = np.fromfile(src, dtype="<f4").astype(np.float64).reshape(h, w, c)
    img = window(img, center, width)
    if c == 1 and channels == 3:
        img = np.repeat(img, 3, axis=2)
    finer = min(sx, sy)
    phys_w, phys_h = w * sx / finer, h * sy / finer
    if fit == "stretch":
        new_w, new_h = out_w, out_h
    else:
        scale = (min if fit == "pad" else max)(out_w / phys_w, out_h / phys_h)
        new_w, new_h = int(np.floor(phys_w * scale + 0.5)), int(np.floor(phys_h * scale + 0.5))
        if fit == "pad":
            new_w, new_h = min(max(new_w, 1), out_w), min(max(new_h, 1), out_h)
        else:
            new_w, new_h = max(new_w, out_w), max(new_h, out_h)
    if (new_w, new_h) != (w, h):
        img = bilinear(img, new_h, new_w)
    if fit == "crop":
        x, y = (new_w - out_w) // 2, (new_h - out_h) // 2
        canvas = img[y:y + out_h, x:x + out_w]
    else:
        canvas = np.full((out_h, out_w, img.shape[2]), pad)
        x, y = (out_w - new_w) // 2, (out_h - new_h) // 2
        canvas[y:y + new_h, x:x + new_w] = img
    mean = np.array([float(v) for v in mean.split(",")])
    std = np.array([float(v) for v in std.split(",")])
    out = (canvas - mean) / std
    out.transpose(2, 0, 1).astype("<f4").tofile(dst)


def write_png(path, h, w, c, bits):
    h, w, c, bits = int(h), int(w), int(c), int(bits)
    y, x, ch = np.meshgrid(np.arange(h), np.arange(w), np.arange(c), indexing="ij")
    values = (y * 31 + x * 7 + ch * 101) % (2 ** bits)
    dtype = ">u2" if bits == 16 else "u1"
    rows = values.reshape(h, w * c).astype(dtype)
    raw = b"".join(b"\x00" + row.tobytes() for row in rows)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    colour = 0 if c == 1 else 2
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, bits, colour, 0, 0, 0)) +
           chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    if sys.argv[1] == "expect":
        expect(sys.argv[2:])
    else:
        write_png(*sys.argv[2:])
