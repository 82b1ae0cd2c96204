/// The quantisation state a checkpoint stores so that every command evaluates a retrained model
/// with the activation steps it was retrained with, instead of recalibrating on the new weights.
public struct QuantisationRecord: Sendable, Equatable {
    /// The settings the Δx were calibrated with.
    public var spec: QuantSpec
    /// Δx of each approximated layer's input, by layer name.
    public var inputDeltas: [String: Float]

    public init(options: ApproxNetwork.QuantOptions, inputDeltas: [String: Float]) {
        (spec, self.inputDeltas) = (options.spec, inputDeltas)
    }

    public var calibration: Calibrator.Method { spec.calibration }
    public var calibrationBatches: Int { spec.calibrationBatches }
    public var batchSize: Int { spec.batchSize }
    public var perChannelWeights: Bool { spec.perChannelWeights }
    public var foldBatchNorm: Bool { spec.foldBatchNorm }

    /// The options that reproduce the settings (the kernel path stays the default).
    public var options: ApproxNetwork.QuantOptions { ApproxNetwork.QuantOptions(spec) }
}

extension Calibrator.Method {
    /// The percentile of `percentile` given without a value.
    public static let defaultPercentile = 99.99

    /// Parses `max-abs` (or `maxabs`), `percentile` (P = 99.99) or `percentile:P` with 0 < P ≤ 100
    /// (the `--calibration` syntax).
    public init?(text: String) {
        if text == "maxabs" || text == "max-abs" {
            self = .maxAbs
        } else if text == "percentile" {
            self = .percentile(Self.defaultPercentile)
        } else if text.hasPrefix("percentile:"), let p = Double(text.dropFirst(11)), p > 0, p <= 100 {
            self = .percentile(p)
        } else {
            return nil
        }
    }

    /// `maxabs` or `percentile:P`.
    public var text: String {
        switch self {
        case .maxAbs: return "maxabs"
        case .percentile(let p): return "percentile:\(p)"
        }
    }
}

extension ApproxNetwork {
    /// Δx of every approximate layer (bare or inside a training model), by layer name.
    public static func inputDeltas(_ net: Network) -> [String: Float] {
        var out: [String: Float] = [:]
        for node in net.nodes { if let a = approxLayer(node.layer) { out[a.name] = a.inputDelta } }
        return out
    }

    /// Sets every wrapped layer's Δx from `deltas`; throws naming the first layer without one.
    public static func setInputDeltas(_ net: inout Network, _ deltas: [String: Float]) throws(ApproxError) {
        for name in layerNames(net) where deltas[name] == nil {
            throw .invalidArgument(what: "stored activation steps", value: name,
                                   rule: "every approximated layer needs a Δx; this layer has none (recalibrate instead)")
        }
        forEachLayer(&net) { $0.inputDelta = deltas[$0.name] ?? $0.inputDelta }
    }

    /// Wraps `net` with the record's settings and Δx (no calibration pass).
    public static func wrap(_ net: Network, _ assignment: MultiplierAssignment,
                            record: QuantisationRecord) throws(ApproxError) -> Network {
        var out = wrap(net, assignment, options: record.options)
        try setInputDeltas(&out, record.inputDeltas)
        return out
    }

    /// The record of a wrapped, calibrated network under `options`.
    public static func record(_ net: Network, options: QuantOptions) -> QuantisationRecord {
        QuantisationRecord(options: options, inputDeltas: inputDeltas(net))
    }
}
