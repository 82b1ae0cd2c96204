/// Float, exact 8-bit and approximate (behavioural) accuracy of one network and multiplier, with
/// the energy estimate; the `axmul evaluate --json` object.
public struct ApproxAccuracy: Sendable, Codable, Equatable {
    public var floatAccuracy: Double
    public var exact8Accuracy: Double
    public var approxAccuracy: Double
    /// Multiplier energy relative to the exact 8-bit multiplier; nil (JSON null) when unknown.
    public var energyRel: Double?

    enum CodingKeys: String, CodingKey {
        case floatAccuracy = "float_accuracy", exact8Accuracy = "exact8_accuracy", approxAccuracy = "approx_accuracy"
        case energyRel = "energy_rel"
    }

    public init(floatAccuracy: Double, exact8Accuracy: Double, approxAccuracy: Double, energyRel: Double?) {
        (self.floatAccuracy, self.exact8Accuracy, self.approxAccuracy) = (floatAccuracy, exact8Accuracy, approxAccuracy)
        self.energyRel = energyRel
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(floatAccuracy, forKey: .floatAccuracy)
        try c.encode(exact8Accuracy, forKey: .exact8Accuracy)
        try c.encode(approxAccuracy, forKey: .approxAccuracy)
        try c.encode(energyRel, forKey: .energyRel)   // explicit null when unknown
    }
}

public enum ApproxEvaluation {
    /// Images per inference batch.
    public static let batchSize = 256

    /// Accuracy of a wrapped network with every layer computing `compute`, in eval mode.
    public static func accuracy(_ net: Network, on data: LabeledData, compute: ApproxCompute,
                                batchSize: Int = ApproxEvaluation.batchSize) -> Double {
        var n = net
        ApproxNetwork.set(&n, compute: compute)
        return Trainer.evaluate(n, on: data, batchSize: batchSize).accuracy
    }

    /// Wraps and calibrates `float` on `calibration` (the training set), then measures all three
    /// accuracies on `test`; the energy uses each entry's `powerRel`.
    public static func evaluate(_ float: Network, assignment: MultiplierAssignment, calibration: LabeledData,
                                test: LabeledData, options: ApproxNetwork.QuantOptions = .init())
        -> (accuracy: ApproxAccuracy, energy: EnergyEstimate, network: Network) {
        var net = ApproxNetwork.wrap(float, assignment, options: options)
        ApproxNetwork.calibrate(&net, on: calibration, options: options)
        return measure(net, assignment: assignment, test: test)
    }

    /// Wraps `float` with a retrained checkpoint's stored quantisation (its settings and Δx, no
    /// calibration pass), then measures as `evaluate` does.
    public static func evaluate(_ float: Network, assignment: MultiplierAssignment, stored record: QuantisationRecord,
                                test: LabeledData) throws(ApproxError)
        -> (accuracy: ApproxAccuracy, energy: EnergyEstimate, network: Network) {
        measure(try ApproxNetwork.wrap(float, assignment, record: record), assignment: assignment, test: test)
    }

    /// The three accuracies of a wrapped, quantised network on `test`, and its energy.
    static func measure(_ net: Network, assignment: MultiplierAssignment, test: LabeledData)
        -> (accuracy: ApproxAccuracy, energy: EnergyEstimate, network: Network) {
        let energy = EnergyEstimate(network: net, assignment: assignment)
        let acc = ApproxAccuracy(floatAccuracy: accuracy(net, on: test, compute: .float),
                                 exact8Accuracy: accuracy(net, on: test, compute: .exact),
                                 approxAccuracy: accuracy(net, on: test, compute: .approximate),
                                 energyRel: energy.relative)
        return (acc, energy, net)
    }
}
