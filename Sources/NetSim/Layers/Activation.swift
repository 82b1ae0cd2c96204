import Foundation

/// An element-wise non-linearity computed in Float (the imported models' LeakyRelu, Sigmoid, Tanh,
/// HardSigmoid, HardSwish and Gelu), with its first and second derivatives for backward and R passes.
public struct Activation: Layer {
    public enum Function: Sendable, Equatable {
        /// x ≥ 0 ? x : αx
        case leakyRelu(alpha: Float)
        /// 1 / (1 + e^−x)
        case sigmoid
        case tanh
        /// max(0, min(1, αx + β))
        case hardSigmoid(alpha: Float, beta: Float)
        /// x · max(0, min(1, x/6 + 1/2))
        case hardSwish
        /// x · Φ(x) = x/2 · (1 + erf(x/√2)) (ONNX Gelu, approximate "none")
        case gelu

        /// The ONNX op type.
        public var onnxName: String {
            switch self {
            case .leakyRelu: "LeakyRelu"
            case .sigmoid: "Sigmoid"
            case .tanh: "Tanh"
            case .hardSigmoid: "HardSigmoid"
            case .hardSwish: "HardSwish"
            case .gelu: "Gelu"
            }
        }

        /// (f(x), f′(x), f″(x)); piecewise-linear pieces have f″ = 0.
        func evaluate(_ x: Float) -> (Float, Float, Float) {
            switch self {
            case .leakyRelu(let a):
                return x >= 0 ? (x, 1, 0) : (a * x, a, 0)
            case .sigmoid:
                let s = x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
                return (s, s * (1 - s), s * (1 - s) * (1 - 2 * s))
            case .tanh:
                let t = Foundation.tanh(x)
                return (t, 1 - t * t, -2 * t * (1 - t * t))
            case .hardSigmoid(let a, let b):
                let v = a * x + b
                return v <= 0 ? (0, 0, 0) : v >= 1 ? (1, 0, 0) : (v, a, 0)
            case .hardSwish:
                return x <= -3 ? (0, 0, 0) : x >= 3 ? (x, 1, 0) : (x * (x + 3) / 6, (2 * x + 3) / 6, 1 / 3)
            case .gelu:   // Φ′ = φ(x) = e^(−x²/2)/√(2π); f′ = Φ + xφ, f″ = (2 − x²)φ
                let cdf = 0.5 * (1 + Foundation.erf(x * Float(0.5).squareRoot()))
                let pdf = Foundation.exp(-x * x / 2) / (2 * Float.pi).squareRoot()
                return (x * cdf, cdf + x * pdf, (2 - x * x) * pdf)
            }
        }
    }

    public var name: String
    public let function: Function
    public var kind: String { function.onnxName }
    /// f′ and f″ at the last input, and the last R{x} (for backwardR's f″·R{x}·dy term).
    private var slope: [Float] = [], curvature: [Float] = [], rInput: [Float] = []

    public init(_ name: String, _ function: Function) {
        self.name = name
        self.function = function
    }

    public func outputShape(for input: [Int]) throws -> [Int] { input }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        var y = x
        slope = [Float](repeating: 0, count: x.count)
        curvature = slope
        for i in 0..<x.count { (y.data[i], slope[i], curvature[i]) = function.evaluate(x.data[i]) }
        return y
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { scaled(dy, by: slope) }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        let y = forward(x, context: &context)
        rInput = rx.data
        return (y, scaled(rx, by: slope))
    }

    /// R{dx} = f′·R{dy} + f″·R{x}·dy.
    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        var rdx = scaled(rdy, by: slope)
        if rInput.count == dy.count { for i in 0..<dy.count { rdx.data[i] += curvature[i] * rInput[i] * dy.data[i] } }
        return (scaled(dy, by: slope), rdx)
    }

    private func scaled(_ t: Tensor, by s: [Float]) -> Tensor {
        precondition(t.count == s.count, "\(name): gradient of \(t.count) values for \(s.count) inputs")
        var out = t
        for i in 0..<out.count { out.data[i] *= s[i] }
        return out
    }
}
