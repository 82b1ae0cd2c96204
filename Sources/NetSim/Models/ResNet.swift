/// Residual networks: CIFAR-style ResNet-(6n+2) and ImageNet-style ResNet-18, built from basic
/// blocks (conv3-BN-ReLU-conv3-BN, plus identity or 1×1-conv-BN shortcut, then ReLU).
enum ResNet {
    /// He et al. 2016 §4.2: conv3(16), three stages of 16/32/64 channels, GAP, Dense.
    static func cifar(_ b: inout Builder, blocksPerStage n: Int, _ classes: Int, _ rng: inout SplitMix64) throws {
        try convBN(&b, "stem", out: 16, kernel: 3, stride: 1, &rng)
        try b.add(ReLU("stem.relu"))
        for (s, width) in [16, 32, 64].enumerated() {
            for i in 0..<n {
                try block(&b, "layer\(s + 1).\(i)", out: width, stride: (s > 0 && i == 0) ? 2 : 1, &rng)
            }
        }
        try b.add(GlobalAvgPool("gap"))
        try b.add(Dense("fc", inFeatures: b.features, outFeatures: classes, rng: &rng))
    }

    /// ResNet-18: conv7/2(64)-BN-ReLU-maxpool3/2, stages 64/128/256/512 × 2 blocks, GAP, Dense.
    static func imagenet18(_ b: inout Builder, _ classes: Int, _ rng: inout SplitMix64) throws {
        try convBN(&b, "stem", out: 64, kernel: 7, stride: 2, &rng)
        try b.add(ReLU("stem.relu"))
        try b.add(MaxPool("stem.pool", kernel: 3, stride: 2, padding: 1))
        for (s, width) in [64, 128, 256, 512].enumerated() {
            for i in 0..<2 {
                try block(&b, "layer\(s + 1).\(i)", out: width, stride: (s > 0 && i == 0) ? 2 : 1, &rng)
            }
        }
        try b.add(GlobalAvgPool("gap"))
        try b.add(Dense("fc", inFeatures: b.features, outFeatures: classes, rng: &rng))
    }

    static func convBN(_ b: inout Builder, _ name: String, out: Int, kernel: Int, stride: Int,
                       _ rng: inout SplitMix64, inputs: [Int]? = nil, inputShape: [Int]? = nil) throws {
        let inC = (inputShape ?? b.shape)[0]
        try b.add(Conv2D("\(name).conv", inChannels: inC, outChannels: out, kernel: kernel, stride: stride,
                         padding: kernel / 2, bias: false, rng: &rng), inputs: inputs, inputShape: inputShape)
        try b.add(BatchNorm("\(name).bn", channels: out))
    }

    /// One basic block; the shortcut is the identity unless the shape changes.
    static func block(_ b: inout Builder, _ name: String, out: Int, stride: Int, _ rng: inout SplitMix64) throws {
        let entry = b.network.last, entryShape = b.shape
        try convBN(&b, "\(name).a", out: out, kernel: 3, stride: stride, &rng)
        try b.add(ReLU("\(name).a.relu"))
        try convBN(&b, "\(name).b", out: out, kernel: 3, stride: 1, &rng)
        let main = b.network.last, mainShape = b.shape
        var shortcut = entry
        if stride != 1 || entryShape[0] != out {
            try convBN(&b, "\(name).down", out: out, kernel: 1, stride: stride, &rng, inputs: [entry], inputShape: entryShape)
            shortcut = b.network.last
            guard b.shape == mainShape else {
                throw ModelError.shapeMismatch(layer: "\(name).down", expected: "\(mainShape)", found: b.shape)
            }
        }
        try b.add(Add("\(name).add"), inputs: [main, shortcut], inputShape: mainShape)
        try b.add(ReLU("\(name).relu"))
    }
}
