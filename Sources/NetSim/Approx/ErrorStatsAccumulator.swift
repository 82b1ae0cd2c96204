/// Streaming per-neuron moments of the exact output y and the error ε = approximate − exact.
///
/// Welford updates with a co-moment, in Double, one sample at a time in a fixed order, so the
/// result is deterministic and stable for large p (eqs. 5 and 8 of the seed paper).
public struct ErrorStatsAccumulator: Sendable, Equatable {
    /// Neurons per sample (H·W·C for conv layers, features for dense ones).
    public let neurons: Int
    /// Samples seen so far.
    public private(set) var count = 0
    private var meanY: [Double], meanE: [Double]
    private var m2Y: [Double], m2E: [Double], cYE: [Double]

    /// An empty accumulator for `neurons` outputs.
    public init(neurons: Int) {
        self.neurons = neurons
        meanY = [Double](repeating: 0, count: neurons)
        meanE = meanY; m2Y = meanY; m2E = meanY; cYE = meanY
    }

    /// Adds a batch: `exact` and `approx` are [batch, neurons] row-major, same layout.
    public mutating func add(exact: [Float], approx: [Float]) {
        precondition(exact.count == approx.count && exact.count % max(neurons, 1) == 0,
                     "ErrorStatsAccumulator: \(exact.count)/\(approx.count) values for \(neurons) neurons")
        let batch = neurons == 0 ? 0 : exact.count / neurons
        for b in 0..<batch {
            count += 1
            let n = Double(count), base = b * neurons
            for j in 0..<neurons {
                let y = Double(exact[base + j]), e = Double(approx[base + j]) - y
                let dy = y - meanY[j], de = e - meanE[j]
                meanY[j] += dy / n
                meanE[j] += de / n
                m2Y[j] += dy * (y - meanY[j])
                m2E[j] += de * (e - meanE[j])
                cYE[j] += dy * (e - meanE[j])
            }
        }
    }

    /// The population statistics (divide by p). ρ is 0 where σ_y or σ_ε is 0 (guard for eq. 5).
    public func finish() -> NeuronErrorStats {
        let n = Double(max(count, 1))
        var s = NeuronErrorStats(neurons: neurons, samples: count)
        for j in 0..<neurons {
            let sy = (max(m2Y[j], 0) / n).squareRoot(), se = (max(m2E[j], 0) / n).squareRoot()
            s.muY[j] = Float(meanY[j]); s.sigmaY[j] = Float(sy)
            s.muE[j] = Float(meanE[j]); s.sigmaE[j] = Float(se)
            let r = sy > 0 && se > 0 ? cYE[j] / n / (sy * se) : 0
            s.rho[j] = Float(min(max(r, -1), 1))
        }
        return s
    }
}

/// The neuron-wise error model of one layer: μ_y, σ_y, μ_ε, σ_ε and ρ_{y,ε} per output neuron.
public struct NeuronErrorStats: Sendable, Equatable, Codable {
    /// Number of samples p the statistics were measured on.
    public var samples: Int
    public var muY: [Float], sigmaY: [Float]
    public var muE: [Float], sigmaE: [Float]
    public var rho: [Float]

    /// Zero statistics for `neurons` outputs.
    public init(neurons: Int, samples: Int = 0) {
        self.samples = samples
        muY = [Float](repeating: 0, count: neurons)
        sigmaY = muY; muE = muY; sigmaE = muY; rho = muY
    }

    /// Neurons per sample.
    public var neurons: Int { muY.count }
}
