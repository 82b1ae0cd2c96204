/// Small network helpers AxTrain needs: adding a scaled extra gradient to the accumulated one.
public extension Network {
    /// grad += scale · extra, for every parameter (extra in `namedParameters` order).
    mutating func addToGradients(_ extra: [Tensor], scale: Float) {
        var k = 0
        for i in nodes.indices {
            for p in nodes[i].layer.parameters.indices {
                nodes[i].layer.parameters[p].grad.add(extra[k], scaledBy: scale)
                k += 1
            }
        }
    }
}
