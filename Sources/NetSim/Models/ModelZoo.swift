/// Builds the zoo's networks by name for a given per-sample input shape and class count.
public enum ModelZoo {
    /// Every model name `build` accepts.
    public static let names = ["mlp", "lenet5", "allcnn", "resnet8", "resnet14", "resnet20", "resnet18", "vgg-cifar", "vgg-small"]

    /// Options that only some models use.
    public struct Options: Sendable, Equatable {
        /// Hidden layer widths of `mlp` (AxTrain paper: 64-64).
        public var hidden: [Int] = [64, 64]
        /// Where the sizes came from, for error messages (a checkpoint path, or the command's flags).
        public var source: String = ""
        public init(hidden: [Int] = [64, 64], source: String = "") { (self.hidden, self.source) = (hidden, source) }
    }

    /// A freshly initialised network; weights are a function of `seed` only. Models that are not in the
    /// zoo (an imported `.onnx` file) are opened through `Workflows.ModelSource`.
    public static func build(_ name: String, inputShape: [Int], classCount: Int, seed: UInt64,
                             options: Options = Options()) throws -> Network {
        var rng = SplitMix64(seed: seed)
        var b = Builder(name: name, inputShape: inputShape)
        guard names.contains(name) else { throw ModelError.unknownModel(name: name, known: names) }
        try ModelBudget.check(model: name, inputShape: inputShape, classCount: classCount, hidden: options.hidden,
                              source: options.source)
        if name != "mlp" && inputShape.count != 3 {
            throw ModelError.invalidArgument(what: "input shape for \(name)", value: "\(inputShape)",
                                             rule: "convolutional models need image data [C, H, W]")
        }
        switch name {
        case "mlp": try mlp(&b, classCount, options.hidden, &rng)
        case "lenet5": try lenet5(&b, classCount, &rng)
        case "allcnn": try allCNN(&b, classCount, &rng)
        case "resnet8": try ResNet.cifar(&b, blocksPerStage: 1, classCount, &rng)
        case "resnet14": try ResNet.cifar(&b, blocksPerStage: 2, classCount, &rng)
        case "resnet20": try ResNet.cifar(&b, blocksPerStage: 3, classCount, &rng)
        case "resnet18": try ResNet.imagenet18(&b, classCount, &rng)
        case "vgg-cifar": try vgg(&b, classCount, &rng)
        case "vgg-small": try vgg(&b, classCount, stages: [[16, 16], [32, 32], [64, 64]], fc: 128, dropout: 0, &rng)
        default: throw ModelError.unknownModel(name: name, known: names)
        }
        return b.network
    }

    /// in → hidden… → out with ReLU, all Dense.
    static func mlp(_ b: inout Builder, _ classes: Int, _ hidden: [Int], _ rng: inout SplitMix64) throws {
        if b.shape.count > 1 { try b.add(Flatten("flatten")) }
        for (i, h) in hidden.enumerated() {
            try b.add(Dense("fc\(i + 1)", inFeatures: b.features, outFeatures: h, rng: &rng))
            try b.add(ReLU("relu\(i + 1)"))
        }
        try b.add(Dense("fc\(hidden.count + 1)", inFeatures: b.features, outFeatures: classes, rng: &rng))
    }

    /// LeNet-5: conv5(6, pad 2)-pool-conv5(16)-pool-120-84-out with ReLU and max pooling.
    /// On inputs smaller than 28×28 (e.g. 8×8 digits) the second conv is padded too.
    static func lenet5(_ b: inout Builder, _ classes: Int, _ rng: inout SplitMix64) throws {
        try b.add(Conv2D("conv1", inChannels: b.shape[0], outChannels: 6, kernel: 5, padding: 2, rng: &rng))
        try b.add(ReLU("relu1"))
        try b.add(MaxPool("pool1", kernel: 2))
        let pad = b.shape[1] < 10 ? 2 : 0
        try b.add(Conv2D("conv2", inChannels: 6, outChannels: 16, kernel: 5, padding: pad, rng: &rng))
        try b.add(ReLU("relu2"))
        try b.add(MaxPool("pool2", kernel: 2))
        try b.add(Flatten("flatten"))
        try b.add(Dense("fc1", inFeatures: b.features, outFeatures: 120, rng: &rng))
        try b.add(ReLU("relu3"))
        try b.add(Dense("fc2", inFeatures: 120, outFeatures: 84, rng: &rng))
        try b.add(ReLU("relu4"))
        try b.add(Dense("fc3", inFeatures: 84, outFeatures: classes, rng: &rng))
    }

