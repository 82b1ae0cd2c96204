"""Writes .npy folders and PNG files for the NetSim array-folder tests, independently of AxMul.

usage: make_arrays.py OUT_DIR
PNGs are encoded here with zlib and the five PNG row filters (one filter per row, cycling), so the
Swift decoder is checked against an encoder it shares no code with. Pixel (y, x, c) of image k is
(31*y + 17*x + 59*c + 13*k) % 256.
"""
import os, struct, sys, zlib
import numpy as np

out = sys.argv[1]

def pixels(h, w, c, k):
    y, x, ch = np.meshgrid(np.arange(h), np.arange(w), np.arange(c), indexing="ij")
    return ((31 * y + 17 * x + 59 * ch + 13 * k) % 256).astype(np.uint8)

def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)

def png(path, img, colour_type):
    h, w, c = img.shape
    stride = w * c
    rows = img.reshape(h, stride).astype(int)
    raw = bytearray()
    for y in range(h):
        f = y % 5
        raw.append(f)
        for i in range(stride):
            a = rows[y, i - c] if i >= c else 0
            b = rows[y - 1, i] if y > 0 else 0
            cc = rows[y - 1, i - c] if (y > 0 and i >= c) else 0
            pred = [0, a, b, (a + b) // 2, paeth(a, b, cc)][f]
            raw.append((rows[y, i] - pred) % 256)
    def chunk(t, body):
        return struct.pack(">I", len(body)) + t + body + struct.pack(">I", zlib.crc32(t + body) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0)
    comp = zlib.compress(bytes(raw), 9)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"tEXt", b"k\x00v")
    data += chunk(b"IDAT", comp[:5]) + chunk(b"IDAT", comp[5:]) + chunk(b"IEND", b"")   # split IDAT
    with open(path, "wb") as fh:
        fh.write(data)

# 1. PNG colour types: gray 0, gray+alpha 4, RGB 2, RGBA 6; 7x5 pixels.
os.makedirs(f"{out}/png", exist_ok=True)
for ct, c in [(0, 1), (4, 2), (2, 3), (6, 4)]:
    png(f"{out}/png/type{ct}.png", pixels(5, 7, c, ct), ct)

# 2. An .npy folder: x = arange * 0.25 - 3 (float32), N x 1 x 2 x 3; y = i % 3.
npyd = f"{out}/npy"
os.makedirs(npyd, exist_ok=True)
def x_of(n, offset):
    return (np.arange(offset, offset + n * 6, dtype=np.float32) * np.float32(0.25) - np.float32(3)).reshape(n, 1, 2, 3)
np.save(f"{npyd}/train_x.npy", x_of(9, 0))
np.save(f"{npyd}/train_y.npy", (np.arange(9) % 3).astype(np.int64))
np.save(f"{npyd}/test_x.npy", x_of(4, 1000))
np.save(f"{npyd}/test_y.npy", (np.arange(4) % 3).astype(np.int32))
# 3. Test-only folder with N x F float64 inputs and uint8 labels.
tod = f"{out}/npy-test-only"
os.makedirs(tod, exist_ok=True)
np.save(f"{tod}/test_x.npy", np.arange(10, dtype=np.float64).reshape(5, 2) / 8)
np.save(f"{tod}/test_y.npy", np.array([1, 0, 1, 0, 1], dtype=np.uint8))

# 4. Image class folders (RGB 4x3), classes "cat" (label 0) and "dog" (label 1), 5 images each, k = 0..9.
for k in range(10):
    cls = "cat" if k < 5 else "dog"
    os.makedirs(f"{out}/images/{cls}", exist_ok=True)
    png(f"{out}/images/{cls}/img{k}.png", pixels(3, 4, 3, k), 2)
    part = "train" if k % 5 < 3 else "test"
    os.makedirs(f"{out}/split/{part}/{cls}", exist_ok=True)
    png(f"{out}/split/{part}/{cls}/img{k}.png", pixels(3, 4, 3, k), 2)
