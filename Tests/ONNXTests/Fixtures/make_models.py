#!/usr/bin/env python3
"""Builds the ONNX import fixtures with onnx.helper and runs them with onnxruntime.

usage: make_models.py OUT_DIR            one-node models per operator, three networks, error cases, and the classic
                                          exporter's decomposed GELU and LayerNorm (fused on import) with near misses
       make_models.py --cli OUT_DIR       digits_cnn.onnx (digits_8x8) for the CLI tests
       make_models.py --bridge OUT_DIR    lenet5.onnx (1×28×28) and resnet8.onnx (3×16×16), 10 classes, for the
                                          evaluate → retrain → export-onnx → onnxruntime bridge test
       make_models.py --resnet18 OUT_DIR  a ResNet-18-sized model (11.7 M parameters, external data) and a
                                          3×32×32 ResNet-8 (resnet8_32.onnx), for the benchmark

For every case NAME it writes NAME.onnx, NAME.input.npy (float32, NCHW or NF) and NAME.output.npy
(onnxruntime's output), and lists the cases in manifest.json. Seeded: the same files every run.
"""
import json
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

RNG = np.random.default_rng(18)


def const(name, a):
    return numpy_helper.from_array(np.asarray(a), name)


def rand(*shape, scale=1.0):
    return (RNG.standard_normal(shape) * scale).astype(np.float32)


def model(nodes, inits, in_shape, out_shape, opset, name, meta=None):
    g = helper.make_graph(nodes, name,
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N"] + list(in_shape[1:]))],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)], producer_name="axmul-fixtures")
    m.ir_version = min(m.ir_version, 10)  # onnxruntime reads IR ≤ 10 for these opsets
    for k, v in (meta or {}).items():
        m.metadata_props.add(key=k, value=v)
    # (no checker: the output shape is left open; onnxruntime validates the model when it loads it)
    return m


class Writer:
    def __init__(self, out):
        self.out, self.cases = out, []

    def add(self, name, m, x, kind, external=False):
        path = os.path.join(self.out, name + ".onnx")
        if external:
            onnx.save_model(m, path, save_as_external_data=True, all_tensors_to_one_file=True,
                            location=name + ".data", size_threshold=0)
        else:
            onnx.save_model(m, path)
        sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
        meta = {p.key: p.value for p in m.metadata_props}
        mean = np.array([float(v) for v in meta.get("axmul.mean", "0").split(",")], dtype=np.float32)
        std = np.array([float(v) for v in meta.get("axmul.std", "1").split(",")], dtype=np.float32)
        shape = (1, -1) + (1,) * (x.ndim - 2)  # the preprocessing AxMul applies from the metadata
        y = sess.run(None, {"x": ((x - mean.reshape(shape)) / std.reshape(shape)).astype(np.float32)})[0].astype(np.float32)
        np.save(os.path.join(self.out, name + ".input.npy"), x)
        np.save(os.path.join(self.out, name + ".output.npy"), y.reshape(x.shape[0], -1))
        self.cases.append({"name": name, "kind": kind})

    def finish(self):
        with open(os.path.join(self.out, "manifest.json"), "w") as f:
            json.dump({"cases": self.cases, "onnx": onnx.__version__, "onnxruntime": ort.__version__}, f, indent=1)


def op_models(w):
    """One node (or a node with its constant) per supported operator."""
    img = (2, 4, 6, 6)
    x = rand(*img)
    n = helper.make_node

    def one(name, node, inits, in_shape, xs, opset=13):
        w.add(name, model([node] if not isinstance(node, list) else node, inits, in_shape, None, opset, name), xs, "op")

    one("conv", n("Conv", ["x", "w", "b"], ["y"], name="conv", pads=[1, 1, 1, 1]), [const("w", rand(5, 4, 3, 3)), const("b", rand(5))], img, x)
    one("conv_stride2_nobias", n("Conv", ["x", "w"], ["y"], name="conv", strides=[2, 2], kernel_shape=[3, 3]), [const("w", rand(3, 4, 3, 3))], img, x)
    one("conv_groups", n("Conv", ["x", "w", "b"], ["y"], name="conv", group=2, pads=[1, 1, 1, 1]), [const("w", rand(6, 2, 3, 3)), const("b", rand(6))], img, x)
    one("conv_depthwise", n("Conv", ["x", "w"], ["y"], name="dw", group=4, pads=[1, 1, 1, 1], strides=[2, 2]), [const("w", rand(4, 1, 3, 3))], img, x)
    flat = rand(3, 8)
    one("gemm_transb", n("Gemm", ["x", "w", "c"], ["y"], name="fc", transB=1, alpha=0.5, beta=2.0), [const("w", rand(5, 8)), const("c", rand(5))], (3, 8), flat)
    one("gemm", n("Gemm", ["x", "w"], ["y"], name="fc"), [const("w", rand(8, 5))], (3, 8), flat)
    one("matmul_add", [n("MatMul", ["x", "w"], ["h"], name="mm"), n("Add", ["h", "b"], ["y"], name="bias")], [const("w", rand(8, 5)), const("b", rand(5))], (3, 8), flat)
    one("relu", n("Relu", ["x"], ["y"], name="relu"), [], img, x)
    one("clip_relu6", n("Clip", ["x", "lo", "hi"], ["y"], name="relu6"), [const("lo", np.float32(0)), const("hi", np.float32(6))], img, x * 5)
    one("clip_min", n("Clip", ["x", "lo"], ["y"], name="clip"), [const("lo", np.float32(-0.5))], img, x)
    one("maxpool", n("MaxPool", ["x"], ["y"], name="pool", kernel_shape=[2, 2], strides=[2, 2]), [], img, x)
    one("maxpool_pad", n("MaxPool", ["x"], ["y"], name="pool", kernel_shape=[3, 3], pads=[1, 1, 1, 1]), [], img, x)
    one("avgpool", n("AveragePool", ["x"], ["y"], name="pool", kernel_shape=[2, 2], strides=[2, 2]), [], img, x)
    one("avgpool_pad", n("AveragePool", ["x"], ["y"], name="pool", kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1], count_include_pad=1), [], img, x)
    one("globalavgpool", n("GlobalAveragePool", ["x"], ["y"], name="gap"), [], img, x)
    one("batchnorm", n("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"], name="bn", epsilon=1e-3),
        [const("s", rand(4)), const("b", rand(4)), const("m", rand(4)), const("v", np.abs(rand(4)) + 0.5)], img, x)
    one("add", n("Add", ["x", "x"], ["y"], name="add"), [], img, x)
    one("flatten", n("Flatten", ["x"], ["y"], name="flat"), [], img, x)
    one("reshape", n("Reshape", ["x", "s"], ["y"], name="reshape"), [const("s", np.array([0, -1], dtype=np.int64))], img, x)
    one("dropout", n("Dropout", ["x"], ["y"], name="drop"), [], img, x)
    one("softmax", n("Softmax", ["x"], ["y"], name="softmax"), [], (3, 8), flat)
    one("identity", n("Identity", ["x"], ["y"], name="id"), [], img, x)
    one("constant", [n("Constant", [], ["w"], name="const", value=const("wc", rand(8, 5))), n("MatMul", ["x", "w"], ["y"], name="mm")], [], (3, 8), flat)


