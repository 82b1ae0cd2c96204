import NetSim

/// The index arithmetic torch's dynamo exporter writes for adaptive average pooling to a size that does
/// not divide the input (AlexNet's 6×6, VGG's 7×7 at small inputs): Transpose the pixels in front of the
/// batch and channels, GatherND the windows with constant indices, Transpose back, then either ReduceMean
/// or Where-masks, Gathers, Adds and a Div by the window sizes. Each such node is followed symbolically:
/// the value is a list of (input pixel, weight) terms per element of its pixel axes, the same for every
/// sample and channel. When an ordinary op reads it (or it is the graph output) with the batch and channels
/// first and two pixel axes, it becomes one `SpatialMix` layer. One pass over these ops, not a pattern.
struct PixelTerms {
    /// The computed [C, H, W] value the pixels are taken from.
    var source: (node: Int, shape: [Int])
    /// The pixel axes, in order.
    var dims: [Int]
    /// The batch and channel axes are axes 0 and 1 (else the last two).
    var batchFirst: Bool
    /// Per element of `dims` (row-major): the input pixels (row-major over H, W) and their weights.
    var terms: [[(pixel: Int, weight: Float)]]

    var rank: Int { dims.count + 2 }
    /// The ONNX axis of pixel axis k.
    func axis(_ k: Int) -> Int { batchFirst ? k + 2 : k }
    /// The pixel axis of ONNX axis a, nil for the batch and channel axes.
    func pixelAxis(_ a: Int) -> Int? {
        let k = batchFirst ? a - 2 : a
        return (0..<dims.count).contains(k) ? k : nil
    }
    /// The full shape with a batch of 1.
    var shape: [Int] { batchFirst ? [1, source.shape[0]] + dims : dims + [1, source.shape[0]] }

    static func strides(_ dims: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: dims.count)
        for k in stride(from: dims.count - 2, through: 0, by: -1) { s[k] = s[k + 1] * dims[k + 1] }
        return s
    }

    static func index(_ flat: Int, _ dims: [Int]) -> [Int] {
        zip(strides(dims), dims).map { flat / $0 % $1 }
    }
}

extension ONNXGraphBuilder {
    /// The most terms a followed value may hold (keeps hostile index tensors from exhausting memory).
    static let maxPixelTerms = 1 << 24

    /// Follows `node` when it starts or continues pixel arithmetic; false for any other node.
    mutating func trackPixels(_ node: Onnx_NodeProto) throws -> Bool {
        guard let out = node.output.first, !out.isEmpty, let first = node.input.first else { return false }
        let a = ONNXAttributes(node)
        let tracked = node.input.compactMap { pixelTerms[$0] }
        let result: PixelTerms?
        switch node.opType {
        case "Transpose":
            guard let perm = a.ints("perm") else { return false }
            if let t = pixelTerms[first] {
                result = try transposed(t, perm)
            } else if let v = values[first], v.shape.count == 3, perm.count == 4, perm.suffix(2) == [0, 1] {
                try checkTermCount([v.shape[1], v.shape[2]])
                let identity = PixelTerms(source: v, dims: [v.shape[1], v.shape[2]], batchFirst: true,
                                          terms: (0..<v.shape[1] * v.shape[2]).map { [($0, 1)] })
                result = try transposed(identity, perm)
            } else {
                return false
            }
        case "GatherND":
            guard let t = pixelTerms[first], node.input.count == 2 else { return false }
            result = try gatheredND(t, try constantInput(node, 1), batchDims: a.int("batch_dims", 0))
        case "Gather":
            guard let t = pixelTerms[first], node.input.count == 2 else { return false }
            result = try gathered(t, try constantInput(node, 1), axis: a.int("axis", 0))
        case "Where":
            guard tracked.count == 1, node.input.count == 3 else { return false }
            result = try masked(node)
        case "Add":
            guard tracked.count == 2, node.input.count == 2 else { return false }
            result = try summed(tracked[0], tracked[1])
        case "Mul", "Div":
            guard tracked.count == 1, node.input.count == 2, let t = pixelTerms[node.input[0]] else { return false }
            result = try scaled(t, try constantInput(node, 1), divide: node.opType == "Div")
        case "ReduceMean", "ReduceSum":
            guard let t = pixelTerms[first] else { return false }
            result = try reduced(t, node, a)
        default:
            return false
        }
        guard let result else { return false }
        guard result.terms.reduce(0, { $0 + $1.count }) <= Self.maxPixelTerms else {
            throw refuse("the pixel index arithmetic grows past \(Self.maxPixelTerms) terms")
        }
        pixelTerms[out] = result
        return true
    }

