/// A layer y = W ⋆ x (+ b) whose first parameter is its weight W: Dense, Conv2D, and the layers
/// that wrap them (the 8-bit `ApproxLayer`).
///
/// The weight-explicit passes let a caller compute with another weight of the same shape (a noisy,
/// perturbed or quantised copy) without writing it into the parameter, so nothing has to be
/// restored afterwards and a second forward cannot lose the clean weight. Gradients still
/// accumulate into the stored parameters' `grad`.
public protocol WeightedLayer: Layer {
    /// Rows of the weight tensor: output features (Dense) or output channels (Conv2D).
    var outputChannels: Int { get }
    /// Forward with `weight` in place of the stored weight (same element count).
    mutating func forward(_ x: Tensor, weight: [Float], context: inout ForwardContext) -> Tensor
    /// Backward with `weight` in place of the stored weight: dx is computed from `weight`; dW is
    /// ∂L/∂(the weight the forward used), accumulated into `parameters[0].grad`.
    mutating func backward(_ dy: Tensor, weight: [Float]) -> Tensor
}

public extension WeightedLayer {
    /// The stored weight W (`parameters[0]`).
    var weight: Tensor { parameters[0].value }
}