def window_models(w):
    """Window geometry and broadcasting forms (issue 18): dilations, asymmetric pads, auto_pad,
    pooling ceil_mode and count_include_pad, per-channel constant adds. Made after the networks, so
    the networks' seeded weights do not change when a case is added here."""
    img = (2, 4, 6, 6)
    x = rand(*img)
    n = helper.make_node

    def one(name, nodes, inits):
        w.add(name, model(nodes if isinstance(nodes, list) else [nodes], inits, img, None, 13, name), x, "op")

    def conv(name, **attrs):
        one(name, n("Conv", ["x", "w", "b"], ["y"], name="conv", **attrs), [const("w", rand(5, 4, 3, 3)), const("b", rand(5))])

    conv("conv_dilated", dilations=[2, 2], pads=[2, 2, 2, 2])
    conv("conv_dilated_stride2", dilations=[2, 2], strides=[2, 2], pads=[1, 0, 2, 1])
    conv("conv_asymmetric_pads", pads=[1, 0, 2, 1], strides=[2, 2])
    conv("conv_same_upper", auto_pad="SAME_UPPER", strides=[2, 2])
    conv("conv_same_lower", auto_pad="SAME_LOWER", strides=[2, 2])
    conv("conv_valid", auto_pad="VALID")
    one("maxpool_ceil", n("MaxPool", ["x"], ["y"], name="pool", kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1), [])
    one("maxpool_asymmetric_pads", n("MaxPool", ["x"], ["y"], name="pool", kernel_shape=[2, 2], strides=[2, 2], pads=[1, 0, 0, 1]), [])
    one("maxpool_same_upper", n("MaxPool", ["x"], ["y"], name="pool", kernel_shape=[3, 3], strides=[2, 2], auto_pad="SAME_UPPER"), [])
    one("avgpool_exclude_pad", n("AveragePool", ["x"], ["y"], name="pool", kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1]), [])
    one("avgpool_ceil", n("AveragePool", ["x"], ["y"], name="pool", kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1], ceil_mode=1), [])
    one("avgpool_same_lower_include_pad", n("AveragePool", ["x"], ["y"], name="pool", kernel_shape=[3, 3], strides=[2, 2],
                                            auto_pad="SAME_LOWER", count_include_pad=1), [])
    one("add_bias_conv", [n("Conv", ["x", "w"], ["c"], name="conv", pads=[1, 1, 1, 1]), n("Add", ["c", "b"], ["y"], name="bias")],
        [const("w", rand(5, 4, 3, 3)), const("b", rand(1, 5, 1, 1))])
    one("add_bias_batchnorm", [n("BatchNormalization", ["x", "s", "bb", "m", "v"], ["h"], name="bn"), n("Add", ["b", "h"], ["y"], name="bias")],
        [const("s", rand(4)), const("bb", rand(4)), const("m", rand(4)), const("v", np.abs(rand(4)) + 0.5), const("b", rand(4, 1, 1))])
    one("sub_channel", n("Sub", ["x", "m"], ["y"], name="sub"), [const("m", rand(4, 1, 1))])
    one("div_channel", n("Div", ["x", "s"], ["y"], name="div"), [const("s", np.abs(rand(1, 4, 1, 1)) + 0.25)])
    one("add_scalar_conv", [n("Conv", ["x", "w", "cb"], ["c"], name="conv"), n("Add", ["c", "b"], ["y"], name="bias")],
        [const("w", rand(3, 4, 3, 3)), const("cb", rand(3)), const("b", np.float32(0.75))])


