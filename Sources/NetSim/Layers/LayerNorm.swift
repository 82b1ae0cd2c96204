/// Layer normalisation over the last per-sample axis (F values): y = γ·(x − μ)/√(σ² + ε) + β with μ, σ² the
/// mean and (biased) variance of each row of F, as ONNX LayerNormalization with axis −1 computes it
/// (ConvNeXt normalises each pixel's channels this way, channels last). Float; γ and β train.
public struct LayerNorm: Layer {
    public var name: String
    public var kind: String { "LayerNorm" }
    public let features: Int
    public let epsilon: Float
    /// [γ, β], each [F].
    public var parameters: [Parameter]
    /// x̂ and 1/√(σ² + ε) per row of the last forward, for backward.
    private var normalised: [Float] = [], inverseStd: [Float] = []

    public init(_ name: String, features: Int, epsilon: Float) {
        (self.name, self.features, self.epsilon) = (name, features, epsilon)
        parameters = [Parameter("weight", Tensor(shape: [features], repeating: 1)), Parameter("bias", Tensor(shape: [features]))]
    }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard input.last == features else { throw ModelError.shapeMismatch(layer: name, expected: "[…, \(features)]", found: input) }
        return input
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        let f = features, rows = x.count / f, g = parameters[0].value.data, b = parameters[1].value.data
        var y = x
        normalised = [Float](repeating: 0, count: x.count)
        inverseStd = [Float](repeating: 0, count: rows)
        for r in 0..<rows {
            var mean: Float = 0
            for i in 0..<f { mean += x.data[r * f + i] }
            mean /= Float(f)
            var variance: Float = 0
            for i in 0..<f { let d = x.data[r * f + i] - mean; variance += d * d }
            variance /= Float(f)
            let inv = 1 / (variance + epsilon).squareRoot()
            inverseStd[r] = inv
            for i in 0..<f {
                let n = (x.data[r * f + i] - mean) * inv
                normalised[r * f + i] = n
                y.data[r * f + i] = n * g[i] + b[i]
            }
        }
        return y
    }

    /// dx = (1/σ)·(d − mean(d) − x̂·mean(d·x̂)) per row, d = γ·dy; dγ += Σ dy·x̂, dβ += Σ dy.
    public mutating func backward(_ dy: Tensor) -> Tensor {
        let f = features, rows = dy.count / f, g = parameters[0].value.data
        var dx = dy
        for r in 0..<rows {
            var meanD: Float = 0, meanDN: Float = 0
            for i in 0..<f {
                let d = dy.data[r * f + i] * g[i], n = normalised[r * f + i]
                meanD += d
                meanDN += d * n
                parameters[0].grad.data[i] += dy.data[r * f + i] * n
                parameters[1].grad.data[i] += dy.data[r * f + i]
            }
            meanD /= Float(f)
            meanDN /= Float(f)
            for i in 0..<f {
                let d = dy.data[r * f + i] * g[i]
                dx.data[r * f + i] = inverseStd[r] * (d - meanD - normalised[r * f + i] * meanDN)
            }
        }
        return dx
    }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        throw ModelError.noROperator(layer: name, reason: "LayerNorm has no second-order pass yet")
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        throw ModelError.noROperator(layer: name, reason: "LayerNorm has no second-order pass yet")
    }
}
