import Foundation
import Records

/// What the approximate epochs of a hybrid run use.
public enum ApproxSource: Sendable {
    /// "MRE 3.6% SD 4.5%" or the multiplier's name.
    public var label: String {
        switch self {
        case .gaussian(let spec): return spec.label
        case .multiplier(let a, _): return a.label
        }
    }

    /// The paper's simulation: weights times a fixed Gaussian error matrix per layer.
    case gaussian(ErrorSpec)
    /// A real multiplier through the behavioural simulation (quantised forward, straight-through
    /// gradient), quantised under `quant` (batch norm is never folded here: see
    /// `QuantOptions.unfoldedDefaults`).
    case multiplier(MultiplierAssignment, quant: ApproxNetwork.QuantOptions = .unfoldedDefaults)
}

/// One hybrid run: per-epoch records (test evaluation always error-free) and its summary.
public struct HybridRun: Sendable, Codable, Equatable {
    /// What the approximate epochs simulated (see `ApproxSource.label`).
    public var source: String
    public var switchEpoch: Int
    public var epochs: Int
    public var finalAccuracy: Double
    /// Approximate-multiplier utilisation N / total, as in the paper's Table III.
    public var utilisation: Double
    public var records: [EpochRecord]

    enum CodingKeys: String, CodingKey {
        case source, switchEpoch = "switch_epoch", epochs, finalAccuracy = "final_accuracy", utilisation, records
    }
}

/// The hybrid schedule of Hammad & El-Sankary: approximate for the first N epochs, then exact.
public enum HybridTraining {
    /// Trains `trainer` to `trainer.config.epochs`, approximate while `trainer.epoch < switchEpoch`;
    /// `onEpoch` sees each record, whether the epoch was approximate, and the trainer after it
    /// (float network, ready to checkpoint). Starts at `trainer.epoch`, so a resumed trainer continues.
    /// With N = 0 every epoch is `Trainer.runEpoch`, so the run equals exact training for the same seed.
    public static func run(_ trainer: inout Trainer, switchEpoch: Int, source: ApproxSource,
                           train: LabeledData, test: LabeledData,
                           progress: ((BatchProgress) -> Void)? = nil,
                           onEpoch: (EpochRecord, Bool, Trainer) throws -> Void = { _, _, _ in }) throws -> HybridRun {
        let phases = try self.phases(switchEpoch: switchEpoch, total: trainer.config.epochs, source: source, train: train, test: test,
                                     progress: progress)
        var records: [EpochRecord] = []
        try TrainingPhase.run(phases, &trainer) { phase, r, t in
            records.append(r)
            try onEpoch(r, phase.name == approximatePhase, t)
        }
        return summary(records, trainer: trainer, switchEpoch: switchEpoch, source: source, test: test)
    }

    /// The name of the approximate phase (the other is "exact").
    public static let approximatePhase = "approximate"

    /// The schedule as phases: approximate until `switchEpoch` (simulated Gaussian weight error, or the
    /// behavioural simulation of a multiplier), then exact until `total`.
    public static func phases(switchEpoch: Int, total: Int, source: ApproxSource, train: LabeledData, test: LabeledData,
                              progress: ((BatchProgress) -> Void)?) throws -> [TrainingPhase] {
        guard (0...total).contains(switchEpoch) else {
            throw HybridError.invalidSchedule("switch epoch \(switchEpoch) is outside 0...\(total)")
        }
        let approximate: TrainingPhase
        switch source {
        case .gaussian(let spec):
            var sim: WeightErrorSimulator?   // drawn on entry, from the network and seed the phase starts with
            approximate = TrainingPhase(approximatePhase, until: switchEpoch, enter: { t in
                sim = WeightErrorSimulator(network: t.network, spec: spec, seed: t.config.seed)
            }, epoch: { t in
                var s = sim!
                defer { sim = s }
                return try simulatedEpoch(&t, &s, train: train, test: test, progress: progress)
            })
        case .multiplier(let assignment, let quant):
            approximate = TrainingPhase(approximatePhase, until: switchEpoch) { t in
                try behaviouralEpoch(&t, assignment: assignment, quant: quant, train: train, test: test, progress: progress)
            }
        }
        return [approximate, .plain("exact", until: total, train: train, test: test, progress: progress)]
    }

    /// The run's summary from its records (the final accuracy is the last epoch's test accuracy).
    public static func summary(_ records: [EpochRecord], trainer: Trainer, switchEpoch: Int, source: ApproxSource,
                               test: LabeledData) -> HybridRun {
        let total = trainer.config.epochs
        let acc = records.last?.testAccuracy ?? Trainer.evaluate(trainer.network, on: test).accuracy
        return HybridRun(source: source.label, switchEpoch: switchEpoch, epochs: total, finalAccuracy: acc,
                         utilisation: total > 0 ? Double(switchEpoch) / Double(total) : 0, records: records)
    }

    /// One epoch of the training loop with weights W ⊙ Err in the forward and backward passes
    /// (`SimulatedErrorHooks`); the optimiser updates the error-free weights, and the test
    /// evaluation uses them.
    static func simulatedEpoch(_ t: inout Trainer, _ sim: inout WeightErrorSimulator, train: LabeledData,
                               test: LabeledData, progress: ((BatchProgress) -> Void)?) throws -> EpochRecord {
        var hooks = SimulatedErrorHooks(simulator: sim)
        defer { sim = hooks.simulator }
        return try t.runEpoch(train: train, test: test, hooks: &hooks, progress: progress)
    }

    /// One approximate epoch through the behavioural simulation: the network is wrapped (parameter
    /// order, hence optimiser state, is unchanged), calibrated (ranges move in training), trained by the
    /// training loop, and unwrapped. The test accuracy is measured on the unwrapped, error-free float
    /// network. `quant.foldBatchNorm` is ignored: the float network keeps its BatchNorms.
    static func behaviouralEpoch(_ t: inout Trainer, assignment: MultiplierAssignment, quant: ApproxNetwork.QuantOptions,
                                 train: LabeledData, test: LabeledData, progress: ((BatchProgress) -> Void)?) throws -> EpochRecord {
        var options = quant
        options.foldBatchNorm = false
        var net = ApproxNetwork.wrap(t.network, assignment, options: options)
        ApproxNetwork.calibrate(&net, on: train, options: options)
        ApproxNetwork.set(&net, compute: .approximate)
        t.network = net
        var hooks = ErrorFreeEvaluation()
        let r = try t.runEpoch(train: train, test: test, hooks: &hooks, progress: progress)
        t.network = ApproxNetwork.unwrap(t.network)
        return r
    }
}

/// The hybrid paper's simulated multiplier error as hooks on the training loop: the weight-error
/// wrappers are installed before each forward pass and removed after the backward pass.
struct SimulatedErrorHooks: TrainingHooks {
    var simulator: WeightErrorSimulator

    mutating func beforeForward(_ network: inout Network, batch x: Tensor) throws { simulator.install(into: &network) }
    mutating func afterBackward(_ network: inout Network) throws { simulator.remove(from: &network) }
}

/// Hooks that evaluate the float network with the approximate wrappers removed (the hybrid
/// paper's test evaluation is error-free).
struct ErrorFreeEvaluation: TrainingHooks {
    mutating func evaluate(_ network: Network, on test: LabeledData, batchSize: Int) -> Evaluation {
        Trainer.evaluate(ApproxNetwork.unwrap(network), on: test, batchSize: batchSize)
    }
}