def folding_models(w):
    """Constant folding (issue 26): the shape arithmetic torch.onnx.export writes for x.view(x.size(0), -1)
    with dynamic_axes, Identity of an initialiser (the classic exporter's shared weights), and arithmetic
    between constants. Every folded op appears in one of these; each output is checked against onnxruntime."""
    img = (2, 4, 6, 6)
    x = rand(*img)
    n = helper.make_node
    i64 = lambda *v: np.array(v, dtype=np.int64)

    def one(name, nodes, inits, opset=13, xs=x, shape=img):
        w.add(name, model(nodes if isinstance(nodes, list) else [nodes], inits, shape, None, opset, name), xs, "op")

    view = [n("Shape", ["x"], ["s"], name="shape"), n("Gather", ["s", "zero"], ["n"], name="gather", axis=0)]
    one("fold_view", view + [n("Unsqueeze", ["n", "axes"], ["n1"], name="unsqueeze"),
                             n("Concat", ["n1", "minus1"], ["t"], name="concat", axis=0), n("Reshape", ["x", "t"], ["y"], name="view")],
        [const("zero", i64(0).reshape(())), const("axes", i64(0)), const("minus1", i64(-1))])
    one("fold_view_opset11", view + [n("Unsqueeze", ["n"], ["n1"], name="unsqueeze", axes=[0]),
                                     n("Concat", ["n1", "minus1"], ["t"], name="concat", axis=0), n("Reshape", ["x", "t"], ["y"], name="view")],
        [const("zero", i64(0).reshape(())), const("minus1", i64(-1))], opset=11)
    # [N, C·H·W] from Shape and Size through integer and float arithmetic, comparisons and reshaping of shapes.
    big = np.iinfo(np.int64).max
    one("fold_shape_arithmetic", [
        n("Shape", ["x"], ["s"], name="shape"), n("Size", ["x"], ["size"], name="size"),
        n("Slice", ["s", "one", "big"], ["chw"], name="slice"),                        # [C, H, W]
        n("Range", ["zero_s", "three_s", "one_s"], ["idx"], name="range"),            # [0, 1, 2]
        n("Gather", ["chw", "idx"], ["chw2"], name="gather_all"),
        n("Reshape", ["chw2", "row"], ["chw_row"], name="reshape_const"),            # [1, 3]
        n("Transpose", ["chw_row"], ["chw_col"], name="transpose", perm=[1, 0]),    # [3, 1]
        n("Flatten", ["chw_col"], ["chw_flat"], name="flatten", axis=0),             # [1, 3]
        n("Squeeze", ["chw_flat", "zero"], ["chw3"], name="squeeze"),                # [3]
        n("Gather", ["s", "zero_s"], ["nb"], name="gather_n"),
        n("Div", ["size", "nb"], ["feat"], name="div_int"),                          # N·C·H·W / N: no longer depends on N
        n("Cast", ["feat"], ["featf"], name="cast_f", to=TensorProto.FLOAT),
        n("Mul", ["featf", "half"], ["halff"], name="mul_f"),
        n("Cast", ["halff"], ["halfi"], name="cast_i", to=TensorProto.INT64),
        n("Add", ["halfi", "halfi"], ["feat2"], name="add_i"),
        n("ConstantOfShape", ["one"], ["ones"], name="cos", value=helper.make_tensor("v", TensorProto.INT64, [1], [1])),
        n("Expand", ["ones", "one"], ["ones2"], name="expand"),
        n("Equal", ["feat2", "feat"], ["eq"], name="equal"), n("Less", ["feat", "zero_s"], ["lt"], name="less"),
        n("Not", ["lt"], ["nlt"], name="not"), n("Greater", ["feat", "zero_s"], ["gt"], name="greater"),
        n("Where", ["eq", "feat2", "zero_s"], ["f1"], name="where"),
        n("Where", ["nlt", "f1", "zero_s"], ["f2"], name="where2"), n("Where", ["gt", "f2", "zero_s"], ["f3"], name="where3"),
        n("Min", ["f3", "big_s"], ["f4"], name="min"), n("Max", ["f4", "zero_s"], ["f5"], name="max"),
        n("Gather", ["chw3", "zero_s"], ["c"], name="gather_c"), n("Sub", ["f5", "c"], ["f6"], name="sub_i"),
        n("Add", ["f6", "c"], ["f7"], name="add_c"), n("Identity", ["f7"], ["f8"], name="identity"),
        n("Mul", ["ones2", "f8"], ["feat_vec"], name="mul_vec"),
        n("Unsqueeze", ["nb", "zero"], ["n1"], name="unsqueeze"),
        n("Concat", ["n1", "feat_vec"], ["t"], name="concat", axis=0), n("Reshape", ["x", "t"], ["y"], name="view"),
    ], [const("one", i64(1)), const("big", i64(big)), const("zero", i64(0)), const("zero_s", i64(0).reshape(())),
        const("three_s", i64(3).reshape(())), const("one_s", i64(1).reshape(())), const("row", i64(1, 3)),
        const("half", np.float32(0.5)), const("big_s", i64(1 << 40).reshape(()))])
    # A conv bias computed from initialisers; the weight reaches the Conv through Identity and Dropout.
    one("fold_weight_arithmetic", [
        n("Identity", ["wt"], ["w1"], name="identity"), n("Dropout", ["w1"], ["w2"], name="dropout"),
        n("Mul", ["b", "two"], ["b1"], name="mul"), n("Add", ["b1", "two"], ["b2"], name="add"), n("Sub", ["b2", "b"], ["b3"], name="sub"),
        n("Div", ["b3", "two"], ["b4"], name="div"), n("Neg", ["b4"], ["b5"], name="neg"), n("Abs", ["b5"], ["b6"], name="abs"),
        n("Sqrt", ["b6"], ["b7"], name="sqrt"), n("Pow", ["b7", "two"], ["b8"], name="pow"), n("Reciprocal", ["b8"], ["b9"], name="reciprocal"),
        n("Floor", ["b9"], ["b10"], name="floor"), n("Ceil", ["b9"], ["b11"], name="ceil"), n("Add", ["b10", "b11"], ["b12"], name="add2"),
        n("Add", ["b12", "b9"], ["b13"], name="add3"),
        n("Conv", ["x", "w2", "b13"], ["y"], name="conv", pads=[1, 1, 1, 1]),
    ], [const("wt", rand(5, 4, 3, 3)), const("b", np.abs(rand(5)) + 0.5), const("two", np.float32(2))])
    one("identity_initializer", [n("Identity", ["w"], ["w_shared"], name="shared"),
                                 n("Conv", ["x", "w", "b"], ["c"], name="conv1", pads=[1, 1, 1, 1]), n("Relu", ["c"], ["r"], name="relu"),
                                 n("Conv", ["r", "w_shared", "b"], ["y"], name="conv2", pads=[1, 1, 1, 1])],
        [const("w", rand(4, 4, 3, 3, scale=0.3)), const("b", rand(4))])
    one("expand_own_shape", [n("Shape", ["x"], ["s"], name="shape"), n("Expand", ["x", "s"], ["y"], name="expand")], [])
    flat = rand(3, 8)
    one("leakyrelu", n("LeakyRelu", ["x"], ["y"], name="leaky", alpha=0.2), [], xs=flat, shape=(3, 8))
    one("logsoftmax", n("LogSoftmax", ["x"], ["y"], name="logsoftmax", axis=1), [], xs=flat * 3, shape=(3, 8))


