import Foundation

/// Training checkpoints in the safetensors format (readable by Python's `safetensors`).
///
/// Tensor names: parameters `<layer>.<param>` (e.g. `conv1.weight`, `fc1.bias`, `bn1.gamma`),
/// buffers `<layer>.running_mean` / `.running_var`, optimiser state `optimizer.first.<param>`
/// (SGD momentum or Adam m) and `optimizer.second.<param>` (Adam v). Metadata (strings):
/// `format`, `model`, `input_shape`, `class_count`, `hidden`, `data`, `epoch`, `rng_state`,
/// `optimizer_step`, `config` (TrainConfig JSON). Files are written atomically.
public enum TrainCheckpoint {
    public static let format = "axmul-netsim/1"

    /// What a checkpoint describes besides tensors.
    public struct Info: Sendable, Equatable {
        public var model: String
        public var inputShape: [Int]
        public var classCount: Int
        public var hidden: [Int]
        public var data: String

        public init(model: String, inputShape: [Int], classCount: Int, hidden: [Int], data: String) {
            (self.model, self.inputShape, self.classCount, self.hidden, self.data) = (model, inputShape, classCount, hidden, data)
        }
    }

    /// Saves weights, buffers, optimiser state, epoch and RNG state.
    public static func save(_ t: Trainer, info: Info, to url: URL) throws {
        var tensors: [(name: String, shape: [Int], values: [Float])] = []
        let params = t.network.namedParameters
        for p in params { tensors.append((p.name, p.value.shape, p.value.data)) }
        for b in t.network.namedBuffers { tensors.append((b.name, b.value.shape, b.value.data)) }
        for (k, p) in params.enumerated() {
            if k < t.optimizer.first.count { tensors.append(("optimizer.first.\(p.name)", p.value.shape, t.optimizer.first[k].data)) }
            if k < t.optimizer.second.count, t.optimizer.second[k].count == p.value.count {
                tensors.append(("optimizer.second.\(p.name)", p.value.shape, t.optimizer.second[k].data))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // same state, same bytes
        let config = String(decoding: try encoder.encode(t.config), as: UTF8.self)
        let meta: [String: String] = [
            "format": format, "model": info.model, "input_shape": join(info.inputShape),
            "class_count": "\(info.classCount)", "hidden": join(info.hidden), "data": info.data,
            "epoch": "\(t.epoch)", "rng_state": "\(t.rng.state)", "optimizer_step": "\(t.optimizer.step)", "config": config,
        ]
        try SafeTensors.write(tensors, metadata: meta, to: url)
    }

    /// Rebuilds the network and trainer state saved by `save`.
    public static func load(from url: URL) throws -> (trainer: Trainer, info: Info) {
        let (tensors, meta) = try SafeTensors.read(from: url)
        func need(_ key: String) throws -> String {
            guard let v = meta[key] else { throw ModelError.checkpoint(path: url.path, reason: "metadata key '\(key)' is missing") }
            return v
        }
        guard meta["format"] == format else {
            throw ModelError.checkpoint(path: url.path, reason: "format is '\(meta["format"] ?? "none")', expected '\(format)'")
        }
        let info = Info(model: try need("model"), inputShape: split(try need("input_shape")),
                        classCount: Int(try need("class_count")) ?? 0, hidden: split(meta["hidden"] ?? ""),
                        data: meta["data"] ?? "")
        let config = try JSONDecoder().decode(TrainConfig.self, from: Data(try need("config").utf8))
        try CheckpointMetadataCheck.check(model: info.model, inputShape: info.inputShape, classCount: info.classCount,
                                          hidden: info.hidden, tensors: tensors, path: url.path)
        var net = try ModelZoo.build(info.model, inputShape: info.inputShape, classCount: info.classCount,
                                     seed: config.seed, options: .init(hidden: info.hidden))
        var trainer = Trainer(network: net, config: config)
        var values: [Tensor] = []
        for p in net.namedParameters {
            guard let t = tensors[p.name], t.shape == p.value.shape else {
                throw ModelError.checkpoint(path: url.path, reason: "tensor '\(p.name)' with shape \(p.value.shape) is missing or has another shape")
            }
            values.append(Tensor(shape: t.shape, data: t.values))
            if let m = tensors["optimizer.first.\(p.name)"] { trainer.optimizer.first.append(Tensor(shape: m.shape, data: m.values)) }
            if let v = tensors["optimizer.second.\(p.name)"] {
                trainer.optimizer.second.append(Tensor(shape: v.shape, data: v.values))
            } else if !trainer.optimizer.first.isEmpty {
                trainer.optimizer.second.append(Tensor(shape: [0]))
            }
        }
        if trainer.optimizer.first.count != values.count { trainer.optimizer.first = []; trainer.optimizer.second = [] }
        net.setParameters(values)
        var buffers: [String: Tensor] = [:]
        for b in net.namedBuffers { if let t = tensors[b.name] { buffers[b.name] = Tensor(shape: t.shape, data: t.values) } }
        net.setBuffers(buffers)
        trainer.network = net
        trainer.epoch = Int(try need("epoch")) ?? 0
        trainer.rng = SplitMix64(seed: UInt64(try need("rng_state")) ?? 0)
        trainer.optimizer.step = Int(meta["optimizer_step"] ?? "0") ?? 0
        return (trainer, info)
    }

    static func join(_ xs: [Int]) -> String { xs.map(String.init).joined(separator: ",") }
    static func split(_ s: String) -> [Int] { s.split(separator: ",").compactMap { Int($0) } }
}
