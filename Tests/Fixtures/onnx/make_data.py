"""Writes a small .npy data folder for the ONNX export tests: make_data.py OUT_DIR C H W N_TRAIN N_TEST CLASSES SEED.

x ~ uniform(-1, 1) float32 plus a class-dependent offset in the first channel, so a model can learn it;
y = the class, integer. Shape N x C x H x W (H = W = 0 gives N x C features).
"""
import os, sys
import numpy as np

out = sys.argv[1]
c, h, w, n_train, n_test, classes, seed = map(int, sys.argv[2:9])
rng = np.random.default_rng(seed)
os.makedirs(out, exist_ok=True)
for part, n in (("train", n_train), ("test", n_test)):
    y = rng.integers(0, classes, n)
    shape = (n, c) if h == 0 else (n, c, h, w)
    x = rng.uniform(-1, 1, shape).astype(np.float32)
    x[:, 0] += (y.reshape((n,) + (1,) * (len(shape) - 2)) - classes / 2).astype(np.float32) * np.float32(0.6)
    np.save(f"{out}/{part}_x.npy", x.astype(np.float32))
    np.save(f"{out}/{part}_y.npy", y.astype(np.int64))