def tensor_models(w):
    """The ops of torchvision's classification models beyond Conv/Gemm (issue 26): activations, ReduceMean,
    broadcasting Mul/Add (squeeze-excitation, SiLU), channel Concat, Split/Slice, channel shuffle."""
    img = (2, 4, 6, 6)
    x = rand(*img)
    n = helper.make_node
    i64 = lambda *v: np.array(v, dtype=np.int64)

    def one(name, nodes, inits, opset=13, xs=x, shape=img):
        w.add(name, model(nodes if isinstance(nodes, list) else [nodes], inits, shape, None, opset, name), xs * 3, "op")

    one("sigmoid", n("Sigmoid", ["x"], ["y"], name="sigmoid"), [])
    one("tanh", n("Tanh", ["x"], ["y"], name="tanh"), [])
    one("hardsigmoid", n("HardSigmoid", ["x"], ["y"], name="hsig", alpha=0.1666667, beta=0.5), [])
    one("hardswish", n("HardSwish", ["x"], ["y"], name="hswish"), [], opset=14)
    one("silu", [n("Sigmoid", ["x"], ["s"], name="sigmoid"), n("Mul", ["x", "s"], ["y"], name="silu")], [])
    one("reducemean_keepdims", n("ReduceMean", ["x"], ["y"], name="mean", axes=[2, 3], keepdims=1), [])
    one("reducemean_opset18", n("ReduceMean", ["x", "axes"], ["y"], name="mean", keepdims=0), [const("axes", i64(-1, -2))], opset=18)
    # squeeze-excitation: pool → 1×1 conv → relu → 1×1 conv → hard sigmoid → scale the feature map
    one("squeeze_excitation", [n("GlobalAveragePool", ["x"], ["p"], name="pool"),
                               n("Conv", ["p", "w1", "b1"], ["h"], name="fc1"), n("Relu", ["h"], ["r"], name="relu"),
                               n("Conv", ["r", "w2", "b2"], ["g"], name="fc2"), n("Sigmoid", ["g"], ["s"], name="gate"),
                               n("Mul", ["s", "x"], ["y"], name="scale")],
        [const("w1", rand(2, 4, 1, 1)), const("b1", rand(2)), const("w2", rand(4, 2, 1, 1)), const("b2", rand(4))])
    one("add_broadcast_values", [n("GlobalAveragePool", ["x"], ["p"], name="pool"), n("Add", ["x", "p"], ["y"], name="add")], [])
    one("concat_channels", [n("Conv", ["x", "w"], ["c"], name="conv", pads=[1, 1, 1, 1]), n("Relu", ["x"], ["r"], name="relu"),
                            n("Concat", ["c", "r", "x"], ["y"], name="concat", axis=1)], [const("w", rand(3, 4, 3, 3))])
    one("split_channels", [n("Split", ["x", "sizes"], ["a", "b"], name="split", axis=1), n("Relu", ["b"], ["r"], name="relu"),
                           n("Concat", ["r", "a"], ["y"], name="concat", axis=1)], [const("sizes", i64(1, 3))])
    one("split_equal_opset11", [n("Split", ["x"], ["a", "b"], name="split", axis=1), n("Mul", ["a", "b"], ["y"], name="mul")], [], opset=11)
    one("slice_channels", n("Slice", ["x", "s", "e", "ax"], ["y"], name="slice"), [const("s", i64(1)), const("e", i64(3)), const("ax", i64(1))])
    # ShuffleNet's channel shuffle: [N, 4, 6, 6] → [N, 2, 2, 6, 6] → swap the groups → [N, 4, 6, 6]
    one("channel_shuffle", [n("Reshape", ["x", "s5"], ["a"], name="split_groups"), n("Transpose", ["a"], ["t"], name="shuffle", perm=[0, 2, 1, 3, 4]),
                            n("Reshape", ["t", "s4"], ["y"], name="merge_groups")], [const("s5", i64(2, 2, 2, 6, 6)), const("s4", i64(2, -1, 6, 6))])


def rectangular_models(w):
    """Non-square kernels (Inception v3's 1×7 and 7×1, issue 26), with per-axis pads and auto_pad."""
    img = (2, 4, 8, 9)
    x = rand(*img)
    n = helper.make_node

    def one(name, node, kh, kw):
        w.add(name, model([node], [const("w", rand(5, 4, kh, kw)), const("b", rand(5))], img, None, 13, name), x, "op")

    one("conv_1x7", n("Conv", ["x", "w", "b"], ["y"], name="conv", kernel_shape=[1, 7], pads=[0, 3, 0, 3]), 1, 7)
    one("conv_7x1_stride2", n("Conv", ["x", "w", "b"], ["y"], name="conv", kernel_shape=[7, 1], pads=[3, 0, 3, 0], strides=[2, 2]), 7, 1)
    one("conv_3x5_same_upper", n("Conv", ["x", "w", "b"], ["y"], name="conv", auto_pad="SAME_UPPER", strides=[2, 2]), 3, 5)


def pad_matmul_models(w):
    """Zero Pad absorbed by the Conv after it, and MatMul with a batched left side (issue 26)."""
    img = (2, 4, 6, 6)
    x = rand(*img)
    n = helper.make_node
    i64 = lambda *v: np.array(v, dtype=np.int64)

    def one(name, nodes, inits, xs=x, shape=img, opset=13):
        w.add(name, model(nodes, inits, shape, None, opset, name), xs, "op")

    one("pad_conv", [n("Pad", ["x", "p"], ["xp"], name="pad"), n("Conv", ["xp", "w", "b"], ["y"], name="conv")],
        [const("p", i64(0, 0, 1, 2, 0, 0, 2, 1)), const("w", rand(5, 4, 3, 3)), const("b", rand(5))])
    one("pad_axes_conv_pads", [n("Pad", ["x", "p", "v", "ax"], ["xp"], name="pad"),
                               n("Conv", ["xp", "w"], ["y"], name="conv", pads=[1, 0, 0, 1], strides=[2, 2])],
        [const("p", i64(1, 1, 1, 1)), const("v", np.float32(0)), const("ax", i64(-2, -1)), const("w", rand(3, 4, 3, 3))], opset=18)
    pixels = (2, 3, 4, 8)   # [N, H, W, C]: torch's Linear on channels-last pixels (ConvNeXt)
    one("matmul_batched_pixels", [n("MatMul", ["x", "w"], ["h"], name="mm"), n("Add", ["h", "b"], ["y"], name="bias")],
        [const("w", rand(8, 5)), const("b", rand(5))], xs=rand(*pixels), shape=pixels)
    one("matmul_batched_sequence", [n("Reshape", ["x", "s"], ["seq"], name="to_sequence"), n("MatMul", ["seq", "w"], ["y"], name="mm")],
        [const("s", i64(0, 3, 8)), const("w", rand(8, 5))], xs=rand(2, 24), shape=(2, 24))


