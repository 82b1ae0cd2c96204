"""Runs an ONNX model with onnxruntime (CPU) and writes its first output as .npy.

usage: run_ort.py MODEL.onnx X.npy OUT.npy [--no-optimise] [--codes DIR]
Also checks the model with onnx.checker first. Used by Tests/AxmulTests/ExportONNXTests.swift as the
independent reference for `axmul export-onnx`.
--codes DIR: also writes, for every activation QuantizeLinear of a QDQ export (scale `L.input_scale`),
the int8 codes onnxruntime computed for layer L's input, as DIR/L.npy (float32 holding the integers).
"""
import os
import sys
import numpy as np
import onnx
import onnxruntime as ort

model_path, x_path, out_path = sys.argv[1:4]
model = onnx.load(model_path)
onnx.checker.check_model(model, full_check=True)
codes_dir = sys.argv[sys.argv.index("--codes") + 1] if "--codes" in sys.argv else None
layers = {}
if codes_dir:
    for node in model.graph.node:
        if node.op_type == "QuantizeLinear" and node.input[1].endswith(".input_scale"):
            layers[node.output[0]] = node.input[1][: -len(".input_scale")]
            model.graph.output.append(onnx.helper.make_empty_tensor_value_info(node.output[0]))
options = ort.SessionOptions()
if "--no-optimise" in sys.argv:
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
source = model.SerializeToString() if codes_dir else model_path
session = ort.InferenceSession(source, options, providers=["CPUExecutionProvider"])
x = np.load(x_path).astype(np.float32)
names = [o.name for o in session.get_outputs()]
results = session.run(None, {session.get_inputs()[0].name: x})
np.save(out_path, np.ascontiguousarray(results[0].astype(np.float32)))
if codes_dir:
    os.makedirs(codes_dir, exist_ok=True)
    for name, value in zip(names, results):
        if name in layers:
            np.save(os.path.join(codes_dir, layers[name] + ".npy"), np.ascontiguousarray(value.astype(np.float32)))
