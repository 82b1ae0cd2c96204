import Records

/// Simulated multiplier error in training (Hammad & El-Sankary): every Dense and Conv2D weight
/// tensor W is used as W ⊙ Err in the forward and backward pass, with one fixed Err = 1 + δ per layer.
///
/// `install` wraps each simulated layer in a `WeightErrorLayer` (which computes with W ⊙ Err and
/// turns ∂L/∂W' into ∂L/∂W = ∂L/∂W' ⊙ Err); `remove` takes the wrappers off. The weights themselves
/// are never replaced.
public struct WeightErrorSimulator: Sendable {
    /// One layer's error matrix and where its weight lives in the network.
    public struct Entry: Sendable {
        public var node: Int
        public var layer: String
        public var err: [Float]
        /// Realised E|δ| and std(δ) of `err`.
        public var realised: ErrorSpec
    }

    public var spec: ErrorSpec
    public var entries: [Entry]

    /// One error matrix per Dense/Conv2D weight of `network`, drawn from `seed` in layer order.
    public init(network: Network, spec: ErrorSpec, seed: UInt64) {
        self.spec = spec
        var rng = SplitMix64(seed: seed ^ 0xE77_0E77)
        entries = network.nodes.indices.compactMap { i in
            let layer = network.nodes[i].layer
            guard Self.isSimulated(layer), let w = layer.parameters.first else { return nil }
            let err = Self.errorMatrix(count: w.value.count, spec: spec, rng: &rng)
            return Entry(node: i, layer: layer.name, err: err, realised: Self.measure(err))
        }
    }

    /// The layers the paper simulates: convolutional and dense ones (any layer with a weight).
    static func isSimulated(_ layer: any Layer) -> Bool { layer is any WeightedLayer }

    /// Err = 1 + δ with δ ~ N(μ, σ), then standardised and re-shifted so the realised std(δ) is
    /// exactly σ and the realised E|δ| equals the requested MRE (when reachable, see `GaussianError`).
    public static func errorMatrix(count: Int, spec: ErrorSpec, rng: inout SplitMix64) -> [Float] {
        guard count > 1, spec.sd > 0 else { return [Float](repeating: Float(1 + spec.mre), count: count) }
        var z = (0..<count).map { _ in Double(rng.nextNormal()) }
        let mean = z.reduce(0, +) / Double(count)
        let sd = (z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)).squareRoot()
        for i in z.indices { z[i] = (z[i] - mean) / max(sd, 1e-12) }
        let mu = realisedShift(z, sigma: spec.sd, mre: spec.mre)
        return z.map { Float(1 + mu + spec.sd * $0) }
    }

    /// The shift μ ≥ 0 with mean|μ + σ·z| = mre over this sample (bisection; μ = 0 if unreachable).
    static func realisedShift(_ z: [Double], sigma: Double, mre: Double) -> Double {
        func mae(_ mu: Double) -> Double { z.reduce(0) { $0 + abs(mu + sigma * $1) } / Double(z.count) }
        guard mae(0) < mre else { return 0 }
        var lo = 0.0, hi = mre   // mae(μ) ≥ |μ|, so mae(mre) ≥ mre
        for _ in 0..<50 {
            let mid = (lo + hi) / 2
            if mae(mid) < mre { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// Realised E|δ| and population std(δ) of an error matrix.
    public static func measure(_ err: [Float]) -> ErrorSpec {
        let n = Double(max(err.count, 1))
        let d = err.map { Double($0) - 1 }
        let mean = d.reduce(0, +) / n
        let mre = d.reduce(0) { $0 + abs($1) } / n
        let sd = (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        return ErrorSpec(mre: mre, sd: sd)
    }

    /// Wraps each simulated layer in a `WeightErrorLayer` with its Err (training-mode passes then
    /// compute with W ⊙ Err). Idempotent: an already wrapped layer keeps its wrapper.
    public func install(into network: inout Network) {
        for e in entries {
            guard let inner = network.nodes[e.node].layer as? any WeightedLayer else { continue }
            network.nodes[e.node].layer = WeightErrorLayer(inner, err: e.err)
        }
    }

    /// Takes the `WeightErrorLayer` wrappers off again.
    public func remove(from network: inout Network) {
        for e in entries {
            if let w = network.nodes[e.node].layer as? WeightErrorLayer { network.nodes[e.node].layer = w.inner }
        }
    }
}
