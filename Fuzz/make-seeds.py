#!/usr/bin/env python3
"""Writes small, valid seed inputs for one fuzz target into a directory: make-seeds.py <target> <dir>.

The binary formats (npy, tfapprox, axlut, safetensors, IDX, CIFAR-10) have no small real files in the
repo, so valid examples are built here from their specs; exact multiplier products keep them realistic."""
import gzip, json, struct, sys, os

def products(wa, wb):
    return [[a * b for b in range(1 << wb)] for a in range(1 << wa)]

def npy(rows, descr, fmt):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': (%d, %d), }" % (descr, len(rows), len(rows[0]))
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    body = b"".join(struct.pack("<" + fmt, v) for r in rows for v in r)
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + body

def axlut(wa, wb, out_type=3, version=1, meta=b"source=seed\n"):
    name = b"exact"
    vals = [v for r in products(wa, wb) for v in r]
    fmt = {1: "H", 2: "h", 3: "I", 4: "i", 5: "q"}[out_type]
    data = b"".join(struct.pack("<" + fmt, v) for v in vals)
    total = 48 + len(name) + len(meta) + len(data)
    head = b"AXLUT\r\n\x1a" + struct.pack("<H", version) + bytes([wa, wb, 0, 0, out_type, 0])
    head += struct.pack("<IIQQQ", len(name), len(meta), len(vals), total, 0)
    return head + name + meta + data  # checksum left 0: the fuzz target repairs it

def safetensors(tensors=None, meta=None):
    tensors = tensors or {"w": ([2, 3], [0.5, -1, 2, 3, 4, 5]), "b": ([3], [0, 1, 2])}
    header, blob = {"__metadata__": meta or {"epoch": "1"}}, b""
    for name, (shape, vals) in tensors.items():
        data = struct.pack("<%df" % len(vals), *vals)
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [len(blob), len(blob) + len(data)]}
        blob += data
    h = json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + blob

def checkpoint(meta):
    # an mlp checkpoint: input 4, hidden 3, 2 classes (fc1 3x4 + 3, fc2 2x3 + 2)
    return safetensors({"fc1.weight": ([3, 4], [0.1] * 12), "fc1.bias": ([3], [0.0] * 3),
                        "fc2.weight": ([2, 3], [0.2] * 6), "fc2.bias": ([2], [0.0] * 2)}, meta)

