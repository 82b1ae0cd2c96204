extension Trainer {
    /// The network's outputs for every sample of `data`, in the data's order: [N, outputs] row-major,
    /// batches run as `evaluate` runs them (eval mode, one per core, results in batch order).
    public static func logits(_ network: Network, on data: LabeledData, batchSize: Int = 256) -> Tensor {
        let starts = Array(stride(from: 0, to: data.count, by: max(1, batchSize)))
        let perBatch = Parallel.map(starts.count, state: network) { net, b in
            let (x, _) = batch(data, Array(starts[b]..<min(starts[b] + batchSize, data.count)))
            var ctx = ForwardContext(mode: .eval, inferenceOnly: true)
            return net.forward(x, context: &ctx)
        }
        let width = perBatch.first?.itemSize ?? 0
        return Tensor(shape: [data.count, width], data: perBatch.flatMap(\.data))
    }
}
