import NetSim

/// Behavioural accuracy of per-layer assignments on one data subset. The network is wrapped and
/// calibrated once (calibration uses float forwards, so it does not depend on the multipliers); each
/// candidate re-wraps it with its assignment and keeps the calibrated steps.
public struct CandidateEvaluator: Sendable {
    public var network: Network
    public var entries: [MultiplierAssignment.Entry]
    public var data: LabeledData
    public var options: ApproxNetwork.QuantOptions

    /// Wraps `float`, calibrates it on `calibration` and evaluates on `data` with the library `entries`.
    public init(float: Network, entries: [MultiplierAssignment.Entry], calibration: LabeledData, data: LabeledData,
                options: ApproxNetwork.QuantOptions = .init()) {
        var net = ApproxNetwork.wrap(float, MultiplierAssignment(default: nil), options: options)
        ApproxNetwork.calibrate(&net, on: calibration, options: options)
        (network, self.entries, self.data, self.options) = (net, entries, data, options)
    }

    /// The wrapped layers' names and MACs per sample, in network order.
    public var layers: [SearchSpace.Layer] {
        ApproxNetwork.macs(network).map { SearchSpace.Layer(name: $0.name, macs: $0.macs) }
    }

    /// The assignment of `genome` (design index per wrapped layer).
    public func assignment(_ genome: Genome) -> MultiplierAssignment {
        let names = ApproxNetwork.layerNames(network)
        precondition(names.count == genome.count, "a genome has one gene per approximated layer")
        return MultiplierAssignment(default: nil, perLayer: Dictionary(uniqueKeysWithValues: zip(names, genome.map { entries[$0] })))
    }

    /// Approximate (behavioural) accuracy of `genome`.
    public func accuracy(_ genome: Genome) -> Double {
        ApproxEvaluation.accuracy(wrapped(genome), on: data, compute: .approximate)
    }

    /// The network wrapped with `genome`'s multipliers, calibrated steps kept.
    public func wrapped(_ genome: Genome) -> Network {
        ApproxNetwork.wrap(network, assignment(genome), options: options)
    }

    /// Accuracy with the exact 8-bit multiplier in every layer (the reference for the accuracy loss).
    public var exactAccuracy: Double { ApproxEvaluation.accuracy(network, on: data, compute: .exact) }
}
