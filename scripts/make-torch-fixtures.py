#!/usr/bin/env python3
"""Exports the torch-made ONNX fixtures of Tests/ONNXTests/Fixtures/torch (issue 26).

usage: .venv/bin/python scripts/make-torch-fixtures.py [OUT_DIR] [--only NAME,...]   (--only keeps the other entries of
                                                                                     OUT_DIR/manifest.json)
       .venv/bin/python scripts/make-torch-fixtures.py --status OUT_DIR   the import-status survey (docs/onnx.md)
       .venv/bin/python scripts/make-torch-fixtures.py --bench OUT_DIR    resnet50 and resnet18 for docs/onnx.md's benchmark
       (needs torch, torchvision and onnxscript: scripts/setup --torch)

--status exports the smallest variant of every torchvision classification family (10 classes, random weights,
BatchNorm statistics from data, the smallest input each accepts) the same way into OUT_DIR (not committed:
hundreds of MB); ONNXTorchStatusTests imports them when AXMUL_TORCH_STATUS_DIR names that folder.

Each model is exported by both exporters of torch.onnx.export (classic `dynamo=False` with dynamic_axes,
and dynamo with a dynamic batch), with random weights whose BatchNorm statistics are set from data (a few
forward passes in train mode, cumulative averages), at small width and a small input. For each NAME it
writes NAME.onnx (weights inside), NAME.input.npy (float32) and NAME.output.npy (onnxruntime's logits),
and manifest.json records the cases with the torch, torchvision, onnx and onnxruntime versions. Seeded.
The tests read these files without torch. A model an exporter cannot export is listed with the reason.
"""
import json
import os
import sys
import traceback

import numpy as np
import onnx
import onnxruntime as ort
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torchvision import models
from torchvision.models import inception, regnet

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ONNXTests", "Fixtures", "torch")


