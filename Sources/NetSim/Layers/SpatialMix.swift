/// Each output pixel of a channel is a weighted sum of input pixels of the same channel, with the same
/// weights for every channel and sample: adaptive average pooling to any size, including sizes that do
/// not divide the input or exceed it (torch's dynamo exporter writes those as GatherND, masks and sums,
/// which the ONNX importer collects into one of these). Float, no parameters.
public struct SpatialMix: Layer {
    public var name: String
    public var kind: String { "SpatialMix" }
    /// Input [H, W] and output [OH, OW] of each channel.
    public let inputSize: [Int], outputSize: [Int]
    /// Output pixel o (row-major) is Σ weights[t] · x[pixels[t]] over t in starts[o]..<starts[o + 1]
    /// (pixels row-major over the input plane).
    public let starts: [Int], pixels: [Int], weights: [Float]

    /// `terms[o]`: the (input pixel, weight) pairs of output pixel o. Pixels must lie in the input plane.
    public init(_ name: String, inputSize: [Int], outputSize: [Int], terms: [[(pixel: Int, weight: Float)]]) {
        precondition(inputSize.count == 2 && outputSize.count == 2 && terms.count == outputSize[0] * outputSize[1],
                     "\(name): \(terms.count) output pixels for \(outputSize)")
        precondition(terms.allSatisfy { $0.allSatisfy { (0..<inputSize[0] * inputSize[1]).contains($0.pixel) } },
                     "\(name): a pixel outside the \(inputSize) input")
        (self.name, self.inputSize, self.outputSize) = (name, inputSize, outputSize)
        starts = terms.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        pixels = terms.flatMap { $0.map(\.pixel) }
        weights = terms.flatMap { $0.map(\.weight) }
    }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard input.count == 3, Array(input.dropFirst()) == inputSize else {
            throw ModelError.shapeMismatch(layer: name, expected: "[C, \(inputSize[0]), \(inputSize[1])]", found: input)
        }
        return [input[0]] + outputSize
    }

    /// y = M·x per channel plane.
    private func mix(_ x: Tensor) -> Tensor {
        let inP = inputSize[0] * inputSize[1], outP = starts.count - 1, planes = x.shape[0] * x.shape[1]
        var y = Tensor(shape: [x.shape[0], x.shape[1]] + outputSize)
        for p in 0..<planes {
            for o in 0..<outP {
                var s: Float = 0
                for t in starts[o]..<starts[o + 1] { s += weights[t] * x.data[p * inP + pixels[t]] }
                y.data[p * outP + o] = s
            }
        }
        return y
    }

    /// dx = Mᵀ·dy per channel plane.
    private func spread(_ dy: Tensor) -> Tensor {
        let inP = inputSize[0] * inputSize[1], outP = starts.count - 1, planes = dy.shape[0] * dy.shape[1]
        var dx = Tensor(shape: [dy.shape[0], dy.shape[1]] + inputSize)
        for p in 0..<planes {
            for o in 0..<outP {
                let g = dy.data[p * outP + o]
                for t in starts[o]..<starts[o + 1] { dx.data[p * inP + pixels[t]] += weights[t] * g }
            }
        }
        return dx
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor { mix(x) }

    public mutating func backward(_ dy: Tensor) -> Tensor { spread(dy) }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) { (mix(x), mix(rx)) }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (spread(dy), spread(rdy)) }
}
