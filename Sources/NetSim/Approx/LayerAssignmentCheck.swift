/// Refuses `--layer-multiplier` overrides for layers the network does not have, so a misspelt or
/// missing layer is never ignored while the label claims "+1 per-layer".
public enum LayerAssignmentCheck {
    /// The names of the layers that multiply (those holding a `weight` parameter: Dense, Conv2D).
    public static func multiplyingLayers(of network: Network) -> [String] {
        network.namedParameters.compactMap { p in
            p.name.hasSuffix(".weight") ? String(p.name.dropLast(".weight".count)) : nil
        }
    }

    /// Throws naming the first override whose layer is not among `layers`, and the layers there are.
    public static func check(overrides: some Collection<String>, layers: [String], model: String) throws {
        let known = Set(layers)
        for name in overrides.sorted() where !known.contains(name) {
            throw ModelError.invalidArgument(
                what: "--layer-multiplier", value: name,
                rule: "model \(model) has no multiplying layer '\(name)'; its layers are \(layers.joined(separator: ", "))")
        }
    }
}
