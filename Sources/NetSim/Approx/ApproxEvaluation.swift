import Records
import TableFormat

public enum ApproxEvaluation {
    /// Images per inference batch.
    public static let batchSize = 256

    /// Accuracy of a wrapped network with every layer computing `compute`, in eval mode.
    public static func accuracy(_ net: Network, on data: LabeledData, compute: ApproxCompute,
                                batchSize: Int = ApproxEvaluation.batchSize, progress: ProgressSink = .silent) -> Double {
        var n = net
        ApproxNetwork.set(&n, compute: compute)
        return Trainer.evaluate(n, on: data, batchSize: batchSize, progress: progress).accuracy
    }

    /// Wraps and calibrates `float` on `calibration` (the training set), then measures all three
    /// accuracies on `test`; the energy uses each entry's `powerRel`.
    public static func evaluate(_ float: Network, assignment: MultiplierAssignment, calibration: LabeledData,
                                test: LabeledData, options: ApproxNetwork.QuantOptions = .init(), progress: ProgressSink = .silent)
        -> (accuracy: ApproxAccuracy, energy: EnergyEstimate, network: Network) {
        var net = ApproxNetwork.wrap(float, assignment, options: options)
        ApproxNetwork.calibrate(&net, on: calibration, options: options)
        return measure(net, assignment: assignment, test: test, progress: progress)
    }

    /// Wraps `float` with a retrained checkpoint's stored quantisation (its settings and Δx, no
    /// calibration pass), then measures as `evaluate` does.
    public static func evaluate(_ float: Network, assignment: MultiplierAssignment, stored record: QuantisationRecord,
                                test: LabeledData, progress: ProgressSink = .silent) throws(ApproxError)
        -> (accuracy: ApproxAccuracy, energy: EnergyEstimate, network: Network) {
        measure(try ApproxNetwork.wrap(float, assignment, record: record), assignment: assignment, test: test, progress: progress)
    }

    /// The three accuracies of a wrapped, quantised network on `test`, and its energy.
    static func measure(_ net: Network, assignment: MultiplierAssignment, test: LabeledData, progress: ProgressSink)
        -> (accuracy: ApproxAccuracy, energy: EnergyEstimate, network: Network) {
        let energy = EnergyEstimate(network: net, assignment: assignment)
        let acc = ApproxAccuracy(floatAccuracy: accuracy(net, on: test, compute: .float, progress: progress),
                                 exact8Accuracy: accuracy(net, on: test, compute: .exact, progress: progress),
                                 approxAccuracy: accuracy(net, on: test, compute: .approximate, progress: progress),
                                 energyRel: energy.relative, energyModel: energy.relative == nil ? nil : TableCost.model)
        return (acc, energy, net)
    }
}
