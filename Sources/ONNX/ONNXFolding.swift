import Foundation

/// Constant folding at import: the shape arithmetic exporters write around `x.view(x.size(0), -1)`
/// (Shape → Gather → Unsqueeze → Concat → Reshape), Identity/Constant on initialisers, and any
/// arithmetic between constants. A node whose inputs are all constants (or a Shape/Size of a
/// computed value) is evaluated here and its output becomes a constant; the graph that remains has
/// only tensor ops.
///
/// The batch dimension is symbolic. Folding evaluates each node twice, once as if the batch were
/// `batches.0` and once `batches.1`: a constant equal in both does not depend on the batch; one that
/// differs does, and only a target shape may use it, where a dimension that is exactly the batch in
/// both evaluations stands for the batch axis (see `ONNXGraphBuilder.targetShape`).
enum ONNXFolding {
    /// Ops evaluated here when their inputs are constant (Shape and Size: always).
    static let ops: Set<String> = ["Abs", "Add", "Cast", "Ceil", "Concat", "Constant", "ConstantOfShape", "Div", "Dropout", "Equal",
                                   "Expand", "Flatten", "Floor", "Gather", "Greater", "Identity", "Less", "Max", "Min", "Mul", "Neg",
                                   "Not", "Pow", "Range", "Reciprocal", "Reshape", "Shape", "Size", "Slice", "Sqrt", "Squeeze", "Sub",
                                   "Transpose", "Unsqueeze", "Where"]
    /// Ops whose output holds input 0's values (rearranged or converted): the output keeps the name of
    /// the initialiser it came from, for layer names.
    static let movesValues: Set<String> = ["Cast", "Dropout", "Flatten", "Identity", "Reshape", "Squeeze", "Transpose", "Unsqueeze"]
    /// The two batch sizes the symbolic batch is evaluated at.
    static let batches = (2, 3)
    /// The most elements a folded constant may have (a ConstantOfShape of a huge shape is refused).
    static let maxCount = 1 << 26

    struct Failure: Error { let reason: String }

    /// The output of `node` (op type in `ops`) from its inputs (nil: an absent optional input).
    static func evaluate(_ node: Onnx_NodeProto, _ a: ONNXAttributes, _ x: [ONNXConstant?], decoder: ONNXTensorDecoder) throws -> ONNXConstant {
        func input(_ i: Int) throws -> ONNXConstant {
            guard i < x.count, let c = x[i] else { throw Failure(reason: "input \(i) is missing") }
            return c
        }
        switch node.opType {
        case "Constant": return try constant(a, decoder: decoder)
        case "Identity", "Dropout": return try input(0)
        case "Shape":
            let s = try input(0).shape, r = s.count
            let start = clampAxis(a.int("start", 0), r), end = clampAxis(a.int("end", r), r)
            return integers(shape: [max(0, end - start)], Array(s[start..<max(start, end)]))
        case "Size": return integers(shape: [], [try count(input(0).shape)])
        case "Cast": return try cast(input(0), to: a.int("to", 1))
        case "Gather": return try gather(input(0), input(1), axis: a.int("axis", 0))
        case "Unsqueeze": return try unsqueeze(input(0), axes: axes(a, x, 1) ?? [])
        case "Squeeze": return try squeeze(input(0), axes: axes(a, x, 1))
        case "Concat": return try concat(x.compactMap { $0 }, axis: a.int("axis", 0))
        case "Slice": return try slice(input(0), starts: ints(input(1)), ends: ints(input(2)),
                                       axes: x.count > 3 ? x[3].map(ints) : nil, steps: x.count > 4 ? x[4].map(ints) : nil)
        case "ConstantOfShape": return try constantOfShape(ints(input(0)), a, decoder: decoder)
        case "Range": return try range(input(0), input(1), input(2))
        case "Reshape": return try reshape(input(0), to: ints(input(1)), allowZero: a.int("allowzero", 0) != 0)
        case "Flatten":
            let c = try input(0), axis = try normalised(a.int("axis", 1), c.shape.count + 1)
            return ONNXConstant(shape: [try count(Array(c.shape[..<axis])), try count(Array(c.shape[axis...]))], values: c.values,
                                integer: c.integer)
        case "Expand": return try expand(input(0), to: ints(input(1)))
        case "Transpose": return try transpose(input(0), perm: a.ints("perm"))
        case "Where": return try broadcast([input(0), input(1), input(2)], integer: input(1).integer) { $0[0] != 0 ? $0[1] : $0[2] }
        case "Not": return try map(input(0), integer: true) { $0 == 0 ? 1 : 0 }
        case "Neg": return try map(input(0)) { -$0 }
        case "Abs": return try map(input(0)) { abs($0) }
        case "Floor": return try map(input(0)) { $0.rounded(.down) }
        case "Ceil": return try map(input(0)) { $0.rounded(.up) }
        case "Sqrt": return try map(input(0)) { $0.squareRoot() }
        case "Reciprocal": return try map(input(0)) { 1 / $0 }
        default: return try arithmetic(node.opType, input(0), input(1), more: x.dropFirst(2).compactMap { $0 })
        }
    }

