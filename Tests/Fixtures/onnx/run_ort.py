"""Runs an ONNX model with onnxruntime (CPU) and writes its first output as .npy.

usage: run_ort.py MODEL.onnx X.npy OUT.npy [--no-optimise]
Also checks the model with onnx.checker first. Used by Tests/AxmulTests/ExportONNXTests.swift as the
independent reference for `axmul export-onnx`.
"""
import sys
import numpy as np
import onnx
import onnxruntime as ort

model_path, x_path, out_path = sys.argv[1:4]
onnx.checker.check_model(onnx.load(model_path), full_check=True)
options = ort.SessionOptions()
if "--no-optimise" in sys.argv:
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
session = ort.InferenceSession(model_path, options, providers=["CPUExecutionProvider"])
x = np.load(x_path).astype(np.float32)
(y,) = session.run(None, {session.get_inputs()[0].name: x})[:1]
np.save(out_path, np.ascontiguousarray(y.astype(np.float32)))
