import Foundation
import TableFormat

/// Training checkpoints in the safetensors format (readable by Python's `safetensors`).
///
/// Tensor names: parameters `<layer>.<param>` (e.g. `conv1.weight`, `fc1.bias`, `bn1.gamma`),
/// buffers `<layer>.running_mean` / `.running_var`, and the optimiser state in its own namespace
/// `optimizer.` (`optimizer.first.<param>`: SGD momentum or Adam m; `optimizer.second.<param>`:
/// Adam v; `optimizer.state.<name>`: a method's own state): every tensor outside `optimizer.` is
/// model state. Metadata (strings): `format`,
/// `model`, `input_shape`, `class_count`, `hidden`, `data`, `epoch`, `rng_state`,
/// `optimizer_step`, `config` (TrainConfig JSON); for a quantised (retrained) model also
/// `calibration` (JSON), `input_delta.<layer>` (Δx, decimal) and `provenance` (JSON). Files are
/// written atomically.
public enum TrainCheckpoint {
    public static let format = "axmul-netsim/1"

    /// What a checkpoint describes besides tensors.
    public struct Info: Sendable, Equatable {
        public var model: String
        public var inputShape: [Int]
        public var classCount: Int
        public var hidden: [Int]
        public var data: String
        /// Calibration settings and Δx per approximated layer (retrained models), reused by every
        /// command that evaluates the model approximately.
        public var quantisation: QuantisationRecord?
        /// Parent, multiplier and method of a retrained model.
        public var provenance: CheckpointProvenance?
        /// The run that wrote the checkpoint, compared whole on resume (`RunIdentity.checkResume`).
        public var identity: RunIdentity?
        /// A method's own state, saved as metadata keys as they are (e.g. `axtrain_gamma`).
        public var extra: [String: String] = [:]
        /// A method's own training-state tensors, saved as `optimizer.state.<name>` (outside the
        /// model's namespace, e.g. retraining's fixed baseline Err per layer).
        public var state: [String: Tensor] = [:]

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
        for name in info.state.keys.sorted() {
            if let v = info.state[name] { tensors.append((statePrefix + name, v.shape, v.data)) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]  // same state, same bytes
        let config = String(decoding: try encoder.encode(t.config), as: UTF8.self)
        var meta: [String: String] = [
            "format": format, "model": info.model, "input_shape": join(info.inputShape),
            "class_count": "\(info.classCount)", "hidden": join(info.hidden), "data": info.data,
            "epoch": "\(t.epoch)", "rng_state": "\(t.rng.state)", "optimizer_step": "\(t.optimizer.step)", "config": config,
        ]
        if let q = info.quantisation { meta.merge(try QuantisationMetadata.encode(q), uniquingKeysWith: { $1 }) }
        if let p = info.provenance { meta["provenance"] = String(decoding: try encoder.encode(p), as: UTF8.self) }
        if let r = info.identity { meta[RunIdentity.metadataKey] = String(decoding: try encoder.encode(r), as: UTF8.self) }
        meta.merge(info.extra, uniquingKeysWith: { old, _ in old })
        try SafeTensors.write(tensors, metadata: meta, to: url)
    }

    /// Builds the untrained architecture a checkpoint names (`info.model`), before its tensors are
    /// loaded into it; `metadata` is the checkpoint's, `seed` its training seed.
    public typealias Architecture = @Sendable (_ info: Info, _ metadata: [String: String], _ seed: UInt64) throws -> Network

    /// The zoo's architectures (`ModelZoo.build`); `Workflows.ModelSource.architecture(checkpoint:)` adds imported models.
    public static let zooArchitecture: Architecture = { info, _, seed in
        try ModelZoo.build(info.model, inputShape: info.inputShape, classCount: info.classCount, seed: seed,
                           options: .init(hidden: info.hidden))
    }

    /// Rebuilds the network and trainer state saved by `save`; `architecture` builds the network the
    /// checkpoint's `model` names.
    public static func load(from url: URL, architecture: Architecture = zooArchitecture) throws -> (trainer: Trainer, info: Info) {
        let (tensors, meta) = try SafeTensors.read(from: url)
        func need(_ key: String) throws -> String {
            guard let v = meta[key] else { throw ModelError.checkpoint(path: url.path, reason: "metadata key '\(key)' is missing") }
            return v
        }
        guard meta["format"] == format else {
            throw ModelError.checkpoint(path: url.path, reason: "format is '\(meta["format"] ?? "none")', expected '\(format)'")
        }
        var info = Info(model: try need("model"), inputShape: split(try need("input_shape")),
                        classCount: Int(try need("class_count")) ?? 0, hidden: split(meta["hidden"] ?? ""),
                        data: meta["data"] ?? "")
        info.quantisation = try QuantisationMetadata.decode(meta, path: url.path)
        if let p = meta["provenance"] {
            do { info.provenance = try JSONDecoder().decode(CheckpointProvenance.self, from: Data(p.utf8)) } catch {
                throw ModelError.checkpoint(path: url.path, reason: "metadata 'provenance': \(FoundationErrorText.line(error) ?? "not valid JSON")")
            }
        }
        if let r = meta[RunIdentity.metadataKey] {
            do { info.identity = try JSONDecoder().decode(RunIdentity.self, from: Data(r.utf8)) } catch {
                throw ModelError.checkpoint(path: url.path, reason: "metadata '\(RunIdentity.metadataKey)': \(FoundationErrorText.line(error) ?? "not valid JSON")")
            }
        }
        info.extra = meta.filter { !knownKeys.contains($0.key) && !$0.key.hasPrefix(QuantisationMetadata.deltaPrefix) }
        let config: TrainConfig
        do { config = try JSONDecoder().decode(TrainConfig.self, from: Data(try need("config").utf8)) } catch {
            throw ModelError.checkpoint(path: url.path, reason: "metadata 'config': \(FoundationErrorText.line(error) ?? "not valid JSON")")
        }
        try CheckpointMetadataCheck.check(model: info.model, inputShape: info.inputShape, classCount: info.classCount,
                                          hidden: info.hidden, tensors: tensors, path: url.path)
        var net = try architecture(info, meta, config.seed)
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
        for (name, t) in tensors where name.hasPrefix(statePrefix) {
            info.state[String(name.dropFirst(statePrefix.count))] = Tensor(shape: t.shape, data: t.values)
        }
        var buffers: [String: Tensor] = [:]
        for b in net.namedBuffers { if let t = tensors[b.name] { buffers[b.name] = Tensor(shape: t.shape, data: t.values) } }
        net.setBuffers(buffers)
        trainer.network = net
        trainer.epoch = Int(try need("epoch")) ?? 0
        trainer.rng = SplitMix64(seed: UInt64(try need("rng_state")) ?? 0)
        trainer.optimizer.step = Int(meta["optimizer_step"] ?? "0") ?? 0
        return (trainer, info)
    }

    /// Where `Info.state` tensors go, inside the optimiser namespace.
    static let statePrefix = "optimizer.state."

    /// The metadata keys this type writes itself; any other key is a method's `extra`.
    static let knownKeys: Set<String> = ["format", "model", "input_shape", "class_count", "hidden", "data", "epoch", "rng_state",
                                         "optimizer_step", "config", "calibration", "provenance",
                                         RunIdentity.metadataKey]

    static func join(_ xs: [Int]) -> String { xs.map(String.init).joined(separator: ",") }
    static func split(_ s: String) -> [Int] { s.split(separator: ",").compactMap { Int($0) } }
}