    static func arithmetic(_ op: String, _ l: ONNXConstant, _ r: ONNXConstant, more: [ONNXConstant]) throws -> ONNXConstant {
        let integer = l.integer && r.integer
        switch op {
        case "Add": return try broadcast([l, r], integer: integer) { $0[0] + $0[1] }
        case "Sub": return try broadcast([l, r], integer: integer) { $0[0] - $0[1] }
        case "Mul": return try broadcast([l, r], integer: integer) { $0[0] * $0[1] }
        case "Div":
            if integer, r.values.contains(0) { throw Failure(reason: "integer division by zero") }
            return try broadcast([l, r], integer: integer) { integer ? ($0[0] / $0[1]).rounded(.towardZero) : $0[0] / $0[1] }
        case "Pow": return try broadcast([l, r], integer: l.integer) { Float(Foundation.pow(Double($0[0]), Double($0[1]))) }
        case "Equal": return try broadcast([l, r], integer: true) { $0[0] == $0[1] ? 1 : 0 }
        case "Less": return try broadcast([l, r], integer: true) { $0[0] < $0[1] ? 1 : 0 }
        case "Greater": return try broadcast([l, r], integer: true) { $0[0] > $0[1] ? 1 : 0 }
        case "Min": return try broadcast([l, r] + more, integer: integer) { $0.min() ?? 0 }
        case "Max": return try broadcast([l, r] + more, integer: integer) { $0.max() ?? 0 }
        default: throw Failure(reason: "no folding rule")
        }
    }

    // MARK: element types and shapes

    static func integers(shape: [Int], _ v: [Int]) -> ONNXConstant {
        ONNXConstant(shape: shape, values: v.map { Float($0) }, integer: true)
    }

    /// The values as integers (clamped to Int's range; int64 extremes such as Slice's INT64_MAX).
    static func ints(_ c: ONNXConstant) -> [Int] { c.values.map(int) }

    static func int(_ v: Float) -> Int {
        guard v.isFinite else { return v > 0 ? Int.max : Int.min }
        if v >= Float(Int.max) { return Int.max }
        if v <= Float(Int.min) { return Int.min }
        return Int(v)
    }

    static func clampAxis(_ axis: Int, _ rank: Int) -> Int { min(max(axis < 0 ? axis + rank : axis, 0), rank) }

    static func normalised(_ axis: Int, _ rank: Int) throws -> Int {
        let a = axis < 0 ? axis + rank : axis
        guard a >= 0, a < max(rank, 1) else { throw Failure(reason: "axis \(axis) is out of range for rank \(rank)") }
        return a
    }

    static func count(_ shape: [Int]) throws -> Int {
        guard shape.allSatisfy({ $0 >= 0 && $0 <= maxCount }) else { throw Failure(reason: "shape \(shape) is invalid or too large to fold") }
        let n = shape.reduce(1) { $0 > maxCount ? $0 : $0 * $1 }
        guard n <= maxCount else { throw Failure(reason: "shape \(shape) has more than \(maxCount) elements") }
        return n
    }

