import Foundation
import Records

/// The seed paper's Table 5 on this machine: wall seconds of one retraining epoch per method,
/// next to plain float training, all on the same data, batch size and network, in one run.
public enum EpochTiming {
    /// One measured epoch.
    public struct Result: Sendable, Codable, Equatable {
        /// "float", or a `RetrainMethod` raw value.
        public var method: String
        /// Wall seconds of the training epoch itself.
        public var epochSeconds: Double
        /// Process CPU seconds (user + system, all threads) of the epoch: robust on a shared machine.
        public var cpuSeconds: Double
        /// Seconds spent before the epoch (calibration, and error-model statistics for `errormodel`).
        public var setupSeconds: Double
        public var samples: Int
        /// Wall seconds of the epoch per `PhaseClock` phase (JSON keys as `PhaseClock.Phase`), plus
        /// "other" for the rest.
        public var phaseSeconds: [String: Double] = [:]

        enum CodingKeys: String, CodingKey {
            case method, epochSeconds = "epoch_seconds", cpuSeconds = "cpu_seconds", setupSeconds = "setup_seconds", samples
            case phaseSeconds = "phase_seconds"
        }
    }

    /// The ratios `bench retrain` reports, from one run's results: each method's epoch over the float
    /// epoch, and the error model's over behavioural (nil when either is missing).
    public struct Ratios: Sendable, Codable, Equatable {
        public var overFloat: [String: Double]
        public var errormodelOverBehavioural: Double?
        public var errormodelOverBehaviouralCPU: Double?

        public init(_ results: [Result]) {
            let byMethod = Dictionary(results.map { ($0.method, $0) }, uniquingKeysWith: { a, _ in a })
            let float = byMethod["float"]?.epochSeconds ?? .nan
            overFloat = Dictionary(results.filter { $0.method != "float" }.map { ($0.method, $0.epochSeconds / float) },
                                   uniquingKeysWith: { a, _ in a })
            let e = byMethod[RetrainMethod.errormodel.rawValue], b = byMethod[RetrainMethod.behavioural.rawValue]
            errormodelOverBehavioural = e.flatMap { e in b.map { e.epochSeconds / $0.epochSeconds } }
            errormodelOverBehaviouralCPU = e.flatMap { e in b.map { e.cpuSeconds / $0.cpuSeconds } }
        }

        enum CodingKeys: String, CodingKey {
            case overFloat = "over_float", errormodelOverBehavioural = "errormodel_over_behavioural"
            case errormodelOverBehaviouralCPU = "errormodel_over_behavioural_cpu"
        }
    }

    /// Runs one timed epoch with phase accounting: (wall seconds, CPU seconds, seconds per phase).
    static func timedEpoch(_ net: inout Network, _ train: LabeledData, _ config: RetrainConfig) -> (Double, Double, [String: Double]) {
        var opt = Optimizer(kind: .sgd, momentum: config.momentum)
        var rng = SplitMix64(seed: config.seed)
        let c0 = cpuSeconds()
        PhaseClock.start()
        let (s, _) = Retrainer.runEpoch(&net, &opt, &rng, train, config)
        let phases = PhaseClock.stop()
        var out = Dictionary(uniqueKeysWithValues: phases.map { ($0.key.rawValue, $0.value) })
        out["other"] = max(0, s - phases.values.reduce(0, +))
        return (s, cpuSeconds() - c0, out)
    }

    /// Times one epoch of float training and one of each `methods` on `train`. Float training runs on
    /// the network the methods train: folded when `config.quant.foldBatchNorm` (the default).
    public static func measure(_ float: Network, train: LabeledData, assignment: MultiplierAssignment,
                               methods: [RetrainMethod], config: RetrainConfig) throws(ApproxError) -> [Result] {
        var results: [Result] = []
        var net = config.quant.foldBatchNorm ? BatchNormFolding.fold(float) : float
        let (s, cpu, phases) = timedEpoch(&net, train, config)
        results.append(Result(method: "float", epochSeconds: s, cpuSeconds: cpu, setupSeconds: 0, samples: train.count,
                              phaseSeconds: phases))
        for m in methods {
            var c = config
            c.method = m
            let start = Date()
            var wrapped = ApproxNetwork.wrap(float, assignment, options: c.quant)
            ApproxNetwork.calibrate(&wrapped, on: train, options: c.quant)
            try Retrainer.install(c, assignment: assignment, errorModel: nil, train: train, into: &wrapped)
            ApproxNetwork.set(&wrapped, compute: .approximate)
            let setup = Date().timeIntervalSince(start)
            let (e, cpu, phases) = timedEpoch(&wrapped, train, c)
            results.append(Result(method: m.rawValue, epochSeconds: e, cpuSeconds: cpu, setupSeconds: setup,
                                  samples: train.count, phaseSeconds: phases))
        }
        return results
    }

    /// User + system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var u = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &u)
        #else
        getrusage(RUSAGE_SELF, &u)
        #endif
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }
}