def idx(dims, type_code=0x08, payload=None):
    n = 1
    for d in dims: n *= d
    body = payload if payload is not None else bytes(i % 251 for i in range(n))
    return bytes([0, 0, type_code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + body

def npy_nd(shape, descr, fmt, vals):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }" % (descr, "".join("%d, " % d for d in shape))
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + b"".join(struct.pack("<" + fmt, v) for v in vals)

def png(w, h, colour_type, channels, filt):
    import zlib
    raw = b"".join(bytes([filt]) + bytes((7 * y + 3 * i) % 256 for i in range(w * channels)) for y in range(h))
    def chunk(t, body):
        return struct.pack(">I", len(body)) + t + body + struct.pack(">I", zlib.crc32(t + body) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

def seeds(target):
    if target == "npyarray":
        return {"x_f4_2x1x2x2.npy": npy_nd([2, 1, 2, 2], "<f4", "f", [0.5 * i for i in range(8)]),
                "x_f8_3x2.npy": npy_nd([3, 2], "<f8", "d", [0.25 * i for i in range(6)]),
                "y_i8_3.npy": npy_nd([3], "<i8", "q", [0, 1, 2]), "y_u1_4.npy": npy_nd([4], "|u1", "B", [1, 0, 3, 2])}
    if target == "pngfolder":
        return {("links%d_" % k) + name: bytes([k]) + data for k, (name, data) in enumerate(seeds("png").items())}
    if target == "slurmscript":
        return {"plain.txt": b"/usr/bin/axmul\x1f/scratch/run/sets/gen-001\x1fgen-001\x1f--partition=cpu\x1f--time=01:00:00",
                "space.txt": b"/opt/ax mul/axmul\x1f/scratch/out it's 100% \"done\"/sets/s\x1fs-1\x1f--mem=4G"}
    if target == "shardfiles":
        shard = json.dumps({"shard": 0, "first": 0, "accuracies": [0.5, 0.75]}).encode()
        cache = (json.dumps({"key": {"model": "m", "subset": "validation", "assignment": ["exact8"]}, "accuracy": 0.5}) + "\n").encode()
        return {"shard.json": b"\x01" + shard, "cache.jsonl": b"\x02" + cache, "manifest.json": b"\x00{}"}
    if target == "png":
        return {"gray_%d.png" % f: png(5, 4, 0, 1, f) for f in range(5)} | {
                "rgb.png": png(3, 3, 2, 3, 4), "rgba.png": png(2, 3, 6, 4, 1), "ga.png": png(4, 2, 4, 2, 3)}
    if target == "npy":
        return {"u4_4x4.npy": npy(products(2, 2), "<u4", "I"), "u2_8x4.npy": npy(products(3, 2), "<u2", "H"),
                "i8_2x2.npy": npy(products(1, 1), "<i8", "q"), "u1_2x2.npy": npy(products(1, 1), "|u1", "B")}
    if target == "tfapprox":
        return {"exact8x8.bin": b"".join(struct.pack("<H", a * b) for a in range(256) for b in range(256))}
    if target == "text":
        return {"exact2x2.csv": "\n".join(",".join(map(str, r)) for r in products(2, 2)).encode() + b"\n",
                "exact3x2.txt": "\n".join(" ".join(map(str, r)) for r in products(3, 2)).encode()}
    if target == "axlut":
        cost = (b"cost_carry_cells=0\ncost_delay_ns=0.425\ncost_lut_levels=1\ncost_luts=4\n"
                b"cost_power_mw=0.11\ncost_power_rel=1.0\ncost_source=lut-mapping\nsource_hash=0x0123456789abcdef\n")
        return {"exact2x2.axlut": axlut(2, 2), "exact4x4_u16.axlut": axlut(4, 4, 1), "exact3x2_i64.axlut": axlut(3, 2, 5),
                "exact2x2_v2_cost.axlut": axlut(2, 2, version=2, meta=cost),
                "exact2x2_v2_unknown.axlut": axlut(2, 2, version=2, meta=b"cost_unknown=an imported table has no circuit\n")}
    if target == "safetensors":
        return {"small.safetensors": safetensors()}
    if target == "checkpoint":
        base = {"format": "axmul-netsim/1", "model": "mlp", "input_shape": "4", "class_count": "2", "hidden": "3"}
        return {"mlp.safetensors": checkpoint(base),
                "lenet.safetensors": checkpoint(dict(base, model="lenet5", input_shape="1,28,28", class_count="10")),
                "huge.safetensors": checkpoint(dict(base, class_count="1000000000", hidden="100000,100000"))}
    if target == "verilog-deep":
        return {"nest.bin": bytes([0, 40, 1, 2]), "chain.bin": bytes([1, 255, 255, 3]), "mixed.bin": bytes([2, 9, 200, 7, 1])}
    if target == "idx":
        return {"images.idx3": idx([3, 4, 4]), "labels.idx1": idx([5], payload=bytes([1, 2, 3, 4, 9])),
                "images.idx3.gz": gzip.compress(idx([2, 3, 3]))}
    if target == "kernels":
        # family, route choice, flags (bit 0 non-negative activations, bits 1-2 the ISA level among those the
        # CPU runs, bits 4-6 all set: a wide shape), then table bytes and shape/seed words: one seed per
        # family, every level, one wide shape.
        def kernel(family, route, flags, table=b"", shape=(20, 0, 33, 0, 9, 0, 1, 2)):
            return bytes([family, route, flags]) + table + bytes(shape)
        blocks = bytes((i * 37) % 226 for i in range(1024))
        return {"exact_avx2.bin": kernel(0, 0, 2), "exact_pairs.bin": kernel(0, 1, 3),
                "exact_avx512.bin": kernel(0, 0, 4), "exact_blocks_avx512.bin": kernel(0, 1, 5),
                "exact_portable.bin": kernel(0, 2, 0), "blocks_avx2.bin": kernel(1, 1, 2, blocks),
                "blocks_avx512.bin": kernel(1, 1, 5, blocks), "blocks_portable.bin": kernel(1, 0, 1, blocks),
                "truncated.bin": kernel(2, 0, 2, bytes([4])), "random_gather.bin": kernel(3, 0, 2, bytes([7, 1])),
                "wide_exact.bin": kernel(0, 1, 0x75)}
    if target == "cifar":
        return {"two.bin": b"".join(bytes([k]) + bytes((k + i) % 256 for i in range(3072)) for k in (3, 7))}
    return {}

if __name__ == "__main__":
    target, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for name, data in seeds(target).items():
        with open(os.path.join(out, "gen_" + name), "wb") as f:
            f.write(data)
