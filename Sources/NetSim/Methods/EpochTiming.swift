import Foundation

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

        enum CodingKeys: String, CodingKey {
            case method, epochSeconds = "epoch_seconds", cpuSeconds = "cpu_seconds", setupSeconds = "setup_seconds", samples
        }
    }

    /// Times one epoch of float training and one of each `methods` on `train`.
    public static func measure(_ float: Network, train: LabeledData, assignment: MultiplierAssignment,
                               methods: [RetrainMethod], config: RetrainConfig) throws(ApproxError) -> [Result] {
        var results: [Result] = []
        var net = float
        var opt = Optimizer(kind: .sgd, momentum: config.momentum)
        var rng = SplitMix64(seed: config.seed)
        let c0 = cpuSeconds()
        let (s, _) = Retrainer.runEpoch(&net, &opt, &rng, train, config)
        results.append(Result(method: "float", epochSeconds: s, cpuSeconds: cpuSeconds() - c0, setupSeconds: 0,
                              samples: train.count))
        for m in methods {
            var c = config
            c.method = m
            let start = Date()
            var wrapped = ApproxNetwork.wrap(float, assignment, options: c.quant)
            ApproxNetwork.calibrate(&wrapped, on: train, options: c.quant)
            try Retrainer.install(c, assignment: assignment, errorModel: nil, train: train, into: &wrapped)
            ApproxNetwork.set(&wrapped, compute: .approximate)
            let setup = Date().timeIntervalSince(start)
            var o = Optimizer(kind: .sgd, momentum: c.momentum)
            var r = SplitMix64(seed: c.seed)
            let c1 = cpuSeconds()
            let (e, _) = Retrainer.runEpoch(&wrapped, &o, &r, train, c)
            results.append(Result(method: m.rawValue, epochSeconds: e, cpuSeconds: cpuSeconds() - c1, setupSeconds: setup,
                                  samples: train.count))
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