    /// Row-major strides.
    static func strides(_ shape: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        for i in stride(from: shape.count - 2, through: 0, by: -1) { s[i] = s[i + 1] * shape[i + 1] }
        return s
    }

    /// ONNX (numpy) multidirectional broadcasting of the shapes.
    static func broadcastShape(_ shapes: [[Int]]) throws -> [Int] {
        let rank = shapes.map(\.count).max() ?? 0
        var out = [Int](repeating: 1, count: rank)
        for s in shapes {
            for (k, d) in s.enumerated() {
                let i = rank - s.count + k
                if out[i] == 1 { out[i] = d } else if d != 1 && d != out[i] { throw Failure(reason: "shapes \(shapes) do not broadcast") }
            }
        }
        return out
    }

    /// `c`'s values broadcast to `shape` (row-major).
    static func expanded(_ c: ONNXConstant, to shape: [Int]) throws -> [Float] {
        if c.shape == shape { return c.values }
        let n = try count(shape), inStrides = strides(c.shape), outStrides = strides(shape)
        let offset = shape.count - c.shape.count
        return (0..<n).map { flat in
            var src = 0
            for (k, d) in c.shape.enumerated() where d != 1 { src += (flat / outStrides[k + offset]) % shape[k + offset] * inStrides[k] }
            return c.values[src]
        }
    }

    static func broadcast(_ xs: [ONNXConstant], integer: Bool, _ f: ([Float]) -> Float) throws -> ONNXConstant {
        let shape = try broadcastShape(xs.map(\.shape))
        let columns = try xs.map { try expanded($0, to: shape) }
        let n = try count(shape)
        var operands = [Float](repeating: 0, count: xs.count)
        let values = (0..<n).map { i in
            for k in xs.indices { operands[k] = columns[k][i] }
            return f(operands)
        }
        return ONNXConstant(shape: shape, values: values, integer: integer)
    }

    static func map(_ c: ONNXConstant, integer: Bool? = nil, _ f: (Float) -> Float) throws -> ONNXConstant {
        ONNXConstant(shape: c.shape, values: c.values.map(f), integer: integer ?? c.integer)
    }

    // MARK: the ops

    static func constant(_ a: ONNXAttributes, decoder: ONNXTensorDecoder) throws -> ONNXConstant {
        if let t = a.byName["value"] { return try decoder.decode(t.t) }
        if let f = a.byName["value_float"] { return ONNXConstant(shape: [], values: [f.f]) }
        if let f = a.byName["value_floats"] { return ONNXConstant(shape: [f.floats.count], values: f.floats) }
        if let i = a.byName["value_int"] { return ONNXConstant(shape: [], values: [Float(i.i)], integer: true) }
        if let i = a.byName["value_ints"] { return ONNXConstant(shape: [i.ints.count], values: i.ints.map { Float($0) }, integer: true) }
        throw Failure(reason: "only value, value_float(s) and value_int(s) constants are supported")
    }

    /// Axes from the attribute (opsets before 13) or input `i` (13 and later); nil when absent.
    static func axes(_ a: ONNXAttributes, _ x: [ONNXConstant?], _ i: Int) -> [Int]? {
        a.ints("axes") ?? (i < x.count ? x[i].map(ints) : nil)
    }

    static func cast(_ c: ONNXConstant, to type: Int) throws -> ONNXConstant {
        typealias T = Onnx_TensorProto.DataType
        switch type {
        case T.float.rawValue, T.double.rawValue, T.float16.rawValue, T.bfloat16.rawValue:
            return ONNXConstant(shape: c.shape, values: c.values, integer: false)
        case T.bool.rawValue: return try map(c, integer: true) { $0 != 0 ? 1 : 0 }
        case T.int8.rawValue, T.int16.rawValue, T.int32.rawValue, T.int64.rawValue, T.uint8.rawValue, T.uint16.rawValue,
             T.uint32.rawValue, T.uint64.rawValue:
            return try map(c, integer: true) { $0.rounded(.towardZero) }
        default: throw Failure(reason: "Cast to element type \(type) is not supported")
        }
    }

