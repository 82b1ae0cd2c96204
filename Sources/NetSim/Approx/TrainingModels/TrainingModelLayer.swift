/// A training-time model of a multiplier: a small layer around an `ApproxLayer` (`base`) with its
/// own forward and backward. In training-mode forwards with `base.compute == .approximate` it runs
/// its model in place of the behavioural simulation; otherwise it is `base` unchanged. The models:
/// `ErrorModelLayer` (neuron-wise error model), `BaselineLayer` (W ⊙ Err), `AWGNLayer`. The
/// behavioural model is `base` itself, unwrapped. `ErrorStatsLayer` (statistics collection)
/// conforms too, so `ApproxNetwork` finds every approximate layer through one protocol.
///
/// What a model keeps between its forward and its backward is only what that forward drew (like
/// any layer's cache): a second forward replaces it and never touches the weights.
public protocol TrainingModelLayer: Layer {
    var base: ApproxLayer { get set }
}

public extension TrainingModelLayer {
    var name: String {
        get { base.name }
        set { base.name = newValue }
    }
    var kind: String { base.kind }
    var parameters: [Parameter] {
        get { base.parameters }
        set { base.parameters = newValue }
    }
    var buffers: [(name: String, value: Tensor)] {
        get { base.buffers }
        set { base.buffers = newValue }
    }
    func outputShape(for input: [Int]) throws -> [Int] { try base.outputShape(for: input) }
    func macs(for input: [Int]) -> Int { base.macs(for: input) }

    /// Whether a forward in `context` runs the model (else it is the behavioural/float layer).
    func models(_ context: ForwardContext) -> Bool { context.mode == .train && base.compute == .approximate }

    mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        throw ModelError.noROperator(layer: name, reason: "training models of a multiplier have no R-operator")
    }

    mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        throw ModelError.noROperator(layer: name, reason: "training models of a multiplier have no R-operator")
    }
}
