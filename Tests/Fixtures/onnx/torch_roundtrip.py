"""The torch round trip of docs/onnx.md ("From PyTorch"), with torch itself (scripts/setup --torch).

usage: torch_roundtrip.py export DIR    a LeNet with BatchNorm, fused (torch.ao.quantization.fuse_modules),
                                        exported by the dynamo exporter to DIR/net.onnx; its state_dict to DIR/net.pt
       torch_roundtrip.py load DIR R.onnx    loads R.onnx's initialisers (AxMul's export of the retrained
                                        checkpoint) into the same fused module by name with
                                        load_state_dict(strict=True), and checks torch's logits against
                                        onnxruntime's on R.onnx (≤ 1e-4 of their scale) and that the weights changed
"""
import sys

import numpy as np
import onnx
import onnxruntime as ort
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(1, 6, 5, padding=2), nn.BatchNorm2d(6)
        self.conv2, self.bn2 = nn.Conv2d(6, 16, 5), nn.BatchNorm2d(16)
        self.fc1, self.fc2 = nn.Linear(400, 32), nn.Linear(32, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)
        return self.fc2(F.relu(self.fc1(x.view(x.size(0), -1))))


def fused():
    torch.manual_seed(7)
    m = Net()
    m.train()
    with torch.no_grad():
        for _ in range(3):
            m(torch.randn(16, 1, 28, 28))   # BatchNorm statistics from data
    m.eval()
    return torch.ao.quantization.fuse_modules(m, [["conv1", "bn1"], ["conv2", "bn2"]])


def main():
    mode, folder = sys.argv[1], sys.argv[2]
    m = fused()
    if mode == "export":
        torch.onnx.export(m, (torch.zeros(2, 1, 28, 28),), f"{folder}/net.onnx", dynamo=True, input_names=["x"],
                          output_names=["y"], dynamic_shapes=({0: torch.export.Dim("N", min=1, max=1024)},))
        torch.save(m.state_dict(), f"{folder}/net.pt")
        return
    before = {k: v.clone() for k, v in m.state_dict().items()}
    weights = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in onnx.load(sys.argv[3]).graph.initializer}
    m.load_state_dict({k: weights[k] for k in m.state_dict()}, strict=True)
    x = np.random.default_rng(3).standard_normal((8, 1, 28, 28)).astype(np.float32)
    with torch.no_grad():
        ours = m(torch.from_numpy(x)).numpy()
    sess = ort.InferenceSession(sys.argv[3], providers=["CPUExecutionProvider"])
    ref = sess.run(None, {sess.get_inputs()[0].name: x})[0]
    err = float(np.abs(ours - ref).max() / np.abs(ref).max())
    changed = sum(int(not torch.equal(before[k], m.state_dict()[k])) for k in before)
    print(f"relative error {err}, {changed} of {len(before)} tensors changed")
    if err > 1e-4 or changed == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