    static func gather(_ data: ONNXConstant, _ indices: ONNXConstant, axis: Int) throws -> ONNXConstant {
        let r = data.shape.count, ax = try normalised(axis, r), d = data.shape[ax]
        let outer = try count(Array(data.shape[..<ax])), inner = try count(Array(data.shape[(ax + 1)...]))
        let picks = try ints(indices).map { i -> Int in
            let k = i < 0 ? i + d : i
            guard k >= 0, k < d else { throw Failure(reason: "index \(i) is out of range for axis \(ax) of size \(d)") }
            return k
        }
        let shape = Array(data.shape[..<ax]) + indices.shape + Array(data.shape[(ax + 1)...])
        _ = try count(shape)
        var values: [Float] = []
        values.reserveCapacity(outer * picks.count * inner)
        for o in 0..<outer { for k in picks { values += data.values[(o * d + k) * inner..<(o * d + k + 1) * inner] } }
        return ONNXConstant(shape: shape, values: values, integer: data.integer)
    }

    static func unsqueeze(_ c: ONNXConstant, axes: [Int]) throws -> ONNXConstant {
        let rank = c.shape.count + axes.count
        let ax = try Set(axes.map { try normalised($0, rank) })
        guard ax.count == axes.count else { throw Failure(reason: "axes \(axes) repeat") }
        var shape: [Int] = [], rest = c.shape[...]
        for i in 0..<rank {
            if ax.contains(i) { shape.append(1) } else if let d = rest.popFirst() { shape.append(d) }
        }
        return ONNXConstant(shape: shape, values: c.values, integer: c.integer)
    }

    static func squeeze(_ c: ONNXConstant, axes: [Int]?) throws -> ONNXConstant {
        let ax = try Set((axes ?? c.shape.indices.filter { c.shape[$0] == 1 }).map { try normalised($0, c.shape.count) })
        guard ax.allSatisfy({ c.shape[$0] == 1 }) else { throw Failure(reason: "Squeeze of axes \(axes ?? []) of size other than 1 in \(c.shape)") }
        let shape = c.shape.indices.filter { !ax.contains($0) }.map { c.shape[$0] }
        return ONNXConstant(shape: shape, values: c.values, integer: c.integer)
    }

    static func concat(_ xs: [ONNXConstant], axis: Int) throws -> ONNXConstant {
        guard let first = xs.first else { throw Failure(reason: "Concat of nothing") }
        let ax = try normalised(axis, first.shape.count)
        guard xs.allSatisfy({ c in c.shape.count == first.shape.count && c.shape.indices.allSatisfy { k in k == ax || c.shape[k] == first.shape[k] } }) else {
            throw Failure(reason: "Concat of shapes \(xs.map(\.shape)) along axis \(ax)")
        }
        let outer = try count(Array(first.shape[..<ax]))
        var values: [Float] = []
        for o in 0..<outer {
            for c in xs {
                let block = try count(Array(c.shape[ax...]))
                values += c.values[o * block..<(o + 1) * block]
            }
        }
        var shape = first.shape
        shape[ax] = xs.map { $0.shape[ax] }.reduce(0, +)
        return ONNXConstant(shape: shape, values: values, integer: xs.allSatisfy(\.integer))
    }

