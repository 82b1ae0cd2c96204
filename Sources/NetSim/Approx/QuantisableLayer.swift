/// A layer whose forward product runs through a swappable `MatMulEngine`: Dense and Conv2D
/// (depthwise included). `ApproxLayer` wraps these.
public protocol QuantisableLayer: Layer {
    var engine: any MatMulEngine { get set }
    /// Which GEMM operand the layer passes its activations in.
    var activationOperand: QuantisedEngine.ActivationOperand { get }
    /// Output channels (rows of the weight tensor), for per-channel weight steps.
    var outputChannels: Int { get }
}

extension Dense: QuantisableLayer {
    public var activationOperand: QuantisedEngine.ActivationOperand { .a }
    public var outputChannels: Int { outFeatures }
}

extension Conv2D: QuantisableLayer {
    public var activationOperand: QuantisedEngine.ActivationOperand { .b }
    public var outputChannels: Int { outChannels }
}
