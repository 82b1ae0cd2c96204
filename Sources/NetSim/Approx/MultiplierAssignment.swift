/// Which multiplier each approximated layer uses: a default for all layers, overridden per layer.
public struct MultiplierAssignment: Sendable {
    /// A named product table with its kernel plan (analysed once, where the table is made) and its
    /// power relative to the exact multiplier of the same width (nil when unknown).
    public struct Entry: Sendable {
        public var name: String
        public var plan: KernelPlan
        public var powerRel: Double?
        /// The sign-magnitude product table (the plan's).
        public var table: SignedProductTable { plan.table }

        public init(name: String, plan: KernelPlan, powerRel: Double? = nil) {
            self.name = name
            self.plan = plan
            self.powerRel = powerRel
        }

        /// An entry for `table`, analysing its kernel plan here.
        public init(name: String, table: SignedProductTable, powerRel: Double? = nil) {
            self.init(name: name, plan: KernelPlan.analyse(table), powerRel: powerRel)
        }
    }

    /// Used by every Dense/Conv2D layer without an override; nil means the exact multiplier.
    public var defaultEntry: Entry?
    /// Layer name → multiplier.
    public var perLayer: [String: Entry]

    public init(default entry: Entry?, perLayer: [String: Entry] = [:]) {
        defaultEntry = entry
        self.perLayer = perLayer
    }

    /// The multiplier of `layer` (nil = exact).
    public func entry(for layer: String) -> Entry? { perLayer[layer] ?? defaultEntry }

    /// A short label, e.g. "smapprox8x8-2222" or "smapprox8x8-2222 (+2 overrides)".
    public var label: String {
        let base = defaultEntry?.name ?? "exact"
        return perLayer.isEmpty ? base : "\(base) (+\(perLayer.count) per-layer)"
    }
}
