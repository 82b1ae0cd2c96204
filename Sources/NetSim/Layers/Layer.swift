/// Whether a forward pass trains (batch statistics, dropout active) or evaluates.
public enum Mode: String, Sendable, Codable { case train, eval }

/// Per-pass state a layer may need: the mode and a seeded generator (dropout masks).
public struct ForwardContext: Sendable {
    public var mode: Mode
    public var rng: SplitMix64
    /// No backward follows this forward (inference only): layers may skip keeping what only backward
    /// reads (the 8-bit layers' dequantised inputs). Outputs are the same either way.
    public var inferenceOnly: Bool
    public init(mode: Mode, rng: SplitMix64 = SplitMix64(seed: 0), inferenceOnly: Bool = false) {
        self.mode = mode
        self.rng = rng
        self.inferenceOnly = inferenceOnly
    }
}

/// A trainable tensor with its gradient, and, for Hessian-vector products, a direction `v`
/// and the R-gradient R{∂L/∂w} = H·v.
public struct Parameter: Sendable {
    /// Local name, e.g. "weight"; the network prefixes the layer name.
    public var name: String
    public var value: Tensor
    public var grad: Tensor
    /// The HVP direction for this tensor (nil = zero).
    public var direction: Tensor?
    /// H·v for this tensor after `Network.hessianVectorProduct`.
    public var rGrad: Tensor?

    public init(_ name: String, _ value: Tensor) {
        self.name = name
        self.value = value
        self.grad = value.zerosLike()
    }
}

/// One layer of a network: forward, backward and R-operator passes side by side.
///
/// `forward` caches what `backward` needs; `backward` accumulates parameter gradients and
/// returns the input gradient. `forwardR`/`backwardR` implement Pearlmutter's R-operator:
/// they propagate R{x} = directional derivative along the parameter directions.
public protocol Layer: Sendable {
    /// Unique name within the network, used for checkpoint tensor names.
    var name: String { get set }
    /// Layer type, e.g. "Conv2D".
    var kind: String { get }
    /// Trainable tensors.
    var parameters: [Parameter] { get set }
    /// Non-trainable state saved in checkpoints (BatchNorm running statistics).
    var buffers: [(name: String, value: Tensor)] { get set }
    /// Per-sample output shape for a per-sample input shape; throws on mismatch.
    func outputShape(for input: [Int]) throws -> [Int]
    /// Multiply-accumulates per sample for a per-sample input shape.
    func macs(for input: [Int]) -> Int
    mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor
    mutating func backward(_ dy: Tensor) -> Tensor
    /// Accumulates parameter gradients only (the layer reads the network input, whose
    /// gradient nobody needs); defaults to `backward`.
    mutating func backwardParameters(_ dy: Tensor)
    /// Forward pass that also returns R{y} given R{x}; uses `Parameter.direction`.
    mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor)
    /// Backward pass that also returns R{dx} and stores R{dW} in `Parameter.rGrad`.
    mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor)
}

public extension Layer {
    var parameters: [Parameter] {
        get { [] }
        set {}
    }
    var buffers: [(name: String, value: Tensor)] {
        get { [] }
        set {}
    }
    func macs(for input: [Int]) -> Int { 0 }
    mutating func backwardParameters(_ dy: Tensor) { _ = backward(dy) }
}

extension Parameter {
    /// The direction, or zeros.
    var directionOrZero: Tensor { direction ?? value.zerosLike() }
}
