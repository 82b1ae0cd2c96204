/// A computed value times a fixed per-channel constant: y = x · scale[c], channel = per-sample axis 0
/// (ConvNeXt's layer scale, an imported Mul by a [C, 1, 1] constant). Float, no parameters.
public struct ChannelScale: Layer {
    public var name: String
    public var kind: String { "ChannelScale" }
    public let scale: [Float]

    public init(_ name: String, scale: [Float]) { (self.name, self.scale) = (name, scale) }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard input.first == scale.count else { throw ModelError.shapeMismatch(layer: name, expected: "\(scale.count) channels first", found: input) }
        return input
    }

    private func scaled(_ x: Tensor) -> Tensor {
        var y = x
        let c = scale.count, p = x.itemSize / max(c, 1)
        for i in 0..<x.count { y.data[i] *= scale[(i / p) % c] }
        return y
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor { scaled(x) }
    public mutating func backward(_ dy: Tensor) -> Tensor { scaled(dy) }
    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) { (scaled(x), scaled(rx)) }
    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (scaled(dy), scaled(rdy)) }
}
