/// A layer around one `WeightedLayer` that presents it as itself: the name, kind, parameters,
/// buffers, shapes and MACs are the inner layer's, so checkpoints and optimisers see the plain
/// layer. Conformers add only their own forward and backward (`PassiveLayer`, `WeightErrorLayer`).
public protocol WeightedLayerWrapper: Layer {
    var inner: any WeightedLayer { get set }
}

public extension WeightedLayerWrapper {
    var name: String {
        get { inner.name }
        set { inner.name = newValue }
    }
    var kind: String { inner.kind }
    var parameters: [Parameter] {
        get { inner.parameters }
        set { inner.parameters = newValue }
    }
    var buffers: [(name: String, value: Tensor)] {
        get { inner.buffers }
        set { inner.buffers = newValue }
    }
    func outputShape(for input: [Int]) throws -> [Int] { try inner.outputShape(for: input) }
    func macs(for input: [Int]) -> Int { inner.macs(for: input) }
}
