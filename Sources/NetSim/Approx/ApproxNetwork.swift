/// Network-level operations on quantised approximate networks: wrapping every Dense/Conv2D in an
/// `ApproxLayer`, installing a training model around each, calibration, switching what the
/// layers compute, and unwrapping again. Layers are found by type: an `ApproxLayer`, bare or as
/// the `base` of a `TrainingModelLayer`.
public enum ApproxNetwork {
    /// Options for quantisation. The defaults of the ablation knobs (weight steps, calibration, BN
    /// folding) are these three lines; every command follows them (a checkpoint's record stores its
    /// own). They are what an 8-bit deployment flow does (docs/approx.md, "Defaults"): batch norm
    /// folded, activations calibrated at the 99.99th percentile, one weight step per tensor.
    public struct QuantOptions: Sendable, Equatable {
        /// The settings (`QuantSpec`; its defaults are the ones above).
        public var spec = QuantSpec()
        public var path: QuantisedEngine.Path = .fast
        public init() {}
        public init(_ spec: QuantSpec) { self.spec = spec }

        public var perChannelWeights: Bool { get { spec.perChannelWeights } set { spec.perChannelWeights = newValue } }
        public var calibration: Calibrator.Method { get { spec.calibration } set { spec.calibration = newValue } }
        /// Fold each BatchNorm into the Conv2D/Dense before it (`BatchNormFolding`) before wrapping.
        public var foldBatchNorm: Bool { get { spec.foldBatchNorm } set { spec.foldBatchNorm = newValue } }
        /// Calibration batches and their size (drawn from the start of the training set).
        public var calibrationBatches: Int { get { spec.calibrationBatches } set { spec.calibrationBatches = newValue } }
        public var batchSize: Int { get { spec.batchSize } set { spec.batchSize = newValue } }

        /// The defaults before fold + percentile (max-abs calibration, batch norm kept in float):
        /// the committed experiments made before the change (`delaparra`'s "default" setting,
        /// `hammad`, `axtrain-table1`) pin it, so that they reproduce.
        public static var maxAbsUnfolded: QuantOptions {
            var o = QuantOptions()
            (o.calibration, o.foldBatchNorm) = (.maxAbs, false)
            return o
        }

        /// The defaults for training through the wrappers (hybrid behavioural epochs, AxTrain-pas):
        /// batch norm stays in float, since these runs train the float network with its BatchNorms
        /// and unwrap it after each epoch (the optimiser's state follows its parameters).
        public static var unfoldedDefaults: QuantOptions {
            var o = QuantOptions()
            o.foldBatchNorm = false
            return o
        }
    }

    /// Wraps every Dense and Conv2D layer, giving each its multiplier from `assignment`; with
    /// `options.foldBatchNorm`, batch norms are folded into their layers first.
    public static func wrap(_ net: Network, _ assignment: MultiplierAssignment, options: QuantOptions = .init()) -> Network {
        var out = options.foldBatchNorm ? BatchNormFolding.fold(net) : net
        var plans: [String: KernelPlan] = [:]   // analyse each table once
        for i in out.nodes.indices {
            let layer = out.nodes[i].layer
            let old = approxLayer(layer)
            guard let inner = old?.inner ?? (layer as? any QuantisableLayer) else { continue }
            let entry = assignment.entry(for: inner.name)
            let key = entry?.name ?? "exact"
            let plan = plans[key] ?? entry?.plan ?? KernelPlan.analyse(.exact)
            plans[key] = plan
            var a = ApproxLayer(inner, plan: plan, perChannelWeights: options.perChannelWeights,
                                calibration: options.calibration)
            a.path = options.path
            if let old { a.inputDelta = old.inputDelta }
            out.nodes[i].layer = a
        }
        return out
    }

    /// The plain network with the wrappers (approximate layers and training models) removed,
    /// e.g. for saving checkpoints.
    public static func unwrap(_ net: Network) -> Network {
        var out = net
        for i in out.nodes.indices {
            if let a = approxLayer(out.nodes[i].layer) { out.nodes[i].layer = a.inner }
        }
        return out
    }

    /// The approximate layer of a node: the layer itself, or the base of its training model.
    public static func approxLayer(_ layer: any Layer) -> ApproxLayer? {
        (layer as? ApproxLayer) ?? (layer as? any TrainingModelLayer)?.base
    }

    /// Applies `body` to every approximate layer, bare or inside a training model.
    public static func forEachLayer(_ net: inout Network, _ body: (inout ApproxLayer) -> Void) {
        for i in net.nodes.indices {
            if var a = net.nodes[i].layer as? ApproxLayer {
                body(&a)
                net.nodes[i].layer = a
            } else if var m = net.nodes[i].layer as? any TrainingModelLayer {
                body(&m.base)
                net.nodes[i].layer = m
            }
        }
    }

    /// Replaces every approximate layer's training model by `model(layer)` (a previous model is
    /// dropped; returning the layer itself trains through the behavioural simulation).
    public static func installTrainingModel(_ net: inout Network, _ model: (ApproxLayer) throws(ApproxError) -> any Layer)
        throws(ApproxError) {
        for i in net.nodes.indices {
            guard let a = approxLayer(net.nodes[i].layer) else { continue }
            net.nodes[i].layer = try model(a)
        }
    }

    /// Names of the wrapped layers, in network order.
    public static func layerNames(_ net: Network) -> [String] {
        net.nodes.compactMap { approxLayer($0.layer)?.name }
    }

    /// Sets what every wrapper computes.
    public static func set(_ net: inout Network, compute: ApproxCompute) {
        forEachLayer(&net) { $0.compute = compute }
    }

    /// Calibrates every layer's input step on float forwards of the first batches of `data`.
    public static func calibrate(_ net: inout Network, on data: LabeledData, options: QuantOptions = .init()) {
        forEachLayer(&net) {
            $0.calibrator = Calibrator(method: options.calibration)
            $0.compute = .calibrating
        }
        let bs = max(1, options.batchSize)
        for b in 0..<max(1, options.calibrationBatches) where b * bs < data.count {
            let (x, _) = Trainer.batch(data, Array(b * bs..<min((b + 1) * bs, data.count)))
            var ctx = ForwardContext(mode: .eval)
            _ = net.forward(x, context: &ctx)
        }
        forEachLayer(&net) {
            $0.inputDelta = $0.calibrator.delta
            $0.compute = .float
        }
    }

    /// Per-sample input and output shapes of every node, in order.
    public static func shapes(_ net: Network) -> [(input: [Int], output: [Int])] {
        var result: [(input: [Int], output: [Int])] = []
        for (i, node) in net.nodes.enumerated() {
            let input = node.inputs.first.map { $0 < 0 ? net.inputShape : result[$0].output } ?? net.inputShape
            result.append((input, (try? net.outputShape(ofNode: i, after: result.map(\.output))) ?? input))
        }
        return result
    }

    /// Per-sample MAC count of every wrapped layer.
    public static func macs(_ net: Network) -> [(name: String, macs: Int)] {
        let s = shapes(net)
        return net.nodes.indices.compactMap { i in
            approxLayer(net.nodes[i].layer).map { (name: $0.name, macs: $0.macs(for: s[i].input)) }
        }
    }
}
