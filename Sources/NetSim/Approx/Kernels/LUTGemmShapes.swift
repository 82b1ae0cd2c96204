/// One GEMM of a network layer at a given batch: M = batch·H_out·W_out, K = C_in·kh·kw, N = C_out.
public struct LUTGemmShape: Sendable, Codable, Equatable {
    public let layer: String
    public let m: Int
    public let k: Int
    public let n: Int
    /// Whether the layer's input can be negative: the network's first layer sees normalised images;
    /// every later layer sees ReLU outputs (through pooling, dropout or residual sums), codes ≥ 0.
    public let signedInput: Bool

    public init(layer: String, m: Int, k: Int, n: Int, signedInput: Bool = false) {
        self.layer = layer; self.m = m; self.k = k; self.n = n; self.signedInput = signedInput
    }

    /// Multiply-accumulates in this GEMM.
    public var macs: Int { m * k * n }
}

/// The conv/dense GEMM shapes of the model zoo's lenet5 (28×28×1), resnet8 and vgg-cifar (32×32×3),
/// derived by hand from the architectures in Sources/NetSim/Models (listed in docs/kernels.md).
public enum LUTGemmShapes {
    static func conv(_ name: String, batch: Int, out hw: Int, cin: Int, kernel: Int, cout: Int,
                     first: Bool = false) -> LUTGemmShape {
        LUTGemmShape(layer: name, m: batch * hw * hw, k: cin * kernel * kernel, n: cout, signedInput: first)
    }

    static func dense(_ name: String, batch: Int, inputs: Int, outputs: Int) -> LUTGemmShape {
        LUTGemmShape(layer: name, m: batch, k: inputs, n: outputs)
    }

    /// LeNet-5: conv5(6, pad 2) 28×28, pool, conv5(16) 10×10, pool, 400-120-84-10.
    public static func lenet5(batch: Int = 64) -> [LUTGemmShape] {
        [conv("lenet5.conv1", batch: batch, out: 28, cin: 1, kernel: 5, cout: 6, first: true),
         conv("lenet5.conv2", batch: batch, out: 10, cin: 6, kernel: 5, cout: 16),
         dense("lenet5.fc1", batch: batch, inputs: 400, outputs: 120),
         dense("lenet5.fc2", batch: batch, inputs: 120, outputs: 84),
         dense("lenet5.fc3", batch: batch, inputs: 84, outputs: 10)]
    }

    /// ResNet-8: stem conv3(16) 32×32; one basic block per stage at 16/32/64 channels
    /// (32×32, 16×16, 8×8), 1×1 stride-2 shortcut convs in stages 2 and 3; GAP; fc 64-10.
    public static func resnet8(batch: Int = 64) -> [LUTGemmShape] {
        [conv("resnet8.stem", batch: batch, out: 32, cin: 3, kernel: 3, cout: 16, first: true),
         conv("resnet8.layer1.a", batch: batch, out: 32, cin: 16, kernel: 3, cout: 16),
         conv("resnet8.layer1.b", batch: batch, out: 32, cin: 16, kernel: 3, cout: 16),
         conv("resnet8.layer2.a", batch: batch, out: 16, cin: 16, kernel: 3, cout: 32),
         conv("resnet8.layer2.b", batch: batch, out: 16, cin: 32, kernel: 3, cout: 32),
         conv("resnet8.layer2.down", batch: batch, out: 16, cin: 16, kernel: 1, cout: 32),
         conv("resnet8.layer3.a", batch: batch, out: 8, cin: 32, kernel: 3, cout: 64),
         conv("resnet8.layer3.b", batch: batch, out: 8, cin: 64, kernel: 3, cout: 64),
         conv("resnet8.layer3.down", batch: batch, out: 8, cin: 32, kernel: 1, cout: 64),
         dense("resnet8.fc", batch: batch, inputs: 64, outputs: 10)]
    }

    /// VGG (CIFAR): 13 conv3 layers, stages 64,64 | 128,128 | 256×3 | 512×3 | 512×3 at
    /// 32, 16, 8, 4, 2 pixels square; fc 512-512-10.
    public static func vggCifar(batch: Int = 64) -> [LUTGemmShape] {
        let stages: [(Int, [Int])] = [(32, [64, 64]), (16, [128, 128]), (8, [256, 256, 256]),
                                      (4, [512, 512, 512]), (2, [512, 512, 512])]
        var shapes: [LUTGemmShape] = []
        var cin = 3
        for (hw, widths) in stages {
            for w in widths {
                shapes.append(conv("vgg-cifar.conv\(shapes.count + 1)", batch: batch, out: hw, cin: cin, kernel: 3, cout: w,
                                   first: shapes.isEmpty))
                cin = w
            }
        }
        shapes.append(dense("vgg-cifar.fc1", batch: batch, inputs: 512, outputs: 512))
        shapes.append(dense("vgg-cifar.fc2", batch: batch, inputs: 512, outputs: 10))
        return shapes
    }
}
