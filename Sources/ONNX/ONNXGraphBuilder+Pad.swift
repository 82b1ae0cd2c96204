import NetSim

/// ONNX Pad of a computed value, constant mode with value 0, on the height and width only: no layer of
/// its own. The padding is added to the `pads` of the Conv that reads the Pad's output (its one reader),
/// so the zeros enter the convolution's im2col exactly as its own padding does. Any other reader, mode
/// or value is refused naming the node.
extension ONNXGraphBuilder {
    mutating func pad(_ node: Onnx_NodeProto, _ a: ONNXAttributes) throws {
        let x = try value(node, 0)
        let mode = a.string("mode") ?? "constant"
        guard mode == "constant" else { throw refuse("mode '\(mode)' is not supported (only constant zero padding)") }
        guard x.shape.count == 3 else { throw refuse("only the height and width of [N, C, H, W] can be padded; the input is [N] + \(x.shape)") }
        let fill = try constant(node, 2, required: false)?.values ?? [0]
        guard fill.allSatisfy({ $0 == 0 }) else { throw refuse("constant value \(fill) is not supported (only 0)") }
        // opset ≥ 11: pads is input 1 (opset 18 adds axes, input 3); opset < 11 had the attribute.
        guard let given = try constant(node, 1, required: false).map({ $0.values.map(ONNXFolding.int) }) ?? a.ints("pads") else {
            throw refuse("pads must be given")
        }
        let rank = 4
        let axes = try constant(node, 3, required: false).map { $0.values.map { ($0 < 0 ? rank : 0) + ONNXFolding.int($0) } }
            ?? Array(0..<rank)
        guard given.count == 2 * axes.count, Set(axes).count == axes.count, axes.allSatisfy({ (0..<rank).contains($0) }) else {
            throw refuse("pads \(given) do not give a begin and an end for each of the axes \(axes)")
        }
        var begin = [Int](repeating: 0, count: rank), end = begin
        for (k, axis) in axes.enumerated() { (begin[axis], end[axis]) = (given[k], given[axes.count + k]) }
        guard begin[0] == 0, end[0] == 0, begin[1] == 0, end[1] == 0 else { throw refuse("pads \(given) pad the batch or channel axis; only height and width are supported") }
        guard (begin + end).allSatisfy({ $0 >= 0 && $0 <= Self.maxExtent }) else { throw refuse("pads \(given) must be in 0...\(Self.maxExtent) (cropping is not supported)") }
        zeroPadded[node.output[0]] = (x, Pads(top: begin[2], left: begin[3], bottom: end[2], right: end[3]))
    }

    /// Input 0 of a Conv: the computed value and the zero padding a Pad before it added (none otherwise).
    func paddedInput(_ node: Onnx_NodeProto) throws -> (value: (node: Int, shape: [Int]), pads: Pads) {
        guard let name = node.input.first, let padded = zeroPadded[name] else { return (try value(node, 0), Pads(0)) }
        guard readers[name] == 1 else { throw refuse("the zero Pad '\(name)' has other readers; it is imported only as the padding of the Conv that is its one reader") }
        return padded
    }
}

extension Pads {
    /// Both paddings, side by side.
    static func + (a: Pads, b: Pads) -> Pads {
        Pads(top: a.top + b.top, left: a.left + b.left, bottom: a.bottom + b.bottom, right: a.right + b.right)
    }
}
