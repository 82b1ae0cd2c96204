/// Fixed per-channel input preprocessing y = (x − mean[c]) / std[c] over NCHW (or [N, C]) input,
/// with no trainable parameters: an imported model's mean/std, applied inside the network so
/// every command feeds it the data set's own values.
public struct InputNormalisation: Layer {
    public var name: String
    public var kind: String { "InputNormalisation" }
    public let mean: [Float], std: [Float]

    public init(_ name: String, mean: [Float], std: [Float]) {
        precondition(mean.count == std.count && std.allSatisfy { $0 > 0 }, "\(name): mean/std counts differ or std ≤ 0")
        self.name = name
        (self.mean, self.std) = (mean, std)
    }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard mean.count == 1 || input.first == mean.count else {
            throw ModelError.shapeMismatch(layer: name, expected: "\(mean.count) channels first", found: input)
        }
        return input
    }

    /// Applies y = (x − shift[c])·scale[c] per channel.
    private func affine(_ x: Tensor, shift: Bool) -> Tensor {
        var y = x
        let c = x.shape.count > 1 ? x.shape[1] : 1, p = x.shape.dropFirst(2).reduce(1, *)
        for i in 0..<x.count {
            let ch = mean.count == 1 ? 0 : (i / p) % c
            y.data[i] = (x.data[i] - (shift ? mean[ch] : 0)) / std[ch]
        }
        return y
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor { affine(x, shift: true) }
    public mutating func backward(_ dy: Tensor) -> Tensor { affine(dy, shift: false) }
    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        (affine(x, shift: true), affine(rx, shift: false))
    }
    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        (affine(dy, shift: false), affine(rdy, shift: false))
    }
}
