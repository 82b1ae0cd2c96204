/// Which multiplier each approximated layer uses: a default for all layers, overridden per layer.
public struct MultiplierAssignment: Sendable {
    /// A named product table.
    public struct Entry: Sendable {
        public var name: String
        public var table: SignedProductTable
        public init(name: String, table: SignedProductTable) {
            self.name = name
            self.table = table
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
