/// The graph rule both directions share: every tensor name is written once. The graph inputs and
/// initialisers are written before the first node; a node output that names any of them, or the
/// output of an earlier node (or of the node itself, as one of its own inputs), is refused, naming the
/// node, the tensor and its first writer. The importer checks every model it reads (a second writer
/// would silently redirect later readers); the exporter checks every model it writes (a layer named
/// like the graph input or output, or two layers with one name, would write a name twice).
enum ONNXGraphCheck {
    /// Throws `ONNXError.invalidGraph` for the first node output that is already written. Linear in the
    /// number of names.
    static func singleWriter(_ graph: Onnx_GraphProto, file: String) throws {
        var writer: [String: String] = [:]
        for i in graph.input where !i.name.isEmpty { writer[i.name] = "the graph input" }
        for t in graph.initializer where !t.name.isEmpty { writer[t.name] = writer[t.name] ?? "an initialiser" }
        for (k, node) in graph.node.enumerated() {
            let name = ONNXImporter.nodeName(node, k)
            for output in node.output where !output.isEmpty {
                if let first = writer[output] {
                    let own = node.input.contains(output) ? ", which is also its own input" : ""
                    throw ONNXError.invalidGraph(file: file, reason: "node '\(name)' (\(node.opType)) writes '\(output)'\(own), already written by \(first); every tensor must be written once")
                }
                writer[output] = "node '\(name)'"
            }
        }
    }
}