    /// ALL-CNN-C (Springenberg et al. 2015): only convolutions, stride-2 convs instead of
    /// pooling, dropout 0.2 on the input and 0.5 after each stride-2 conv, global average pool.
    static func allCNN(_ b: inout Builder, _ classes: Int, _ rng: inout SplitMix64) throws {
        try b.add(Dropout("drop0", rate: 0.2))
        let spec: [(Int, Int, Int, Int)] = [(96, 3, 1, 1), (96, 3, 1, 1), (96, 3, 2, 1), (192, 3, 1, 1),
                                            (192, 3, 1, 1), (192, 3, 2, 1), (192, 3, 1, 0), (192, 1, 1, 0), (classes, 1, 1, 0)]
        for (i, s) in spec.enumerated() {
            try b.add(Conv2D("conv\(i + 1)", inChannels: b.shape[0], outChannels: s.0, kernel: s.1, stride: s.2,
                             padding: s.3, rng: &rng))
            try b.add(ReLU("relu\(i + 1)"))
            if s.2 == 2 { try b.add(Dropout("drop\(i + 1)", rate: 0.5)) }
        }
        try b.add(GlobalAvgPool("gap"))
    }

    /// VGG for CIFAR: 13 conv3-BN-ReLU layers in 5 max-pooled stages, then dropout-512-dropout-out.
    static func vgg(_ b: inout Builder, _ classes: Int, _ rng: inout SplitMix64) throws {
        try vgg(&b, classes, stages: [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]], fc: 512,
                dropout: 0.5, &rng)
    }

    /// VGG-style: per stage 3x3 convs (no bias) with batch norm and ReLU, then 2x2 max pooling
    /// while the map is at least 2 wide; then fc-ReLU-fc, with dropout before each fc when > 0.
    /// vgg-cifar is VGG-16's layout; vgg-small (16-16, 32-32, 64-64, fc 128) trains from scratch on
    /// Fashion-MNIST in minutes on a CPU (the Hammad experiment's network).
    static func vgg(_ b: inout Builder, _ classes: Int, stages: [[Int]], fc: Int, dropout: Float,
                    _ rng: inout SplitMix64) throws {
        var k = 0
        for (s, widths) in stages.enumerated() {
            for w in widths {
                k += 1
                try b.add(Conv2D("conv\(k)", inChannels: b.shape[0], outChannels: w, kernel: 3, padding: 1, bias: false, rng: &rng))
                try b.add(BatchNorm("bn\(k)", channels: w))
                try b.add(ReLU("relu\(k)"))
            }
            if b.shape[1] >= 2 { try b.add(MaxPool("pool\(s + 1)", kernel: 2)) }
        }
        try b.add(Flatten("flatten"))
        if dropout > 0 { try b.add(Dropout("drop1", rate: dropout)) }
        try b.add(Dense("fc1", inFeatures: b.features, outFeatures: fc, rng: &rng))
        try b.add(ReLU("relu_fc1"))
        if dropout > 0 { try b.add(Dropout("drop2", rate: dropout)) }
        try b.add(Dense("fc2", inFeatures: fc, outFeatures: classes, rng: &rng))
    }
}

/// Appends layers while tracking the per-sample shape, so each layer's size is checked as built.
struct Builder {
    var network: Network
    /// Per-sample output shape of the last node.
    var shape: [Int]
    var features: Int { shape.reduce(1, *) }

    init(name: String, inputShape: [Int]) {
        network = Network(name: name, inputShape: inputShape)
        shape = inputShape
    }

    /// Appends a layer after the last node (or after `inputs`, whose shapes must agree).
    @discardableResult
    mutating func add(_ layer: any Layer, inputs: [Int]? = nil, inputShape: [Int]? = nil) throws -> Int {
        shape = try layer.outputShape(for: inputShape ?? shape)
        return network.add(layer, inputs: inputs)
    }
}
