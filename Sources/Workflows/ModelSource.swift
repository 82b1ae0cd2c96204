import Foundation
import NetSim
import ONNX

/// The one route by which a model enters a command: a zoo name, a training checkpoint, or an `.onnx`
/// file (imported; see docs/onnx.md), with where it came from. A checkpoint of an imported model
/// records the `.onnx` path as its `model`, and loading it re-imports that file (refused if the file
/// changed), so every checkpoint loads through `checkpoint(_:)`.
public enum ModelSource {
    /// Where an opened model came from.
    public enum Origin: Sendable, Equatable {
        /// A training checkpoint (`axmul train`, `retrain`, …) at this path.
        case checkpoint(path: String)
        /// An `.onnx` file imported as it is (absolute path, FNV-1a 64 content hash).
        case onnx(path: String, hash: String)
    }

    /// A trained model ready to evaluate, retrain or export.
    public struct Opened {
        public var network: Network
        public var info: TrainCheckpoint.Info
        public var trainer: Trainer
        public var origin: Origin
    }

    /// Whether `spec` names an ONNX file (by its extension, as the docs state).
    public static func isONNX(_ spec: String) -> Bool { ONNXImporter.isONNXModel(spec) }

    /// A trained model: an `.onnx` file (with `preprocessing` overriding its metadata's) or a checkpoint.
    public static func open(_ spec: String, preprocessing: ONNXPreprocessing? = nil) throws -> Opened {
        if isONNX(spec) {
            let url = URL(fileURLWithPath: spec).standardizedFileURL
            let imported = try ONNXImporter.load(contentsOf: url, options: .init(preprocessing: preprocessing))
            var info = TrainCheckpoint.Info(model: url.path, inputShape: imported.inputShape, classCount: imported.classCount,
                                            hidden: [], data: "")
            info.extra = try ImportedModelProvenance(imported, explicitPreprocessing: preprocessing != nil).metadata()
            return Opened(network: imported.network, info: info, trainer: Trainer(network: imported.network, config: TrainConfig()),
                          origin: .onnx(path: url.path, hash: imported.contentHash))
        }
        let (trainer, info) = try checkpoint(URL(fileURLWithPath: spec))
        return Opened(network: trainer.network, info: info, trainer: trainer, origin: .checkpoint(path: spec))
    }

    /// The network and training state of a checkpoint written by any command (an imported model's
    /// provenance in its one-key form, even when the checkpoint has the older loose keys).
    public static func checkpoint(_ url: URL) throws -> (trainer: Trainer, info: TrainCheckpoint.Info) {
        var (trainer, info) = try TrainCheckpoint.load(from: url, architecture: architecture(checkpoint: url.path))
        info.extra = try ImportedModelProvenance.upgrading(info.extra, file: url.path)
        return (trainer, info)
    }

    /// The architecture the checkpoint at `path` names: an imported `.onnx` file, else a zoo model.
    public static func architecture(checkpoint path: String) -> TrainCheckpoint.Architecture {
        { info, metadata, seed in
            isONNX(info.model)
                ? try ONNXImporter.architecture(model: info.model, provenance: ImportedModelProvenance.read(metadata, file: path))
                : try TrainCheckpoint.zooArchitecture(info, metadata, seed)
        }
    }

    /// A model to train from the start: a zoo model initialised from `seed`, or an `.onnx` file's
    /// graph and weights (which must take the data's input shape and classes).
    public static func fresh(_ spec: String, inputShape: [Int], classCount: Int, seed: UInt64,
                             options: ModelZoo.Options = .init(), preprocessing: ONNXPreprocessing? = nil) throws -> Network {
        guard isONNX(spec) else {
            return try ModelZoo.build(spec, inputShape: inputShape, classCount: classCount, seed: seed, options: options)
        }
        let net = try ONNXImporter.architecture(model: spec, provenance: ImportedModelProvenance(preprocessing: preprocessing))
        let outputs = try net.summary().last?.outputShape.reduce(1, *)
        guard net.inputShape == inputShape, outputs == classCount else {
            throw ModelError.invalidArgument(what: "model \(spec)", value: "input \(net.inputShape), \(outputs ?? 0) outputs",
                                             rule: "the data needs input \(inputShape) and \(classCount) outputs")
        }
        return net
    }

    /// Checkpoint metadata that makes `architecture` apply explicit preprocessing (empty without it):
    /// `ImportedModelProvenance` without a hash (a run that trains from the file does not record it).
    public static func checkpointMetadata(_ preprocessing: ONNXPreprocessing?) throws -> [String: String] {
        try preprocessing.map { try ImportedModelProvenance(preprocessing: $0).metadata() } ?? [:]
    }
}

extension ModelSource {
    /// A network for `spec` on data of this shape: a zoo name that is not also a file gives a fresh
    /// model from `seed`; a checkpoint or an `.onnx` file gives its trained network.
    public static func network(_ spec: String, inputShape: [Int], classCount: Int, seed: UInt64,
                               preprocessing: ONNXPreprocessing? = nil) throws -> Network {
        if ModelZoo.names.contains(spec) && !FileManager.default.fileExists(atPath: spec) {
            return try fresh(spec, inputShape: inputShape, classCount: classCount, seed: seed)
        }
        return try open(spec, preprocessing: preprocessing).network
    }
}
