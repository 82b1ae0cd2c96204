import Foundation
import Records

/// Retrains a float network for approximate multipliers with one of the `RetrainMethod`s.
/// Accuracy before and after is always measured with the behavioural simulation.
///
/// The epochs run in the one training loop (`Trainer.runEpoch`), so retraining has the NaN/Inf
/// guard, `maxGradNorm` clipping, and the checkpointable `Trainer` state that `axmul retrain
/// --resume` continues from.
public enum Retrainer {
    /// A float network wrapped for retraining: calibrated, the method's training model installed,
    /// computing approximately, inside a `Trainer` at epoch 0; and the behavioural accuracy before.
    public struct Prepared: Sendable {
        public var trainer: Trainer
        public var beforeAccuracy: Double
    }

    /// A float network and its data, retrained; returns the retrained float network (unwrapped,
    /// ready to save; with `config.quant.foldBatchNorm`, in `float`'s unfolded architecture, see
    /// `BatchNormFolding.unfold`) and the report. `log` receives one line per epoch.
    public static func retrain(_ float: Network, train: LabeledData, test: LabeledData,
                               assignment: MultiplierAssignment, config: RetrainConfig,
                               errorModel: ErrorModel? = nil,
                               log: (String) -> Void = { _ in }) throws -> (network: Network, report: RetrainReport) {
        var prepared = try prepare(float, train: train, test: test, assignment: assignment, config: config,
                                   errorModel: errorModel, log: log)
        var seconds: [Double] = []
        try TrainingPhase.run([phase(train: train, test: test, config: config)], &prepared.trainer) { _, r, _ in
            seconds.append(r.seconds)
            log(epochLine(r, config))
        }
        let report = finish(prepared, test: test, assignment: assignment, config: config, epochSeconds: seconds, log: log)
        let plain = ApproxNetwork.unwrap(prepared.trainer.network)
        return (config.quant.foldBatchNorm ? BatchNormFolding.unfold(plain, into: float) : plain, report)
    }

    /// Retraining as a schedule's one phase: `runEpoch` until `config.epochs`, each batch reported to `progress`.
    public static func phase(train: LabeledData, test: LabeledData, config: RetrainConfig,
                             progress: ((BatchProgress) -> Void)? = nil) -> TrainingPhase {
        TrainingPhase("retrain", until: config.epochs) { t in try runEpoch(&t, train: train, test: test, config: config, progress: progress) }
    }

    /// Wraps and calibrates `float`, measures the accuracy before, installs the method.
    public static func prepare(_ float: Network, train: LabeledData, test: LabeledData,
                               assignment: MultiplierAssignment, config: RetrainConfig, errorModel: ErrorModel? = nil,
                               calibration: LabeledData? = nil, progress: ProgressSink = .silent,
                               log: (String) -> Void = { _ in }) throws(ApproxError) -> Prepared {
        var net = ApproxNetwork.wrap(float, assignment, options: config.quant)
        ApproxNetwork.calibrate(&net, on: calibration ?? train, options: config.quant)
        let before = ApproxEvaluation.accuracy(net, on: test, compute: .approximate, progress: progress)
        log("behavioural accuracy before: \(String(format: "%.4f", before))")
        try install(config, assignment: assignment, errorModel: errorModel, train: train, into: &net, progress: progress)
        ApproxNetwork.set(&net, compute: .approximate)
        var trainer = Trainer(network: net, config: config.trainConfig)
        trainer.rng = SplitMix64(seed: config.seed ^ 0xA99_8EED)
        return Prepared(trainer: trainer, beforeAccuracy: before)
    }

    /// One retraining epoch of the training loop; the record's test figures are behavioural.
    public static func runEpoch(_ trainer: inout Trainer, train: LabeledData, test: LabeledData,
                                config: RetrainConfig, progress: ((BatchProgress) -> Void)? = nil) throws -> EpochRecord {
        try trainer.runEpoch(train: train, test: test) { p in progress?(p) }
    }

    /// The report after the last epoch: the behavioural accuracy of the retrained network.
    public static func finish(_ prepared: Prepared, test: LabeledData, assignment: MultiplierAssignment,
                              config: RetrainConfig, epochSeconds: [Double], progress: ProgressSink = .silent,
                              log: (String) -> Void = { _ in }) -> RetrainReport {
        let after = ApproxEvaluation.accuracy(prepared.trainer.network, on: test, compute: .approximate, progress: progress)
        log("behavioural accuracy after: \(String(format: "%.4f", after))")
        return RetrainReport(approxAccuracyBefore: prepared.beforeAccuracy, approxAccuracyAfter: after,
                             epochSeconds: epochSeconds, method: config.method.rawValue, multiplier: assignment.label)
    }

