/// Element-wise clamp y = min(max(x, lower), upper) (ONNX Clip; ReLU6 is lower 0, upper 6).
/// The derivative is 1 strictly inside (lower, upper) and 0 elsewhere.
public struct Clip: Layer {
    public var name: String
    public var kind: String { "Clip" }
    public let lower: Float, upper: Float
    /// 1 where the last input was strictly inside the interval, else 0.
    private var mask: [Float] = []

    public init(_ name: String, lower: Float, upper: Float) {
        precondition(lower <= upper, "\(name): Clip lower \(lower) > upper \(upper)")
        self.name = name
        (self.lower, self.upper) = (lower, upper)
    }

    public func outputShape(for input: [Int]) throws -> [Int] { input }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        var y = x
        mask = [Float](repeating: 0, count: x.count)
        for i in 0..<x.count {
            let v = x.data[i]
            if v > lower && v < upper { mask[i] = 1 }
            y.data[i] = min(max(v, lower), upper)
        }
        return y
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { masked(dy) }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        (forward(x, context: &context), masked(rx))
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (masked(dy), masked(rdy)) }

    private func masked(_ t: Tensor) -> Tensor {
        precondition(t.count == mask.count, "\(name): gradient of \(t.count) values for \(mask.count) inputs")
        var out = t
        for i in 0..<out.count { out.data[i] *= mask[i] }
        return out
    }
}