    /// Turns the followed values `node` reads (or, for the graph output, `names`) into `SpatialMix` layers.
    mutating func materialisePixels(_ names: [String]) throws {
        for name in names where values[name] == nil {
            guard let t = pixelTerms[name] else { continue }
            guard t.batchFirst, t.dims.count == 2 else {
                throw refuse("'\(name)' holds pixels gathered with the batch axis \(t.batchFirst ? "first" : "moved") and \(t.dims.count) pixel axes; only [N, C, H, W] results are supported")
            }
            let layer = SpatialMix(unique("\(current.name).pool"), inputSize: Array(t.source.shape.dropFirst()), outputSize: t.dims, terms: t.terms)
            values[name] = (network.add(layer, inputs: [t.source.node]), try layer.outputShape(for: t.source.shape))
        }
    }

    /// Refuses a followed value of more than `maxPixelTerms` elements before it is built (file-given sizes).
    private func checkTermCount(_ factors: [Int]) throws {
        var n = 1
        for f in factors {
            let (p, overflow) = n.multipliedReportingOverflow(by: f)
            guard !overflow, p <= Self.maxPixelTerms else { throw refuse("the pixel index arithmetic grows past \(Self.maxPixelTerms) elements") }
            n = p
        }
    }

    private func constantInput(_ node: Onnx_NodeProto, _ i: Int) throws -> ONNXConstant {
        guard let c = try constant(node, i) else { throw refuse("input \(i) is missing") }
        return c
    }

    private func transposed(_ t: PixelTerms, _ perm: [Int]) throws -> PixelTerms {
        let batchAxis = t.batchFirst ? 0 : t.dims.count
        guard perm.sorted() == Array(0..<t.rank), let n = perm.firstIndex(of: batchAxis),
              n + 1 < perm.count, perm[n + 1] == batchAxis + 1, n == 0 || n == t.rank - 2 else {
            throw refuse("perm \(perm) separates the batch and channel axes")
        }
        let pixelPerm = perm.filter { $0 != batchAxis && $0 != batchAxis + 1 }.map { t.pixelAxis($0)! }
        let dims = pixelPerm.map { t.dims[$0] }
        let sources = Transpose.sources(t.dims, pixelPerm)
        return PixelTerms(source: t.source, dims: dims, batchFirst: n == 0, terms: sources.map { t.terms[$0] })
    }

    private func gatheredND(_ t: PixelTerms, _ indices: ONNXConstant, batchDims: Int) throws -> PixelTerms {
        guard batchDims == 0, !t.batchFirst, let q = indices.shape.last, q >= 1, q <= t.dims.count else {
            throw refuse("only GatherND with batch_dims 0 over leading pixel axes is supported")
        }
        let lead = Array(t.dims.prefix(q)), inner = t.dims.dropFirst(q).reduce(1, *), leadStrides = PixelTerms.strides(lead)
        try checkTermCount([indices.values.count / q, inner])
        var terms: [[(pixel: Int, weight: Float)]] = []
        for g in 0..<indices.values.count / q {
            var offset = 0
            for k in 0..<q {
                var i = ONNXFolding.int(indices.values[g * q + k])
                if i < 0 { i += lead[k] }
                guard (0..<lead[k]).contains(i) else { throw refuse("index \(i) is outside pixel axis \(k) of size \(lead[k])") }
                offset += i * leadStrides[k]
            }
            terms += t.terms[offset * inner..<(offset + 1) * inner]
        }
        return PixelTerms(source: t.source, dims: Array(indices.shape.dropLast()) + t.dims.dropFirst(q), batchFirst: false, terms: terms)
    }

    private func gathered(_ t: PixelTerms, _ indices: ONNXConstant, axis: Int) throws -> PixelTerms {
        guard let k = t.pixelAxis(axis < 0 ? axis + t.rank : axis) else { throw refuse("Gather along axis \(axis) of gathered pixels: only pixel axes") }
        let outer = t.dims.prefix(k).reduce(1, *), size = t.dims[k], inner = t.dims.dropFirst(k + 1).reduce(1, *)
        try checkTermCount([outer, indices.values.count, inner])
        let picks = try indices.values.map { v -> Int in
            let i = ONNXFolding.int(v) < 0 ? ONNXFolding.int(v) + size : ONNXFolding.int(v)
            guard (0..<size).contains(i) else { throw refuse("index \(i) is outside pixel axis of size \(size)") }
            return i
        }
        var terms: [[(pixel: Int, weight: Float)]] = []
        for o in 0..<outer { for i in picks { terms += t.terms[(o * size + i) * inner..<(o * size + i + 1) * inner] } }
        let dims = Array(t.dims.prefix(k)) + indices.shape + t.dims.dropFirst(k + 1)
        return PixelTerms(source: t.source, dims: dims, batchFirst: t.batchFirst, terms: terms)
    }

