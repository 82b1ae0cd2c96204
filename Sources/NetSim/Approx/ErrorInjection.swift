/// The seed paper's error model applied during retraining (eqs. 12 and 15).
///
/// Ỹ = Y + Ξ with Ξ = σ_ε (ρ S1 + S2 √(1−ρ²)) + μ_ε, S1 = (Y − μ_y)/σ_y and S2 ~ N(0, 1).
/// The gradient flows through S1 only: ∂Ỹ/∂Y = 1 + σ_ε ρ / σ_y. Where σ_y = 0, S1 and its
/// gradient are 0 (the neuron never varied during modelling).
public enum ErrorInjection {
    /// Per-neuron gains precomputed from the statistics (cheap to reuse every step).
    public struct Coefficients: Sendable, Equatable {
        /// σ_ε ρ / σ_y (0 where σ_y = 0): multiplies (Y − μ_y), and is the extra gradient.
        public var a1: [Float]
        /// σ_ε √(1 − ρ²): multiplies S2.
        public var a2: [Float]
        /// −a1·μ_y + μ_ε: the constant part of Ξ.
        public var offset: [Float]

        /// Coefficients of eq. (12) for each neuron.
        public init(_ s: NeuronErrorStats) {
            let n = s.neurons
            a1 = [Float](repeating: 0, count: n); a2 = a1; offset = a1
            for j in 0..<n {
                let rho = min(max(s.rho[j], -1), 1)
                a1[j] = s.sigmaY[j] > 0 ? s.sigmaE[j] * rho / s.sigmaY[j] : 0
                a2[j] = s.sigmaE[j] * (1 - rho * rho).squareRoot()
                offset[j] = s.muE[j] - a1[j] * s.muY[j]
            }
        }
    }

    /// Ξ for a [batch, neurons] output Y; S2 is `FastNormal`'s normals of one seed taken from `rng`
    /// (element i of Y gets normal i).
    public static func xi(_ y: [Float], _ c: Coefficients, rng: inout SplitMix64, allowAVX2: Bool = true) -> [Float] {
        var out = [Float](repeating: 0, count: y.count)
        run(y, c, seed: rng.next(), accumulate: false, into: &out, allowAVX2: allowAVX2)
        return out
    }

    /// Forward: Ỹ = Y + Ξ, in place, in one fused pass (same draws as `xi` from the same `rng`).
    public static func apply(_ y: inout [Float], _ c: Coefficients, rng: inout SplitMix64, allowAVX2: Bool = true) {
        let seed = rng.next(), n = c.a1.count
        precondition(n > 0 && y.count % n == 0, "ErrorInjection: \(y.count) values for \(n) neurons")
        y.withUnsafeMutableBufferPointer { p in
            guard let base = p.baseAddress else { return }
            FastNormal.fusedXi(UnsafePointer(base), rows: p.count / n, n: n, c, seed: seed, accumulate: true, out: base,
                               allowAVX2: allowAVX2)
        }
    }

    private static func run(_ y: [Float], _ c: Coefficients, seed: UInt64, accumulate: Bool, into out: inout [Float],
                            allowAVX2: Bool) {
        let n = c.a1.count
        precondition(n > 0 && y.count % n == 0 && out.count == y.count, "ErrorInjection: \(y.count) values for \(n) neurons")
        y.withUnsafeBufferPointer { yp in
            out.withUnsafeMutableBufferPointer { op in
                guard let ys = yp.baseAddress, let os = op.baseAddress else { return }
                FastNormal.fusedXi(ys, rows: yp.count / n, n: n, c, seed: seed, accumulate: accumulate, out: os, allowAVX2: allowAVX2)
            }
        }
    }

    /// Backward: ∂C/∂Y = ∂C/∂Ỹ · (1 + σ_ε ρ / σ_y), in place (eq. 14–15).
    public static func backward(_ grad: inout [Float], _ c: Coefficients) {
        let n = c.a1.count
        grad.withUnsafeMutableBufferPointer { g in
            c.a1.withUnsafeBufferPointer { a in
                for r in 0..<(g.count / max(n, 1)) {
                    let row = r * n
                    for j in 0..<n { g[row + j] *= 1 + a[j] }
                }
            }
        }
    }
}