    static func slice(_ c: ONNXConstant, starts: [Int], ends: [Int], axes: [Int]?, steps: [Int]?) throws -> ONNXConstant {
        let r = c.shape.count, axes = try (axes ?? Array(0..<starts.count)).map { try normalised($0, r) }
        let steps = steps ?? [Int](repeating: 1, count: starts.count)
        guard starts.count == ends.count, axes.count == starts.count, steps.count == starts.count, !steps.contains(0) else {
            throw Failure(reason: "starts \(starts), ends \(ends), axes \(axes), steps \(steps) do not fit")
        }
        var picks = c.shape.map { Array(0..<$0) }
        for (k, ax) in axes.enumerated() {
            let d = c.shape[ax], step = steps[k]
            func bound(_ v: Int, low: Int, high: Int) -> Int { min(max(v < 0 ? (v == Int.min ? low : v + d) : v, low), high) }
            let s = step > 0 ? bound(starts[k], low: 0, high: d) : bound(starts[k], low: -1, high: d - 1)
            let e = step > 0 ? bound(ends[k], low: 0, high: d) : bound(ends[k], low: -1, high: d - 1)
            picks[ax] = Array(stride(from: s, to: e, by: step))
        }
        let shape = picks.map(\.count), inStrides = strides(c.shape), outStrides = strides(shape)
        let values = try (0..<count(shape)).map { flat in
            var src = 0
            for k in 0..<r { src += picks[k][(flat / outStrides[k]) % shape[k]] * inStrides[k] }
            return c.values[src]
        }
        return ONNXConstant(shape: shape, values: values, integer: c.integer)
    }

    static func constantOfShape(_ shape: [Int], _ a: ONNXAttributes, decoder: ONNXTensorDecoder) throws -> ONNXConstant {
        let fill = try a.byName["value"].map { try decoder.decode($0.t) } ?? ONNXConstant(shape: [1], values: [0])
        guard fill.values.count == 1 else { throw Failure(reason: "the value must hold one element") }
        return ONNXConstant(shape: shape, values: [Float](repeating: fill.values[0], count: try count(shape)), integer: fill.integer)
    }

    static func range(_ start: ONNXConstant, _ limit: ONNXConstant, _ delta: ONNXConstant) throws -> ONNXConstant {
        guard let s = start.values.first, let l = limit.values.first, let d = delta.values.first, d != 0 else {
            throw Failure(reason: "start, limit and delta must be scalars, delta not 0")
        }
        let n = max(0, Int(((l - s) / d).rounded(.up)))
        _ = try count([n])
        return ONNXConstant(shape: [n], values: (0..<n).map { s + Float($0) * d }, integer: start.integer)
    }

    static func reshape(_ c: ONNXConstant, to target: [Int], allowZero: Bool) throws -> ONNXConstant {
        var shape = target.enumerated().map { k, d in d == 0 && !allowZero && k < c.shape.count ? c.shape[k] : d }
        let refused = Failure(reason: "cannot reshape \(c.shape) to \(target)")
        guard shape.allSatisfy({ $0 >= -1 }), shape.filter({ $0 == -1 }).count <= 1 else { throw refused }
        let known = try count(shape.filter { $0 != -1 })
        if let k = shape.firstIndex(of: -1), known > 0 { shape[k] = c.values.count / known }
        guard shape.allSatisfy({ $0 >= 0 }), try count(shape) == c.values.count else { throw refused }
        return ONNXConstant(shape: shape, values: c.values, integer: c.integer)
    }

    static func expand(_ c: ONNXConstant, to target: [Int]) throws -> ONNXConstant {
        let shape = try broadcastShape([c.shape, target])
        return ONNXConstant(shape: shape, values: try expanded(c, to: shape), integer: c.integer)
    }

    static func transpose(_ c: ONNXConstant, perm: [Int]?) throws -> ONNXConstant {
        let r = c.shape.count, perm = perm ?? Array((0..<r).reversed())
        guard perm.sorted() == Array(0..<r) else { throw Failure(reason: "perm \(perm) is not a permutation of 0..<\(r)") }
        let shape = perm.map { c.shape[$0] }, inStrides = strides(c.shape), outStrides = strides(shape)
        let values = (0..<c.values.count).map { flat in
            var src = 0
            for k in 0..<r { src += (flat / outStrides[k]) % shape[k] * inStrides[perm[k]] }
            return c.values[src]
        }
        return ONNXConstant(shape: shape, values: values, integer: c.integer)
    }
}
