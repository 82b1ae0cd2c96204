/// Energy of a network's multiplications relative to the exact 8-bit multiplier:
/// Σ_l MACs_l · P(mult_l) / Σ_l MACs_l · P(exact), with P the power per operation from each
/// multiplier's characterisation, relative to the exact multiplier (so P(exact) = 1).
public struct EnergyEstimate: Sendable, Codable, Equatable {
    /// One approximated layer's share.
    public struct Layer: Sendable, Codable, Equatable {
        public var name: String
        public var macs: Int
        public var multiplier: String
        /// Power per operation (e.g. mW at the characterisation's clock), nil when unknown.
        public var power: Double?

        public init(name: String, macs: Int, multiplier: String, power: Double?) {
            (self.name, self.macs, self.multiplier, self.power) = (name, macs, multiplier, power)
        }
    }

    public var layers: [Layer]
    /// Power per operation of the exact 8-bit multiplier (1: layer powers are relative).
    public var exactPower: Double?

    /// The relative energy, or nil when any power figure is missing or the exact power is not positive.
    public var relative: Double? {
        guard let pe = exactPower, pe > 0 else { return nil }
        var num = 0.0, den = 0.0
        for l in layers {
            guard let p = l.power else { return nil }
            num += Double(l.macs) * p
            den += Double(l.macs) * pe
        }
        return den > 0 ? num / den : nil
    }

    public init(layers: [Layer], exactPower: Double?) {
        (self.layers, self.exactPower) = (layers, exactPower)
    }

    /// Per-layer MACs of a wrapped network, each with its multiplier's relative power (`Entry.powerRel`);
    /// layers without a multiplier use the exact one, power 1.
    public init(network: Network, assignment: MultiplierAssignment) {
        layers = ApproxNetwork.macs(network).map { l in
            let e = assignment.entry(for: l.name)
            return Layer(name: l.name, macs: l.macs, multiplier: e?.name ?? "exact", power: e == nil ? 1 : e?.powerRel)
        }
        exactPower = 1
    }

    /// Total MACs per sample.
    public var totalMACs: Int { layers.reduce(0) { $0 + $1.macs } }
}
