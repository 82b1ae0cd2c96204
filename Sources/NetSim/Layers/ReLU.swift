import CKernels

/// Rectified linear unit, y = max(x, 0). Its derivative at 0 is taken as 0.
public struct ReLU: Layer {
    public var name: String
    public var kind: String { "ReLU" }
    /// The last output: y > 0 exactly where x > 0, so it doubles as the derivative mask.
    private var output: [Float] = []

    public init(_ name: String) { self.name = name }

    public func outputShape(for input: [Int]) throws -> [Int] { input }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        PhaseClock.measure(.relu) { forwardBody(x) }
    }

    private mutating func forwardBody(_ x: Tensor) -> Tensor {
        let y = x.data.withUnsafeBufferPointer { xs in
            [Float](unsafeUninitializedCapacity: xs.count) { ys, done in
                if let src = xs.baseAddress, let dst = ys.baseAddress { ck_relu(src, xs.count, dst) }
                done = xs.count
            }
        }
        output = y
        return Tensor(shape: x.shape, data: y)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { PhaseClock.measure(.relu) { masked(dy) } }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        let y = forward(x, context: &context)
        return (y, masked(rx))
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        (masked(dy), masked(rdy))
    }

    /// t where the last output was positive, else 0.
    private func masked(_ t: Tensor) -> Tensor {
        precondition(t.count == output.count, "\(name): gradient of \(t.count) values for \(output.count) outputs")
        let data = t.data.withUnsafeBufferPointer { ts in
            output.withUnsafeBufferPointer { ys in
                [Float](unsafeUninitializedCapacity: ts.count) { out, done in
                    if let t = ts.baseAddress, let y = ys.baseAddress, let o = out.baseAddress { ck_relu_mask(y, t, ts.count, o) }
                    done = ts.count
                }
            }
        }
        return Tensor(shape: t.shape, data: data)
    }
}

/// Flattens each sample to a vector: [N, ...] → [N, prod(...)].
public struct Flatten: Layer {
    public var name: String
    public var kind: String { "Flatten" }
    private var inputShape: [Int] = []

    public init(_ name: String) { self.name = name }

    public func outputShape(for input: [Int]) throws -> [Int] { [input.reduce(1, *)] }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        inputShape = x.shape
        return x.reshaped([x.batch, x.itemSize])
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { dy.reshaped(inputShape) }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        (forward(x, context: &context), rx.reshaped([x.batch, x.itemSize]))
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        (dy.reshaped(inputShape), rdy.reshaped(inputShape))
    }
}

/// Identity layer whose node sums several inputs: the residual Add (y = a + b).
/// The network feeds a node with several inputs their element-wise sum.
public struct Add: Layer {
    public var name: String
    public var kind: String { "Add" }

    public init(_ name: String) { self.name = name }

    public func outputShape(for input: [Int]) throws -> [Int] { input }
    public func macs(for input: [Int]) -> Int { 0 }
    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor { x }
    public mutating func backward(_ dy: Tensor) -> Tensor { dy }
    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) { (x, rx) }
    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (dy, rdy) }
}

/// Inverted dropout: in train mode zeroes each element with probability `rate` and scales the
/// rest by 1/(1-rate); identity in eval mode. Masks come from the pass's seeded generator.
public struct Dropout: Layer {
    public var name: String
    public var kind: String { "Dropout" }
    public let rate: Float
    private var scale: [Float] = []

    public init(_ name: String, rate: Float) {
        precondition(rate >= 0 && rate < 1, "Dropout rate must be in [0, 1)")
        self.name = name
        self.rate = rate
    }

    public func outputShape(for input: [Int]) throws -> [Int] { input }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        guard context.mode == .train, rate > 0 else {
            scale = []
            return x
        }
        let keep = 1 / (1 - rate)
        scale = (0..<x.count).map { _ in context.rng.nextUniform() < rate ? 0 : keep }
        return scaled(x)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { scaled(dy) }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        (forward(x, context: &context), scaled(rx))
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (scaled(dy), scaled(rdy)) }

    private func scaled(_ t: Tensor) -> Tensor {
        guard !scale.isEmpty else { return t }
        var out = t
        for i in 0..<out.count { out.data[i] *= scale[i] }
        return out
    }
}