    /// The constant's value at each pixel element of `t` when it broadcasts against t's shape without
    /// varying along the batch and channel axes; nil otherwise.
    private func perPixel(_ c: ONNXConstant, _ t: PixelTerms) -> [Float]? {
        let full = t.shape, r = full.count
        guard c.shape.count <= r || c.shape.prefix(c.shape.count - r).allSatisfy({ $0 == 1 }) else { return nil }
        let dims = Array(c.shape.suffix(r)), offset = r - dims.count
        for (k, d) in dims.enumerated() where d != 1 {
            guard t.pixelAxis(k + offset) != nil, d == full[k + offset] else { return nil }
        }
        let cStrides = PixelTerms.strides(dims)
        return (0..<t.terms.count).map { e in
            let idx = PixelTerms.index(e, t.dims)
            var flat = 0
            for (k, d) in dims.enumerated() where d != 1 { flat += idx[t.pixelAxis(k + offset)!] * cStrides[k] }
            return c.values[flat]
        }
    }

    /// Where(cond, value, 0) or Where(cond, 0, value) with a constant cond: the masked elements lose their terms.
    private func masked(_ node: Onnx_NodeProto) throws -> PixelTerms? {
        let k = pixelTerms[node.input[1]] != nil ? 1 : 2
        guard let t = pixelTerms[node.input[k]], let zero = constants[node.input[3 - k]], zero.values.allSatisfy({ $0 == 0 }),
              let cond = constants[node.input[0]] else { return nil }
        guard let keep = perPixel(cond, t), (zero.values.count == 1 || perPixel(zero, t) != nil) else {
            throw refuse("the condition varies along the batch or channel axis")
        }
        var r = t
        for e in r.terms.indices where (keep[e] != 0) != (k == 1) { r.terms[e] = [] }
        return r
    }

    private func summed(_ l: PixelTerms, _ r: PixelTerms) throws -> PixelTerms {
        guard l.source.node == r.source.node, l.dims == r.dims, l.batchFirst == r.batchFirst else {
            throw refuse("adds gathered pixels of different shapes or sources")
        }
        var s = l
        for e in s.terms.indices { s.terms[e] += r.terms[e] }
        return s
    }

    private func scaled(_ t: PixelTerms, _ c: ONNXConstant, divide: Bool) throws -> PixelTerms {
        guard let factor = perPixel(c, t) else { throw refuse("the constant varies along the batch or channel axis") }
        var s = t
        for e in s.terms.indices {
            s.terms[e] = s.terms[e].map { ($0.pixel, divide ? $0.weight / factor[e] : $0.weight * factor[e]) }
        }
        return s
    }

    private func reduced(_ t: PixelTerms, _ node: Onnx_NodeProto, _ a: ONNXAttributes) throws -> PixelTerms {
        let given = try constant(node, 1, required: false).map { $0.values.map(ONNXFolding.int) } ?? a.ints("axes")
        guard let given, !given.isEmpty else { throw refuse("a reduction of gathered pixels over every axis is not supported") }
        let pixelAxes = try Set(given.map { g -> Int in
            guard let k = t.pixelAxis(g < 0 ? g + t.rank : g) else { throw refuse("reduces the batch or channel axis") }
            return k
        })
        let keep = a.int("keepdims", 1) != 0
        let outDims = t.dims.enumerated().compactMap { k, d in pixelAxes.contains(k) ? (keep ? 1 : nil) : d }
        let count = pixelAxes.reduce(1) { $0 * t.dims[$1] }
        let scale: Float = node.opType == "ReduceMean" ? 1 / Float(count) : 1
        let kept = t.dims.indices.filter { !pixelAxes.contains($0) }, keptStrides = PixelTerms.strides(kept.map { t.dims[$0] })
        var terms = [[(pixel: Int, weight: Float)]](repeating: [], count: outDims.reduce(1, *))
        for e in t.terms.indices {
            let idx = PixelTerms.index(e, t.dims)
            let o = zip(kept, keptStrides).reduce(0) { $0 + idx[$1.0] * $1.1 }
            terms[o] += t.terms[e].map { ($0.pixel, $0.weight * scale) }
        }
        return PixelTerms(source: t.source, dims: outDims, batchFirst: t.batchFirst, terms: terms)
    }
}
