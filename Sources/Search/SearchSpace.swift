import NetSim

/// The per-layer assignment space: the approximated layers (with their MACs per sample), the library
/// of designs (with power relative to exact) and the hard limit on distinct multipliers.
public struct SearchSpace: Sendable, Codable, Equatable {
    public struct Layer: Sendable, Codable, Equatable {
        public var name: String
        public var macs: Int
        public init(name: String, macs: Int) { (self.name, self.macs) = (name, macs) }
    }

    public struct Design: Sendable, Codable, Equatable {
        public var name: String
        public var powerRel: Double
        public init(name: String, powerRel: Double) { (self.name, self.powerRel) = (name, powerRel) }
    }

    public var layers: [Layer]
    public var designs: [Design]
    /// At most this many distinct multipliers in one assignment (ALWANN's hardware constraint); nil = no limit.
    public var maxDistinct: Int?

    public init(layers: [Layer], designs: [Design], maxDistinct: Int? = nil) {
        (self.layers, self.designs, self.maxDistinct) = (layers, designs, maxDistinct)
    }

    /// Gene alphabet for NSGA-II: every layer chooses among all designs.
    public var alphabet: [Int] { layers.map { _ in designs.count } }

    /// The multiplier energy of `genome` relative to exact: NetSim's `EnergyEstimate`.
    public func energy(_ genome: Genome) -> Double {
        let estimate = EnergyEstimate(layers: zip(layers, genome).map { l, d in
            EnergyEstimate.Layer(name: l.name, macs: l.macs, multiplier: designs[d].name, power: designs[d].powerRel)
        }, exactPower: 1)
        return estimate.relative ?? .nan
    }

    /// Design names of `genome`, layer by layer.
    public func names(_ genome: Genome) -> [String] { genome.map { designs[$0].name } }

    /// The genome of design names (nil when a name is not in the library or the count is wrong).
    public func genome(_ names: [String]) -> Genome? {
        guard names.count == layers.count else { return nil }
        let index = Dictionary(designs.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let g = names.compactMap { index[$0] }
        return g.count == names.count ? g : nil
    }

    /// Number of distinct multipliers in `genome`.
    public static func distinct(_ genome: Genome) -> Int { Set(genome).count }

    /// `genome` within `maxDistinct`: the k designs used by most MACs are kept (ties: lower index), and
    /// every other layer moves to the kept design nearest in power (ties: lower index).
    public func repair(_ genome: Genome) -> Genome {
        guard let k = maxDistinct, Self.distinct(genome) > k else { return genome }
        var weight: [Int: Int] = [:]
        for (l, d) in zip(layers, genome) { weight[d, default: 0] += max(1, l.macs) }
        let kept = weight.keys.sorted { (weight[$0, default: 0], -$0) > (weight[$1, default: 0], -$1) }.prefix(max(1, k))
        return genome.map { d in
            let gap = { (e: Int) in abs(designs[e].powerRel - designs[d].powerRel) }
            return kept.contains(d) ? d : kept.min { (gap($0), $0) < (gap($1), $1) } ?? d
        }
    }

    /// Every layer on design `d`.
    public func uniform(_ d: Int) -> Genome { layers.map { _ in d } }
}
