/// A dense Float32 tensor stored row-major.
///
/// Layout convention throughout NetSim: activations are NCHW (batch, channels, height, width) for
/// images and NF (batch, features) for vectors; Dense weights are [out, in]; Conv2D weights are
/// [outChannels, inChannels / groups, kernelH, kernelW].
public struct Tensor: Sendable, Equatable {
    /// Extent of each dimension, outermost first.
    public var shape: [Int]
    /// The elements, row-major; `data.count == shape.reduce(1, *)`.
    public var data: [Float]

    /// A tensor of the given shape filled with `value`.
    public init(shape: [Int], repeating value: Float = 0) {
        self.shape = shape
        self.data = [Float](repeating: value, count: shape.reduce(1, *))
    }

    /// A tensor that wraps `data`; the element count must match the shape.
    public init(shape: [Int], data: [Float]) {
        precondition(shape.reduce(1, *) == data.count, "Tensor: \(data.count) values for shape \(shape)")
        self.shape = shape
        self.data = data
    }

    /// Number of elements.
    public var count: Int { data.count }
    /// Size of the first dimension (the batch for activations).
    public var batch: Int { shape.first ?? 1 }
    /// Elements per batch item.
    public var itemSize: Int { shape.count <= 1 ? 1 : shape.dropFirst().reduce(1, *) }

    /// The same data viewed with a different shape of equal element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, data: data)
    }

    /// A zero tensor with the same shape.
    public func zerosLike() -> Tensor { Tensor(shape: shape) }

    /// Element-wise in-place `self += alpha * other`.
    public mutating func add(_ other: Tensor, scaledBy alpha: Float = 1) {
        precondition(other.count == count, "Tensor.add: shape \(other.shape) vs \(shape)")
        other.data.withUnsafeBufferPointer { o in
            data.withUnsafeMutableBufferPointer { d in
                for i in 0..<d.count { d[i] += alpha * o[i] }
            }
        }
    }

    /// Sum of element-wise products, accumulated in Double.
    public func dot(_ other: Tensor) -> Double {
        precondition(other.count == count, "Tensor.dot: shape \(other.shape) vs \(shape)")
        var s = 0.0
        for i in 0..<count { s += Double(data[i]) * Double(other.data[i]) }
        return s
    }
}
