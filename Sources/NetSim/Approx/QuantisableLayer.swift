/// A float layer that can also run its forward product on 8-bit codes: Dense and Conv2D
/// (depthwise included). `ApproxLayer` wraps these; the layers themselves know nothing of it.
public protocol QuantisableLayer: WeightedLayer {
    /// The 8-bit forward: y = Float(Σ P(x, w)) · (Δx·Δw[o]) + b[o], the sum through `engine` on the
    /// codes of `x` and of `weight` under `scale`. Keeps the dequantised input for backward, so
    /// backward is that of the float layer on Zq (the straight-through gradient, eq. 13).
    /// `scratch` is Int8 storage the caller keeps from step to step (the conv's code columns).
    /// `keepInput: false` (inference only, no backward follows) skips keeping the dequantised input.
    mutating func forward(_ x: QuantisedInput, weight: [Float], scale: QuantScale, engine: QuantisedEngine,
                          scratch: inout [Int8], keepInput: Bool) -> Tensor
}

extension QuantisableLayer {
    /// The 8-bit forward keeping the dequantised input for backward.
    public mutating func forward(_ x: QuantisedInput, weight: [Float], scale: QuantScale, engine: QuantisedEngine,
                                 scratch: inout [Int8]) -> Tensor {
        forward(x, weight: weight, scale: scale, engine: engine, scratch: &scratch, keepInput: true)
    }
}
