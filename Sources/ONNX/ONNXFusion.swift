/// Pattern fusion: subgraphs of elementary ops that together compute one NetSim layer, as torch's classic
/// exporter writes the ops ONNX had no node for before opset 17/20 (ConvNeXt's LayerNorm and GELU). Before the
/// builder converts anything, `find` matches each pattern by op type and wiring only; the builder then checks the
/// constants, axes and attributes of each match (`ONNXGraphBuilder.convertFused`), where constant folding has
/// made them known, and converts the match as the one ONNX op it decomposes (`LayerNormalization`, `Gelu`), so
/// each layer has one converter. A match whose values are wrong is refused naming the node that holds them.
///
/// A pattern is an expression over node outputs: its root computes the fused op's output, its interior nodes
/// must have no reader outside the match (and none may be the graph output), and `.input` is the one computed
/// value the fused op reads. Add and Mul match their operands in either order.
enum ONNXFusion {
    indirect enum Pattern {
        /// The fused op's input: a value computed from the graph input; every occurrence is the same tensor.
        case input
        /// A constant operand (not computed from the graph input), kept under its role with the node reading it.
        case constant(String)
        /// A constant operand or an absent input (ReduceMean's `axes` input from opset 18).
        case optionalConstant(String)
        /// A node of the op type whose inputs match the operands; its output is kept under the role.
        case node(String, role: String, [Pattern])
        /// The output of the node already matched under the role (the centred value LayerNorm reads twice).
        case same(String)
        /// The first alternative that matches.
        case either([Pattern])
    }

    enum Kind: Equatable { case gelu, layerNorm }

    struct Match {
        var kind: Kind
        /// The node whose output is the fused op's output.
        var root = 0
        /// The computed value the fused op reads.
        var input: String?
        /// role → node index.
        var nodes: [String: Int] = [:]
        /// role → output tensor of that node.
        var tensors: [String: String] = [:]
        /// role → the constant tensor (nil when absent) and the node that reads it.
        var constants: [String: (tensor: String?, reader: Int)] = [:]
    }

    /// GELU's erf form, x · ½ · (1 + erf(x / √2)) (x / √2 also as x · (1/√2)), with ½ applied last, first, or to
    /// the (1 + erf) factor. Checked by `convertFused`: the constants √2 (or 1/√2), 1 and 0.5, as scalars.
    /// (Built on each use, not stored: a stored value of an indirect enum keeps its boxes behind tagged pointers,
    /// which LeakSanitizer cannot see, so the fuzz build would report them as leaks.)
    static var gelu: [Pattern] {
        let scaled = Pattern.either([.node("Div", role: "scale", [.input, .constant("sqrt2")]),
                                     .node("Mul", role: "scale", [.input, .constant("inverse_sqrt2")])])
        let onePlusErf = Pattern.node("Add", role: "add_one", [.node("Erf", role: "erf", [scaled]), .constant("one")])
        return [.node("Mul", role: "product", [.node("Mul", role: "partial", [.input, onePlusErf]), .constant("half")]),
                .node("Mul", role: "product", [.node("Mul", role: "partial", [.input, .constant("half")]), onePlusErf]),
                .node("Mul", role: "product", [.input, .node("Mul", role: "partial", [onePlusErf, .constant("half")])])]
    }

    /// LayerNorm over the last axis: (x − mean(x)) / √(mean((x − mean(x))^2) + ε), then optionally · γ and + β.
    /// Checked by `convertFused`: both ReduceMeans over the last axis only with keepdims 1, the exponent 2, ε a
    /// positive scalar, γ and β constants along the last axis (or scalars).
    static var layerNorm: [Pattern] {
        let mean = Pattern.node("ReduceMean", role: "mean", [.input, .optionalConstant("mean_axes")])
        let centred = Pattern.node("Sub", role: "centred", [.input, mean])
        let square = Pattern.node("Pow", role: "square", [.same("centred"), .constant("exponent")])
        let variance = Pattern.node("ReduceMean", role: "variance", [square, .optionalConstant("variance_axes")])
        let std = Pattern.node("Sqrt", role: "std", [.node("Add", role: "add_epsilon", [variance, .constant("epsilon")])])
        let normalised = Pattern.node("Div", role: "normalise", [centred, std])
        let scaled = Pattern.node("Mul", role: "scale", [normalised, .constant("gamma")])
        return [.node("Add", role: "shift", [scaled, .constant("beta")]), scaled,
                .node("Add", role: "shift", [normalised, .constant("beta")]), normalised]
    }

