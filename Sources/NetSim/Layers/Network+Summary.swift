/// One row of a network summary: what a layer is, its output shape, size and cost.
public struct LayerSummary: Sendable, Codable, Equatable {
    public var name: String
    public var kind: String
    /// Per-sample output shape.
    public var outputShape: [Int]
    public var parameters: Int
    /// Multiply-accumulates per sample.
    public var macs: Int

    enum CodingKeys: String, CodingKey { case name, kind, outputShape = "output_shape", parameters, macs }
}

public extension Network {
    /// Per-layer names, kinds, shapes, parameter and MAC counts, in node order.
    func summary() throws -> [LayerSummary] {
        var shapes: [[Int]] = []
        var rows: [LayerSummary] = []
        for (i, node) in nodes.enumerated() {
            let input = node.inputs[0] < 0 ? inputShape : shapes[node.inputs[0]]
            let out = try outputShape(ofNode: i, after: shapes)
            shapes.append(out)
            rows.append(LayerSummary(name: node.layer.name, kind: node.layer.kind, outputShape: out,
                                     parameters: node.layer.parameters.reduce(0) { $0 + $1.value.count },
                                     macs: node.layer.macs(for: input)))
        }
        return rows
    }

    /// Total multiply-accumulates per sample of one forward pass.
    func macsPerSample() throws -> Int { try summary().reduce(0) { $0 + $1.macs } }
}