class LeNetView(nn.Module):
    """LeNet-5 flattening with x.view(x.size(0), -1): the classic exporter's Shape → Gather → Unsqueeze → Concat → Reshape."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(x.size(0), -1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


class MNISTExample(nn.Module):
    """pytorch/examples mnist/main.py's Net at a quarter of its width (32, 64, 128 → 8, 16, 32): ends in log_softmax."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, 1)
        self.conv2 = nn.Conv2d(8, 16, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(2304, 32)
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = self.dropout2(x)
        return F.log_softmax(self.fc2(x), dim=1)


class InceptionBlock(nn.Module):
    """Inception v3's 17×17 block (torchvision's InceptionC: 1×7 and 7×1 convolutions, 3×3 average pool with
    count_include_pad) at 4 channels in its 7×7 branches, after a strided stem and before a linear classifier."""

    def __init__(self):
        super().__init__()
        self.stem = inception.BasicConv2d(3, 8, kernel_size=3, stride=2)
        self.mixed = inception.InceptionC(8, channels_7x7=4)
        self.fc = nn.Linear(768, 10)

    def forward(self, x):
        x = self.mixed(self.stem(x))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class AdaptivePools(nn.Module):
    """AlexNet's and VGG's adaptive average pooling to a larger size: 5×5 → 7×7 (windows of 1 or 2 pixels, dynamo's
    masked sums) and 1×1 → 6×6 (dynamo's ReduceMean of gathered pixels). The classic exporter refuses both."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, stride=2)
        self.fc = nn.Linear(4 * 49 + 4 * 36, 10)

    def forward(self, x):
        x = F.relu(self.conv(x))
        up = F.adaptive_avg_pool2d(F.adaptive_avg_pool2d(x, 1), 6)
        return self.fc(torch.cat([torch.flatten(F.adaptive_avg_pool2d(x, 7), 1), torch.flatten(up, 1)], 1))


def small_convnext():
    """torchvision's ConvNeXt at two stages of one block each (widths 8, 16), with a layer scale of 1 (the default
    1e-6 would hide the block): the stem's and downsampling's LayerNorm2d, the blocks' channels-last LayerNorm,
    Linear and GELU, and the classifier's LayerNorm2d. The classic exporter (opset 13) writes GELU as
    Div → Erf → Add → Mul → Mul and LayerNorm as ReduceMean → Sub → Pow → ReduceMean → Add → Sqrt → Div → Mul → Add."""
    from torchvision.models.convnext import CNBlockConfig, ConvNeXt
    m = ConvNeXt([CNBlockConfig(8, 16, 1), CNBlockConfig(16, None, 1)], layer_scale=1.0, num_classes=10)
    # torchvision's init (weights of std 0.02, zero biases, γ 1, β 0) keeps GELU's inputs near 0; weights of std
    # 1/√fan_in and random biases, γ and β exercise erf and the affine terms over their range.
    with torch.no_grad():
        for p in m.parameters():
            if p.dim() > 1:
                p.normal_(0, p[0].numel() ** -0.5)
            else:
                p.copy_(0.2 * torch.randn_like(p))
        for mod in m.modules():
            if isinstance(mod, nn.LayerNorm):
                mod.weight.copy_(1 + 0.2 * torch.randn_like(mod.weight))
    return m


def small_regnet():
    params = regnet.BlockParams.from_init_params(depth=4, w_0=8, w_a=8.0, w_m=2.0, group_width=8, se_ratio=0.25)
    return regnet.RegNet(params, num_classes=10, stem_width=8)


# name → (constructor, input shape per sample)
MODELS = {
    "lenet_view": (LeNetView, (1, 28, 28)),
    "mnist_example": (MNISTExample, (1, 28, 28)),
    "mobilenet_v2": (lambda: models.mobilenet_v2(width_mult=0.25, num_classes=10), (3, 32, 32)),
    "shufflenet_v2": (lambda: models.ShuffleNetV2([1, 1, 1], [8, 16, 32, 64, 64], num_classes=10), (3, 32, 32)),
    "regnet": (small_regnet, (3, 32, 32)),
    "inception_block": (InceptionBlock, (3, 17, 17)),
    "adaptive_pools": (AdaptivePools, (3, 11, 11)),
    "convnext": (small_convnext, (3, 32, 32)),
}   # (squeezenet has no width setting: 3 MB per export; --status covers it)


def survey():
    """name → (constructor, input shape): the smallest variant of every torchvision classification family."""
    small = (3, 64, 64)
    kw = {"num_classes": 10}
    return {
        "alexnet": (lambda: models.alexnet(**kw), small),
        "vgg11_bn": (lambda: models.vgg11_bn(**kw), small),
        "resnet18": (lambda: models.resnet18(**kw), small),
        "resnext50_32x4d": (lambda: models.resnext50_32x4d(**kw), small),
        "wide_resnet50_2": (lambda: models.wide_resnet50_2(**kw), small),
        "squeezenet1_1": (lambda: models.squeezenet1_1(**kw), small),
        "densenet121": (lambda: models.densenet121(**kw), small),
        "googlenet": (lambda: models.googlenet(aux_logits=False, init_weights=True, **kw), small),
        "inception_v3": (lambda: models.inception_v3(aux_logits=False, init_weights=True, **kw), (3, 75, 75)),
        "mobilenet_v2": (lambda: models.mobilenet_v2(**kw), small),
        "mobilenet_v3_small": (lambda: models.mobilenet_v3_small(**kw), small),
        "mobilenet_v3_large": (lambda: models.mobilenet_v3_large(**kw), small),
        "mnasnet0_5": (lambda: models.mnasnet0_5(**kw), small),
        "shufflenet_v2_x0_5": (lambda: models.shufflenet_v2_x0_5(**kw), small),
        "efficientnet_b0": (lambda: models.efficientnet_b0(**kw), small),
        "efficientnet_v2_s": (lambda: models.efficientnet_v2_s(**kw), small),
        "regnet_x_400mf": (lambda: models.regnet_x_400mf(**kw), small),
        "regnet_y_400mf": (lambda: models.regnet_y_400mf(**kw), small),
        "convnext_tiny": (lambda: models.convnext_tiny(**kw), small),
        "vit_b_16": (lambda: models.vit_b_16(image_size=64, **kw), small),
        "swin_t": (lambda: models.swin_t(**kw), small),
        "maxvit_t": (lambda: models.maxvit_t(**kw), (3, 224, 224)),
    }


# The classic exporter refuses adaptive_avg_pool2d to a size that is not a factor of its input (AlexNet's 6×6 and
# VGG's 7×7 at 64×64); 224×224 is the smallest ImageNet size where both fit. --status exports these at it.
CLASSIC_SHAPE = {"alexnet": (3, 224, 224), "vgg11_bn": (3, 224, 224)}


def calibrate(m, shape, rng):
    """BatchNorm statistics from data: cumulative averages over a few random batches in train mode."""
    bns = [b for b in m.modules() if isinstance(b, nn.modules.batchnorm._BatchNorm)]
    for b in bns:
        b.reset_running_stats()
        b.momentum = None
    if bns:
        m.train()
        with torch.no_grad():
            for _ in range(4):
                m(torch.from_numpy(rng.standard_normal((16,) + shape).astype(np.float32)))
    m.eval()


def export(m, x, path, dynamo):
    if dynamo:
        batch = torch.export.Dim("N", min=1, max=1024)
        torch.onnx.export(m, (x,), path, dynamo=True, input_names=["x"], output_names=["y"],
                          dynamic_shapes=({0: batch},), external_data=False)
    else:
        torch.onnx.export(m, (x,), path, dynamo=False, opset_version=13, input_names=["x"], output_names=["y"],
                          dynamic_axes={"x": {0: "N"}, "y": {0: "N"}})


def bench(out):
    """--bench OUT_DIR: the models of docs/onnx.md's benchmark, dynamo-exported, random weights: torchvision resnet50
    (1000 classes, 3×224×224, 25.6 M parameters) and resnet18 (10 classes, 3×64×64)."""
    os.makedirs(out, exist_ok=True)
    for name, make, shape in (("resnet50", lambda: models.resnet50(), (3, 224, 224)),
                              ("resnet18_64", lambda: models.resnet18(num_classes=10), (3, 64, 64))):
        torch.manual_seed(26)
        m = make()
        calibrate(m, shape, np.random.default_rng(26))
        with torch.no_grad():
            export(m, torch.randn((2,) + shape), os.path.join(out, name + ".onnx"), dynamo=True)
        print(f"{name}: {sum(p.numel() for p in m.parameters())} parameters")


def main():
    args = sys.argv[1:]
    if args and args[0] == "--bench":
        return bench(args[1])
    only = None
    if "--only" in args:
        k = args.index("--only")
        only = set(args[k + 1].split(","))
        del args[k:k + 2]
    chosen = MODELS
    if "--status" in args:
        args.remove("--status")
        chosen = survey()
    out = args[0] if args else OUT
    os.makedirs(out, exist_ok=True)
    cases, failures = [], []
    for name, (make, shape) in chosen.items():
        if only and name not in only:
            continue
        for dynamo in (False, True):
            case = f"{name}_{'dynamo' if dynamo else 'classic'}"
            shape = CLASSIC_SHAPE.get(name, shape) if chosen is not MODELS and not dynamo else chosen[name][1]
            torch.manual_seed(26)
            rng = np.random.default_rng(26)
            m = make()
            calibrate(m, shape, rng)
            x = rng.standard_normal((8 if chosen is MODELS else 2,) + shape).astype(np.float32)
            path = os.path.join(out, case + ".onnx")
            try:
                with torch.no_grad():
                    export(m, torch.from_numpy(x[:2]), path, dynamo)
                y = ort.InferenceSession(path, providers=["CPUExecutionProvider"]).run(None, {"x": x})[0].astype(np.float32)
                with torch.no_grad():
                    ref = m(torch.from_numpy(x)).numpy()
                drift = float(np.abs(y - ref).max() / max(np.abs(ref).max(), 1e-30))
            except Exception as e:  # an exporter failure is recorded, not fatal
                failures.append({"name": case, "error": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"})
                traceback.print_exc()
                if os.path.exists(path):
                    os.remove(path)
                continue
            np.save(os.path.join(out, case + ".input.npy"), x)
            np.save(os.path.join(out, case + ".output.npy"), y.reshape(x.shape[0], -1))
            ops = sorted({n.op_type for n in onnx.load(path).graph.node})
            cases.append({"name": case, "model": name, "exporter": "dynamo" if dynamo else "classic",
                          "opset": onnx.load(path).opset_import[0].version, "ops": ops, "torch_vs_ort": drift})
            print(f"{case}: {os.path.getsize(path)} bytes, ops {', '.join(ops)}")
    manifest = os.path.join(out, "manifest.json")
    if only and os.path.exists(manifest):  # --only replaces its models' entries and keeps the others
        with open(manifest) as f:
            old = json.load(f)
        kept = lambda entries: [e for e in entries if e["name"].rsplit("_", 1)[0] not in only]
        cases, failures = kept(old["cases"]) + cases, kept(old["failures"]) + failures
    with open(manifest, "w") as f:
        json.dump({"torch": torch.__version__, "torchvision": torchvision.__version__, "onnx": onnx.__version__,
                   "onnxruntime": ort.__version__, "cases": cases, "failures": failures}, f, indent=1)


if __name__ == "__main__":
    main()