    static var patterns: [(Kind, [Pattern])] { [(.layerNorm, layerNorm), (.gelu, gelu)] }

    /// The matches in `graph`, none sharing a node. Roots are tried from the last node back, the largest
    /// pattern first, so a match takes the whole decomposition (γ and β included) before a part of it.
    static func find(_ graph: Onnx_GraphProto) -> [Match] {
        let nodes = graph.node
        var producer: [String: Int] = [:], readers: [String: Set<Int>] = [:]
        let initialisers = Set(graph.initializer.map(\.name))
        var computed = Set(graph.input.map(\.name).filter { !initialisers.contains($0) })
        for (i, node) in nodes.enumerated() {
            for o in node.output where !o.isEmpty { producer[o] = i }
            for t in node.input where !t.isEmpty { readers[t, default: []].insert(i) }
            let isDefault = node.domain.isEmpty || node.domain == "ai.onnx"
            if !(isDefault && (node.opType == "Shape" || node.opType == "Size")), node.input.contains(where: computed.contains) {
                computed.formUnion(node.output.filter { !$0.isEmpty })
            }
        }
        let context = Context(nodes: nodes, producer: producer, computed: computed)
        let outputs = Set(graph.output.map(\.name))
        var claimed = Set<Int>(), found: [Match] = []
        let patterns = Self.patterns
        for root in nodes.indices.reversed() where !claimed.contains(root) {
            guard let out = nodes[root].output.first, !out.isEmpty else { continue }
            search: for (kind, alternatives) in patterns {
                for pattern in alternatives {
                    for m in context.matches(pattern, out, Match(kind: kind)) {
                        let members = Set(m.nodes.values)
                        guard members.isDisjoint(with: claimed), let x = m.input, !members.contains(producer[x] ?? -1) else { continue }
                        let sealed = members.subtracting([root]).allSatisfy { i in
                            nodes[i].output.allSatisfy { o in o.isEmpty || (!outputs.contains(o) && (readers[o] ?? []).isSubset(of: members)) }
                        }
                        guard sealed else { continue }
                        var match = m
                        match.root = root
                        found.append(match)
                        claimed.formUnion(members)
                        break search
                    }
                }
            }
        }
        return found
    }

    struct Context {
        let nodes: [Onnx_NodeProto]
        let producer: [String: Int]
        let computed: Set<String>

        /// Every way `pattern` matches `tensor` (read by node `reader`) extending `m`.
        func matches(_ pattern: Pattern, _ tensor: String, _ m: Match, reader: Int = -1) -> [Match] {
            switch pattern {
            case .input:
                guard computed.contains(tensor), m.input == nil || m.input == tensor else { return [] }
                var next = m
                next.input = tensor
                return [next]
            case .constant(let role), .optionalConstant(let role):
                if tensor.isEmpty {
                    guard case .optionalConstant = pattern else { return [] }
                } else if computed.contains(tensor) {
                    return []
                }
                var next = m
                next.constants[role] = (tensor.isEmpty ? nil : tensor, reader)
                return [next]
            case .same(let role):
                return m.tensors[role] == tensor ? [m] : []
            case .either(let alternatives):
                for p in alternatives {
                    let r = matches(p, tensor, m, reader: reader)
                    if !r.isEmpty { return r }
                }
                return []
            case .node(let op, let role, let operands):
                guard let i = producer[tensor], m.nodes[role] == nil, !m.nodes.values.contains(i) else { return [] }
                let node = nodes[i]
                guard node.opType == op, node.domain.isEmpty || node.domain == "ai.onnx",
                      node.output.filter({ !$0.isEmpty }) == [tensor], node.input.count <= operands.count else { return [] }
                var start = m
                start.nodes[role] = i
                start.tensors[role] = tensor
                let inputs = node.input + [String](repeating: "", count: operands.count - node.input.count)
                let orders = (op == "Add" || op == "Mul") && operands.count == 2 ? [[0, 1], [1, 0]] : [Array(operands.indices)]
                var results: [Match] = []
                for order in orders {
                    var partial = [start]
                    for (k, j) in order.enumerated() {
                        partial = partial.flatMap { matches(operands[j], inputs[k], $0, reader: i) }
                    }
                    results += partial
                }
                return results
            }
        }
    }
}
