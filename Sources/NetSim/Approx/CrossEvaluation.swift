import Records

/// `CrossEvaluation.run`: the seed paper's Table 7 measured (the record is in Records).
extension CrossEvaluation {
    /// Evaluates each model on `test` with each multiplier: with the Δx and settings of its stored
    /// record (`records[name]`, a retrained checkpoint's), else calibrated on `calibration`.
    public static func run(models: [(name: String, network: Network)], multipliers: [MultiplierAssignment.Entry],
                           calibration: LabeledData, test: LabeledData, options: ApproxNetwork.QuantOptions = .init(),
                           records: [String: QuantisationRecord] = [:]) throws(ApproxError) -> CrossEvaluation {
        var exact8: [Double] = [], rows: [[Double]] = []
        for m in models {
            var net: Network
            var options = options
            if let record = records[m.name] {
                net = try ApproxNetwork.wrap(m.network, MultiplierAssignment(default: nil), record: record)
                options = record.options
            } else {
                net = ApproxNetwork.wrap(m.network, MultiplierAssignment(default: nil), options: options)
                ApproxNetwork.calibrate(&net, on: calibration, options: options)
            }
            exact8.append(ApproxEvaluation.accuracy(net, on: test, compute: .exact))
            rows.append(multipliers.map { entry in
                let swapped = ApproxNetwork.wrap(net, MultiplierAssignment(default: entry), options: options)
                return ApproxEvaluation.accuracy(swapped, on: test, compute: .approximate)
            })
        }
        return CrossEvaluation(models: models.map(\.name), multipliers: multipliers.map(\.name), exact8: exact8, accuracy: rows)
    }
}