def adaptive_pool_models(w):
    """Adaptive average pooling to a size that does not divide the input, in the form torch's dynamo exporter
    writes it: pixels moved in front (Transpose), windows gathered with constant indices (GatherND), moved
    back, and averaged (ReduceMean) or masked to each window's length (Where), summed and divided (issue 26)."""
    n = helper.make_node
    i64 = lambda *v: np.array(v, dtype=np.int64)

    def windows(size, out):
        start = [i * size // out for i in range(out)]
        end = [-(-(i + 1) * size // out) for i in range(out)]
        k = max(e - s for s, e in zip(start, end))
        idx = np.array([[min(s + j, size - 1) for j in range(k)] for s in start])
        short = np.array([[j >= e - s for j in range(k)] for s, e in zip(start, end)])
        return idx, short, np.array([e - s for s, e in zip(start, end)], dtype=np.float32)

    def gather_nodes(h, out):
        idx, short, length = windows(h, out)
        k = idx.shape[1]
        grid = np.zeros((out, k, out, k, 2), dtype=np.int64)
        grid[..., 0] = idx[:, :, None, None]
        grid[..., 1] = idx[None, None, :, :]
        nodes = [n("Transpose", ["x"], ["pixels_first"], name="to_pixels", perm=[2, 3, 0, 1]),
                 n("GatherND", ["pixels_first", "grid"], ["windows"], name="gather"),
                 n("Transpose", ["windows"], ["w6"], name="from_pixels", perm=[4, 5, 0, 1, 2, 3])]
        return nodes, [const("grid", grid)], short, length

    x = rand(2, 3, 5, 5)
    nodes, inits, short, length = gather_nodes(5, 7)
    nodes += [n("Where", ["short_h", "zero", "w6"], ["m1"], name="mask_h"), n("Where", ["short_w", "zero", "m1"], ["m2"], name="mask_w"),
              n("ReduceSum", ["m2", "axes"], ["sums"], name="sum", keepdims=0), n("Div", ["sums", "counts"], ["y"], name="average")]
    inits += [const("short_h", short[:, :, None, None]), const("short_w", short), const("zero", np.float32(0)),
              const("axes", i64(3, 5)), const("counts", np.outer(length, length).astype(np.float32))]
    w.add("adaptive_pool_5_to_7", model(nodes, inits, x.shape, None, 18, "adaptive_pool_5_to_7"), x, "op")
    x = rand(2, 3, 1, 1)
    nodes, inits, _, _ = gather_nodes(1, 6)
    nodes += [n("ReduceMean", ["w6", "axes"], ["y"], name="mean", keepdims=0)]
    inits += [const("axes", i64(-3, -1))]
    w.add("adaptive_pool_1_to_6", model(nodes, inits, x.shape, None, 18, "adaptive_pool_1_to_6"), x, "op")


def convnext_models(w):
    """ConvNeXt's Float ops (issue 26): LayerNormalization over the channels of channels-last pixels, Gelu, and
    the layer scale (a computed value times a [C, 1, 1] constant); one ConvNeXt block as dynamo writes it."""
    n = helper.make_node
    pixels = (2, 3, 4, 8)
    w.add("layernorm_last_axis", model([n("LayerNormalization", ["x", "g", "b"], ["y"], name="ln", axis=-1, epsilon=1e-6)],
                                       [const("g", rand(8)), const("b", rand(8))], pixels, None, 17, "layernorm_last_axis"),
          rand(*pixels) * 3 + 1, "op")
    w.add("gelu", model([n("Gelu", ["x"], ["y"], name="gelu")], [], pixels, None, 20, "gelu"), rand(*pixels) * 3, "op")
    img = (2, 4, 6, 6)
    w.add("mul_channel", model([n("Mul", ["s", "x"], ["y"], name="layer_scale")], [const("s", rand(4, 1, 1))], img, None, 13, "mul_channel"),
          rand(*img), "op")
    # dwconv 7×7 → channels last → LayerNorm → Linear 4C → Gelu → Linear C → channels first → layer scale → + input
    c = 4
    nodes = [n("Conv", ["x", "dw", "dwb"], ["d"], name="dwconv", group=c, pads=[3, 3, 3, 3]),
             n("Transpose", ["d"], ["dl"], name="permute", perm=[0, 2, 3, 1]),
             n("LayerNormalization", ["dl", "g", "b"], ["ln"], name="norm", axis=-1, epsilon=1e-6),
             n("MatMul", ["ln", "w1"], ["h1"], name="pwconv1"), n("Add", ["h1", "b1"], ["a1"], name="pwconv1_bias"),
             n("Gelu", ["a1"], ["g1"], name="gelu"),
             n("MatMul", ["g1", "w2"], ["h2"], name="pwconv2"), n("Add", ["h2", "b2"], ["a2"], name="pwconv2_bias"),
             n("Transpose", ["a2"], ["a2c"], name="permute_back", perm=[0, 3, 1, 2]),
             n("Mul", ["scale", "a2c"], ["s"], name="layer_scale"), n("Add", ["s", "x"], ["y"], name="residual")]
    inits = [const("dw", rand(c, 1, 7, 7, scale=0.3)), const("dwb", rand(c)), const("g", rand(c)), const("b", rand(c)),
             const("w1", rand(c, 4 * c, scale=0.5)), const("b1", rand(4 * c)), const("w2", rand(4 * c, c, scale=0.5)),
             const("b2", rand(c)), const("scale", rand(c, 1, 1))]
    w.add("convnext_block", model(nodes, inits, img, None, 20, "convnext_block"), rand(2, c, 6, 6), "op")
    # dynamo's as_strided before ConvNeXt's classifier: flatten with the batch, Gather every position back as [N, 3, 2, 2]
    i64 = lambda *v: np.array(v, dtype=np.int64)
    small = (2, 3, 2, 2)
    nodes = [n("Reshape", ["x", "minus1"], ["flat"], name="flatten_all"), n("Shape", ["x"], ["s"], name="shape"),
             n("Gather", ["s", "zero"], ["nb"], name="batch"), n("Range", ["zero", "nb", "one"], ["r"], name="range"),
             n("Mul", ["r", "twelve"], ["base"], name="offsets"), n("Unsqueeze", ["base", "axes"], ["b4"], name="unsqueeze"),
             n("Add", ["b4", "within"], ["idx"], name="positions"), n("Gather", ["flat", "idx"], ["g"], name="as_strided", axis=0),
             n("Relu", ["g"], ["y"], name="relu")]
    inits = [const("minus1", i64(-1)), const("zero", np.array(0, dtype=np.int64)), const("one", np.array(1, dtype=np.int64)),
             const("twelve", np.array(12, dtype=np.int64)), const("axes", i64(1, 2, 3)), const("within", np.arange(12).reshape(1, 3, 2, 2))]
    w.add("as_strided_reshape", model(nodes, inits, small, None, 13, "as_strided_reshape"), rand(*small), "op")


def decomposed_models(w, out):
    """The classic exporter's decompositions (issue 26, opset 13 has no Gelu or LayerNormalization): GELU's erf form
    and LayerNorm over the last axis in elementary ops, which the importer fuses into one Gelu / LayerNorm layer, in
    torch's order and in equivalent ones; and near misses, written to OUT_DIR without outputs, that must be refused
    naming the node. Made after every other case, so their seeded values do not change."""
    n = helper.make_node
    i64 = lambda *v: np.array(v, dtype=np.int64)
    f32 = np.float32
    pixels = (2, 3, 4, 8)

    def one(name, nodes, inits, opset=13, x=None):
        w.add(name, model(nodes, inits, pixels, None, opset, name), rand(*pixels) * 3 if x is None else x, "op")

    def gelu(x, y, half=0.5, inverse=False, order="torch", erf_readers=()):
        """Div(x, √2) (or Mul(x, 1/√2)) → Erf → Add 1 → the products with x and 0.5 in `order`."""
        scale = n("Mul", [x, "inv_sqrt2"], ["g_scaled"], name="gelu_scale") if inverse else n("Div", [x, "sqrt2"], ["g_scaled"], name="gelu_scale")
        nodes = [scale, n("Erf", ["g_scaled"], ["g_erf"], name="gelu_erf"), n("Add", ["one", "g_erf"], ["g_one"], name="gelu_add_one")]
        if order == "torch":      # (x · (1 + erf)) · 0.5
            nodes += [n("Mul", [x, "g_one"], ["g_p"], name="gelu_mul_x"), n("Mul", ["g_p", "half"], [y], name="gelu_half")]
        elif order == "half_x":   # (0.5 · x) · (1 + erf)
            nodes += [n("Mul", ["half", x], ["g_p"], name="gelu_half"), n("Mul", ["g_one", "g_p"], [y], name="gelu_mul_x")]
        else:                     # x · ((1 + erf) · 0.5)
            nodes += [n("Mul", ["g_one", "half"], ["g_p"], name="gelu_half"), n("Mul", ["g_p", x], [y], name="gelu_mul_x")]
        root2 = const("inv_sqrt2", f32(1 / np.sqrt(2))) if inverse else const("sqrt2", f32(np.sqrt(2)))
        return nodes, [root2, const("one", f32(1)), const("half", f32(half))]

    def layer_norm(x, y, opset=13, axes=(-1,), exponent=2.0, gamma=True, beta=True, eps=1e-6):
        """ReduceMean(−1) → Sub → Pow 2 → ReduceMean → Add ε → Sqrt → Div (→ Mul γ → Add β), as torch's opset-9 layer_norm."""
        def mean(src, dst, name):
            if opset >= 18:
                return n("ReduceMean", [src, "ln_axes"], [dst], name=name, keepdims=1)
            return n("ReduceMean", [src], [dst], name=name, axes=list(axes), keepdims=1)
        nodes = [mean(x, "ln_mean", "ln_mean"), n("Sub", [x, "ln_mean"], ["ln_centred"], name="ln_sub"),
                 n("Pow", ["ln_centred", "ln_two"], ["ln_sq"], name="ln_square"), mean("ln_sq", "ln_var", "ln_variance"),
                 n("Add", ["ln_var", "ln_eps"], ["ln_var_eps"], name="ln_add_eps"), n("Sqrt", ["ln_var_eps"], ["ln_std"], name="ln_sqrt")]
        inits = [const("ln_two", f32(exponent)), const("ln_eps", f32(eps))] + ([const("ln_axes", i64(*axes))] if opset >= 18 else [])
        last = "ln_norm"
        nodes.append(n("Div", ["ln_centred", "ln_std"], [last if gamma or beta else y], name="ln_div"))
        if gamma:
            nodes.append(n("Mul", [last, "ln_gamma"], ["ln_scaled" if beta else y], name="ln_gamma"))
            inits.append(const("ln_gamma", rand(8)))
            last = "ln_scaled"
        if beta:
            nodes.append(n("Add", ["ln_beta", last], [y], name="ln_beta"))
            inits.append(const("ln_beta", rand(1, 8)))
        return nodes, inits

    one("gelu_erf", *gelu("x", "y"))
    one("gelu_erf_half_first", *gelu("x", "y", inverse=True, order="half_x"))
    one("gelu_erf_half_of_sum", *gelu("x", "y", order="sum_half"))
    x = rand(*pixels) * 3 + 1
    one("layernorm_decomposed", *layer_norm("x", "y"), x=x)
    one("layernorm_decomposed_opset18", *layer_norm("x", "y", opset=18, axes=(3,), gamma=False, beta=False, eps=1e-5), opset=18, x=x)
    # ConvNeXt's block tail as the classic exporter writes it: LayerNorm → Linear → GELU (the decomposed forms side by side)
    ln_nodes, ln_inits = layer_norm("x", "ln")
    g_nodes, g_inits = gelu("h", "y")
    one("layernorm_linear_gelu", ln_nodes + [n("MatMul", ["ln", "w1"], ["h1"], name="pwconv1"), n("Add", ["h1", "b1"], ["h"], name="pwconv1_bias")]
        + g_nodes, ln_inits + g_inits + [const("w1", rand(8, 16, scale=0.5)), const("b1", rand(16))], x=x)

    refused = {
        "gelu_half_04": gelu("x", "y", half=0.4),
        "gelu_erf_read_twice": (lambda nodes, inits: (nodes + [n("Mul", ["g_gelu", "g_erf"], ["y"], name="reads_erf")], inits))(*gelu("x", "g_gelu")),
        "layernorm_pow3": layer_norm("x", "y", exponent=3.0),
        "layernorm_axis1": layer_norm("x", "y", axes=(1,)),
    }
    for name, (nodes, inits) in refused.items():
        onnx.save_model(model(nodes, inits, pixels, None, 13, name), os.path.join(out, name + ".onnx"))


def conv_bn_relu(nodes, inits, name, x, cin, cout, k, stride, relu="Relu", groups=1):
    inits += [const(f"{name}.w", rand(cout, cin // groups, k, k, scale=(2.0 / (cin // groups * k * k)) ** 0.5)),
              const(f"{name}.s", 1 + 0.1 * rand(cout)), const(f"{name}.b", 0.1 * rand(cout)),
              const(f"{name}.m", 0.1 * rand(cout)), const(f"{name}.v", 1 + 0.1 * np.abs(rand(cout)))]
    n = helper.make_node
    nodes += [n("Conv", [x, f"{name}.w"], [f"{name}.c"], name=f"{name}.conv", pads=[k // 2] * 4, strides=[stride] * 2, group=groups),
              n("BatchNormalization", [f"{name}.c", f"{name}.s", f"{name}.b", f"{name}.m", f"{name}.v"], [f"{name}.bn"], name=f"{name}.bn")]
    if relu == "Relu":
        nodes.append(n("Relu", [f"{name}.bn"], [f"{name}.out"], name=f"{name}.relu"))
    elif relu == "Clip":
        inits += [const(f"{name}.lo", np.float32(0)), const(f"{name}.hi", np.float32(6))]
        nodes.append(n("Clip", [f"{name}.bn", f"{name}.lo", f"{name}.hi"], [f"{name}.out"], name=f"{name}.relu6"))
    else:
        return f"{name}.bn"
    return f"{name}.out"


def lenet5():
    n = helper.make_node
    inits = [const("c1.w", rand(6, 1, 5, 5, scale=0.3)), const("c1.b", rand(6, scale=0.1)),
             const("c2.w", rand(16, 6, 5, 5, scale=0.1)), const("c2.b", rand(16, scale=0.1)),
             const("f1.w", rand(120, 400, scale=0.05)), const("f1.b", rand(120, scale=0.1)),
             const("f2.w", rand(84, 120, scale=0.1)), const("f2.b", rand(84, scale=0.1)),
             const("f3.w", rand(84, 10, scale=0.1)), const("f3.b", rand(10, scale=0.1)),
             const("shape", np.array([-1, 400], dtype=np.int64))]
    nodes = [n("Conv", ["x", "c1.w", "c1.b"], ["a1"], name="conv1", pads=[2, 2, 2, 2]), n("Relu", ["a1"], ["r1"], name="relu1"),
             n("MaxPool", ["r1"], ["p1"], name="pool1", kernel_shape=[2, 2], strides=[2, 2]),
             n("Conv", ["p1", "c2.w", "c2.b"], ["a2"], name="conv2"), n("Relu", ["a2"], ["r2"], name="relu2"),
             n("AveragePool", ["r2"], ["p2"], name="pool2", kernel_shape=[2, 2], strides=[2, 2]),
             n("Reshape", ["p2", "shape"], ["f"], name="flatten"),
             n("Gemm", ["f", "f1.w", "f1.b"], ["h1"], name="fc1", transB=1), n("Relu", ["h1"], ["g1"], name="relu3"),
             n("Gemm", ["g1", "f2.w", "f2.b"], ["h2"], name="fc2", transB=1), n("Relu", ["h2"], ["g2"], name="relu4"),
             n("Dropout", ["g2"], ["d2"], name="drop"),
             n("MatMul", ["d2", "f3.w"], ["h3"], name="fc3"), n("Add", ["h3", "f3.b"], ["y"], name="fc3.bias")]
    return model(nodes, inits, (1, 1, 28, 28), None, 11, "lenet5", meta={"axmul.mean": "0.5", "axmul.std": "0.25"})


def resnet_stages(nodes, inits, h, cin, widths, blocks):
    """Basic blocks (conv-bn-relu, conv-bn, shortcut, add, relu); stride 2 at the start of every stage but the first."""
    for stage, cout in enumerate(widths):
        for blk in range(blocks):
            stride = 2 if stage > 0 and blk == 0 else 1
            p = f"layer{stage + 1}.{blk}"
            a = conv_bn_relu(nodes, inits, f"{p}.a", h, cin, cout, 3, stride)
            b = conv_bn_relu(nodes, inits, f"{p}.b", a, cout, cout, 3, 1, relu=None)
            sc = h if (cin == cout and stride == 1) else conv_bn_relu(nodes, inits, f"{p}.down", h, cin, cout, 1, stride, relu=None)
            nodes += [helper.make_node("Add", [b, sc], [f"{p}.sum"], name=f"{p}.add"),
                      helper.make_node("Relu", [f"{p}.sum"], [f"{p}.out"], name=f"{p}.relu")]
            h, cin = f"{p}.out", cout
    return h, cin


def classifier(nodes, inits, h, cin, classes, scale):
    """GlobalAveragePool, Flatten, Gemm (the output y)."""
    inits += [const("fc.w", rand(classes, cin, scale=scale)), const("fc.b", rand(classes, scale=0.1))]
    nodes += [helper.make_node("GlobalAveragePool", [h], ["gap"], name="gap"),
              helper.make_node("Flatten", ["gap"], ["flat"], name="flatten"),
              helper.make_node("Gemm", ["flat", "fc.w", "fc.b"], ["y"], name="fc", transB=1)]


def resnet8(size=16):
    nodes, inits = [], []
    h = conv_bn_relu(nodes, inits, "stem", "x", 3, 16, 3, 1)
    h, cin = resnet_stages(nodes, inits, h, 16, [16, 32, 64], 1)
    classifier(nodes, inits, h, cin, 10, 0.2)
    return model(nodes, inits, (1, 3, size, size), None, 13, "resnet8")


def mobilenet_block():
    nodes, inits = [], []
    h = conv_bn_relu(nodes, inits, "stem", "x", 3, 16, 3, 2, relu="Clip")
    e = conv_bn_relu(nodes, inits, "block.expand", h, 16, 64, 1, 1, relu="Clip")
    d = conv_bn_relu(nodes, inits, "block.dw", e, 64, 64, 3, 1, relu="Clip", groups=64)
    p = conv_bn_relu(nodes, inits, "block.project", d, 64, 16, 1, 1, relu=None)
    inits += [const("fc.w", rand(16, 10, scale=0.3)), const("fc.b", rand(10, scale=0.1))]
    nodes += [helper.make_node("Add", [p, h], ["sum"], name="block.add"),
              helper.make_node("GlobalAveragePool", ["sum"], ["gap"], name="gap"),
              helper.make_node("Flatten", ["gap"], ["flat"], name="flatten"),
              helper.make_node("MatMul", ["flat", "fc.w"], ["mm"], name="fc"),
              helper.make_node("Add", ["mm", "fc.b"], ["logits"], name="fc.bias"),
              helper.make_node("Softmax", ["logits"], ["y"], name="softmax")]
    return model(nodes, inits, (1, 3, 16, 16), None, 21, "mobilenet_block")


def error_models(out):
    n = helper.make_node
    flat = (2, 8)
    refused = {
        "gemm_transa": ([n("Gemm", ["x", "w"], ["y"], name="fc_t", transA=1)], [const("w", rand(2, 3))], flat),
        "add_broadcast_width": ([n("Conv", ["x", "w"], ["c"], name="conv"), n("Add", ["c", "b"], ["y"], name="wide_add")],
                                [const("w", rand(3, 4, 3, 3)), const("b", rand(4))], (2, 4, 6, 6)),
        "pad_reflect": ([n("Pad", ["x", "p"], ["xp"], name="reflect_pad", mode="reflect"), n("Conv", ["xp", "w"], ["y"], name="conv")],
                        [const("p", np.array([0, 0, 1, 1, 0, 0, 1, 1], dtype=np.int64)), const("w", rand(3, 4, 3, 3))], (2, 4, 6, 6)),
        "pad_relu": ([n("Pad", ["x", "p"], ["xp"], name="pad"), n("Relu", ["xp"], ["y"], name="relu_of_pad")],
                     [const("p", np.array([0, 0, 1, 1, 0, 0, 1, 1], dtype=np.int64))], (2, 4, 6, 6)),
    }
    for name, (nodes, inits, shape) in refused.items():
        onnx.save_model(model(nodes, inits, shape, None, 13, name), os.path.join(out, name + ".onnx"))
    g = helper.make_graph([n("LSTM", ["x", "w", "r"], ["y"], name="lstm1", hidden_size=4)], "lstm",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, [5, 2, 3])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
                          [const("w", rand(1, 16, 3)), const("r", rand(1, 16, 4))])
    onnx.save_model(helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)]), os.path.join(out, "lstm.onnx"))
    with open(os.path.join(out, "corrupt.onnx"), "wb") as f:
        f.write(bytes([0x08, 0x07, 0x12, 0xff, 0xff, 0xff, 0x0f]) + RNG.bytes(64))


def resnet18(out):
    """ImageNet ResNet-18 shape (11.7 M parameters), 1000 classes, external data, for the benchmark."""
    nodes, inits = [], []
    h = conv_bn_relu(nodes, inits, "stem", "x", 3, 64, 7, 2)
    nodes.append(helper.make_node("MaxPool", [h], ["pool"], name="pool", kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1]))
    h, cin = resnet_stages(nodes, inits, "pool", 64, [64, 128, 256, 512], 2)
    classifier(nodes, inits, h, cin, 1000, 0.05)
    m = model(nodes, inits, (1, 3, 224, 224), None, 17, "resnet18")
    onnx.save_model(m, os.path.join(out, "resnet18.onnx"), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="resnet18.data", size_threshold=1024)
    print(sum(int(np.prod(t.dims)) for t in m.graph.initializer if not t.name.endswith((".m", ".v"))), "parameters")


def digits_cnn(out):
    """A small CNN for the shipped digits_8x8 set (1×8×8, 10 classes), for the CLI tests."""
    n = helper.make_node
    inits = [const("conv1.w", rand(4, 1, 3, 3, scale=0.4)), const("conv1.b", rand(4, scale=0.1)),
             const("fc.w", rand(10, 256, scale=0.05)), const("fc.b", rand(10, scale=0.1))]
    nodes = [n("Conv", ["x", "conv1.w", "conv1.b"], ["c"], name="conv1", pads=[1, 1, 1, 1]), n("Relu", ["c"], ["r"], name="relu"),
             n("Flatten", ["r"], ["f"], name="flatten"), n("Gemm", ["f", "fc.w", "fc.b"], ["y"], name="fc", transB=1)]
    onnx.save_model(model(nodes, inits, (1, 1, 8, 8), None, 13, "digits_cnn"), os.path.join(out, "digits_cnn.onnx"))


def main():
    args = sys.argv[1:]
    if args and args[0] == "--cli":
        os.makedirs(args[1], exist_ok=True)
        return digits_cnn(args[1])
    if args and args[0] == "--bridge":
        os.makedirs(args[1], exist_ok=True)
        onnx.save_model(lenet5(), os.path.join(args[1], "lenet5.onnx"))
        return onnx.save_model(resnet8(), os.path.join(args[1], "resnet8.onnx"))
    if args and args[0] == "--resnet18":
        os.makedirs(args[1], exist_ok=True)
        onnx.save_model(resnet8(32), os.path.join(args[1], "resnet8_32.onnx"))  # CIFAR-sized, for the evaluate benchmark
        return resnet18(args[1])
    out = args[0]
    os.makedirs(out, exist_ok=True)
    w = Writer(out)
    op_models(w)
    w.add("lenet5", lenet5(), RNG.random((100, 1, 28, 28), dtype=np.float32), "network")
    w.add("resnet8", resnet8(), rand(100, 3, 16, 16), "network", external=True)
    w.add("mobilenet_block", mobilenet_block(), rand(100, 3, 16, 16), "network")
    window_models(w)
    folding_models(w)
    tensor_models(w)
    rectangular_models(w)
    pad_matmul_models(w)
    adaptive_pool_models(w)
    convnext_models(w)
    error_models(out)
    decomposed_models(w, out)
    w.finish()


if __name__ == "__main__":
    main()