    /// "epoch 2/5 errormodel: loss 0.1234, 0.52 s".
    public static func epochLine(_ r: EpochRecord, _ config: RetrainConfig) -> String {
        "epoch \(r.epoch)/\(config.epochs) \(config.method.rawValue): loss \(String(format: "%.4f", r.trainLoss)), "
            + "\(String(format: "%.2f", r.seconds)) s"
    }

    /// The method's training state outside the `Trainer`: each layer's fixed baseline Err
    /// (`baselineFresh == false`, drawn at the first step), as `baseline_err.<layer>`; saved in
    /// checkpoints (`TrainCheckpoint.Info.state`) so a resumed run uses the same Err.
    public static func methodState(_ net: Network) -> [String: Tensor] {
        var state: [String: Tensor] = [:]
        for node in net.nodes {
            if let b = node.layer as? BaselineLayer, let err = b.fixedErr {
                state["baseline_err." + b.name] = Tensor(shape: [err.count], data: err)
            }
        }
        return state
    }

    /// Puts a saved `methodState` back into the wrapped layers.
    public static func restoreMethodState(_ state: [String: Tensor], into net: inout Network) {
        for i in net.nodes.indices {
            guard var b = net.nodes[i].layer as? BaselineLayer, let err = state["baseline_err." + b.name] else { continue }
            b.fixedErr = err.data
            net.nodes[i].layer = b
        }
    }

    /// Installs the method's training model around every approximate layer: the layer itself
    /// (behavioural), `ErrorModelLayer`, `BaselineLayer` or `AWGNLayer`.
    static func install(_ config: RetrainConfig, assignment: MultiplierAssignment, errorModel: ErrorModel?,
                        train: LabeledData, into net: inout Network, progress: ProgressSink = .silent) throws(ApproxError) {
        switch config.method {
        case .behavioural:
            try ApproxNetwork.installTrainingModel(&net) { $0 }
        case .errormodel:
            let model = errorModel ?? ErrorModelBuilder.build(net, on: train, samples: config.errorModelSamples,
                                                              batchSize: config.batchSize, multiplier: assignment.label,
                                                              progress: progress)
            try ErrorModelBuilder.install(model, into: &net)
        case .baseline, .baselineMean:
            try ApproxNetwork.installTrainingModel(&net) { layer in
                let profile = MultiplierProfile(layer.plan.table)
                let sigma = config.baselineSigma ?? Float(profile.relativeErrorSD)
                let mean = config.method == .baseline ? 0 : config.baselineMean ?? Float(profile.relativeErrorMean)
                return BaselineLayer(layer, mean: mean, sigma: sigma, fresh: config.baselineFresh)
            }
        case .awgn:
            if let snr = config.snrDB {
                try ApproxNetwork.installTrainingModel(&net) { AWGNLayer($0, snrDB: snr) }
            } else {
                let model = errorModel ?? ErrorModelBuilder.build(net, on: train, samples: config.errorModelSamples,
                                                                  batchSize: config.batchSize, multiplier: assignment.label,
                                                                  progress: progress)
                try ApproxNetwork.installTrainingModel(&net) { layer in
                    AWGNLayer(layer, snrDB: model.layer(named: layer.name).map { ErrorModelBuilder.snrDB($0.stats) } ?? 100)
                }
            }
        }
    }

    /// One shuffled training pass of `net` by the training loop, without evaluation (benchmarks);
    /// returns (wall seconds, mean loss). A NaN/Inf stops the pass and gives a NaN loss.
    static func runEpoch(_ net: inout Network, _ opt: inout Optimizer, _ rng: inout SplitMix64,
                         _ train: LabeledData, _ config: RetrainConfig) -> (Double, Double) {
        var trainer = Trainer(network: net, config: config.trainConfig)
        (trainer.optimizer, trainer.rng) = (opt, rng)
        var hooks = NoEvaluation()
        let start = Date()
        let record = try? trainer.runEpoch(train: train, test: train, hooks: &hooks)
        (net, opt, rng) = (trainer.network, trainer.optimizer, trainer.rng)
        return (Date().timeIntervalSince(start), record?.trainLoss ?? .nan)
    }
}

/// Hooks that skip the end-of-epoch evaluation (timing the training pass alone).
struct NoEvaluation: TrainingHooks {
    mutating func evaluate(_ network: Network, on test: LabeledData, batchSize: Int) -> Evaluation {
        Evaluation(accuracy: 0, loss: 0, samples: 0)
    }
}
