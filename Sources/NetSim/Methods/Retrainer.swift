import Foundation

/// Retrains a float network for approximate multipliers with one of the `RetrainMethod`s.
/// Accuracy before and after is always measured with the behavioural simulation.
public enum Retrainer {
    /// A float network and its data, retrained; returns the retrained float network (unwrapped,
    /// ready to save) and the report. `log` receives one line per epoch.
    public static func retrain(_ float: Network, train: LabeledData, test: LabeledData,
                               assignment: MultiplierAssignment, config: RetrainConfig,
                               errorModel: ErrorModel? = nil,
                               log: (String) -> Void = { _ in }) throws(ApproxError) -> (network: Network, report: RetrainReport) {
        var net = ApproxNetwork.wrap(float, assignment, options: config.quant)
        ApproxNetwork.calibrate(&net, on: train, options: config.quant)
        let before = ApproxEvaluation.accuracy(net, on: test, compute: .approximate)
        log("behavioural accuracy before: \(String(format: "%.4f", before))")
        try install(config, assignment: assignment, errorModel: errorModel, train: train, into: &net)
        ApproxNetwork.set(&net, compute: .approximate)
        var seconds: [Double] = []
        var optimizer = Optimizer(kind: .sgd, momentum: config.momentum)
        var rng = SplitMix64(seed: config.seed ^ 0xA99_8EED)
        for epoch in 1...max(config.epochs, 1) where config.epochs > 0 {
            let (s, loss) = runEpoch(&net, &optimizer, &rng, train, config)
            seconds.append(s)
            log("epoch \(epoch)/\(config.epochs) \(config.method.rawValue): loss \(String(format: "%.4f", loss)), \(String(format: "%.2f", s)) s")
        }
        let after = ApproxEvaluation.accuracy(net, on: test, compute: .approximate)
        log("behavioural accuracy after: \(String(format: "%.4f", after))")
        let report = RetrainReport(approxAccuracyBefore: before, approxAccuracyAfter: after, epochSeconds: seconds,
                                   method: config.method.rawValue, multiplier: assignment.label)
        return (ApproxNetwork.unwrap(net), report)
    }

    /// Installs the method's training model around every approximate layer: the layer itself
    /// (behavioural), `ErrorModelLayer`, `BaselineLayer` or `AWGNLayer`.
    static func install(_ config: RetrainConfig, assignment: MultiplierAssignment, errorModel: ErrorModel?,
                        train: LabeledData, into net: inout Network) throws(ApproxError) {
        switch config.method {
        case .behavioural:
            try ApproxNetwork.installTrainingModel(&net) { $0 }
        case .errormodel:
            let model = errorModel ?? ErrorModelBuilder.build(net, on: train, samples: config.errorModelSamples,
                                                              batchSize: config.batchSize, multiplier: assignment.label)
            try ErrorModelBuilder.install(model, into: &net)
        case .baseline:
            try ApproxNetwork.installTrainingModel(&net) {
                let sigma = config.baselineSigma ?? Float(MultiplierProfile($0.plan.table).relativeErrorSD)
                return BaselineLayer($0, sigma: sigma, fresh: config.baselineFresh)
            }
        case .awgn:
            if let snr = config.snrDB {
                try ApproxNetwork.installTrainingModel(&net) { AWGNLayer($0, snrDB: snr) }
            } else {
                let model = errorModel ?? ErrorModelBuilder.build(net, on: train, samples: config.errorModelSamples,
                                                                  batchSize: config.batchSize, multiplier: assignment.label)
                try ApproxNetwork.installTrainingModel(&net) { layer in
                    AWGNLayer(layer, snrDB: model.layer(named: layer.name).map { ErrorModelBuilder.snrDB($0.stats) } ?? 100)
                }
            }
        }
    }

    /// One shuffled pass in training mode; returns (wall seconds, mean loss).
    static func runEpoch(_ net: inout Network, _ opt: inout Optimizer, _ rng: inout SplitMix64,
                         _ train: LabeledData, _ config: RetrainConfig) -> (Double, Double) {
        let start = Date()
        let order = rng.permutation(train.count), bs = max(1, config.batchSize)
        var lossSum = 0.0
        for b in stride(from: 0, to: train.count, by: bs) {
            let idx = Array(order[b..<min(b + bs, train.count)])
            let (x, y) = Trainer.batch(train, idx)
            net.zeroGradients()
            var ctx = ForwardContext(mode: .train, rng: SplitMix64(seed: rng.next()))
            let out = SoftmaxCrossEntropy.lossAndGradient(logits: net.forward(x, context: &ctx), labels: y)
            net.backward(out.grad)
            opt.update(&net, lr: config.learningRate)
            lossSum += out.loss * Double(idx.count)
            ProgressSink.report("retraining", min(b + bs, train.count), train.count)
        }
        return (Date().timeIntervalSince(start), lossSum / Double(max(train.count, 1)))
    }
}
