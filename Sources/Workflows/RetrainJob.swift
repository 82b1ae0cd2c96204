import Foundation
import NetSim
import ONNX
import Records
import TableFormat

/// `axmul retrain` as a value: a trained model retrained for an approximate multiplier with one of
/// the paper's methods, checkpointed after each epoch (resumable), its result written next to the
/// checkpoint as `<output>.retrain.json`.
public struct RetrainJob {
    /// The multipliers and how they were named (the checkpoint's provenance records the names).
    public struct Multipliers {
        public var assignment: MultiplierAssignment
        /// The default multiplier's argument, and each per-layer override's (layer → argument).
        public var spec: String
        public var layerSpecs: [String: String]
        public init(assignment: MultiplierAssignment, spec: String, layerSpecs: [String: String]) {
            (self.assignment, self.spec, self.layerSpecs) = (assignment, spec, layerSpecs)
        }
    }

    public var model: String
    public var preprocessing: ONNXPreprocessing?
    public var data: String
    /// Retrain on the first N training samples only (nil: all).
    public var trainLimit: Int?
    public var subset: DataSubset
    public var multipliers: Multipliers
    public var config: RetrainConfig
    /// Error statistics from `axmul errormodel build` (errormodel method); built on the fly if nil.
    public var errorModel: String?
    public var output: URL
    public var log: URL
    public var resume: Bool
    /// `--max-grad-norm` given on this run (with `resume`, it overrides the checkpoint's).
    public var maxGradNormGiven: Bool

    public init(model: String, preprocessing: ONNXPreprocessing?, data: String, trainLimit: Int?, subset: DataSubset,
                multipliers: Multipliers, config: RetrainConfig, errorModel: String?, output: URL, log: URL?, resume: Bool) {
        (self.model, self.preprocessing, self.data, self.trainLimit, self.subset) = (model, preprocessing, data, trainLimit, subset)
        (self.multipliers, self.config, self.errorModel, self.output) = (multipliers, config, errorModel, output)
        self.log = log ?? URL(fileURLWithPath: output.path + ".log.jsonl")
        (self.resume, self.maxGradNormGiven) = (resume, config.maxGradNorm != nil)
    }

    /// Retrains (or continues) and returns the result it also wrote; `context.say` receives each epoch's line.
    public func run(context: ExecutionContext) throws -> RetrainReport {
        try context.withWorkers {
            let say = context.say
            try OutputFile.checkTarget(output.path)
            let lock = try OutputFile.Lock(for: output.path)   // one writer per checkpoint
            defer { lock.release() }
            let loaded = try ModelSource.open(model, preprocessing: preprocessing)
            let loadedData = try ModelData.load(data, for: loaded.info, modelPath: model, allowTestOnly: false)
            let data = (train: loadedData.train.prefix(trainLimit), test: subset.test(loadedData.test))
            try LayerAssignmentCheck.check(overrides: Array(multipliers.layerSpecs.keys),
                                           layers: LayerAssignmentCheck.multiplyingLayers(of: loaded.network), model: model)
            var config = self.config
            let calibration = subset.calibration(data.train, options: &config.quant)
            let stats = try errorModel.map { path throws in try ErrorModelFile.read(path) }
            let provenance = try self.provenance()
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            var prepared = try Retrainer.prepare(loaded.network, train: data.train, test: data.test, assignment: multipliers.assignment,
                                                 config: config, errorModel: stats, calibration: calibration, progress: context.report, log: say)
            var info = loaded.info
            if info.data.isEmpty { info.data = ModelData.provenance(self.data) }  // an imported .onnx names no data set
            info.extra[ModelData.hashKey] = LabeledData.contentHash([data.train, data.test])
            info.quantisation = ApproxNetwork.record(prepared.trainer.network, options: config.quant)
            info.provenance = provenance
            info.identity = identity(provenance, quant: config.quant, trainHash: LabeledData.contentHash([data.train]))
            let folds = config.quant.foldBatchNorm && !BatchNormFolding.pairs(loaded.network).isEmpty
            let original = folds ? loaded.network : nil   // saved unfolded (loadable architecture)
            var session = try resume ? resumed(&prepared.trainer, info.identity, folded: folds, say: say)
                : TrainingSession.fresh(checkpoint: output, log: log)
            var seconds = try TrainingLog.records(at: log).map(\.seconds)
            try session.run(&prepared.trainer, phases: [Retrainer.phase(train: data.train, test: data.test, config: config, progress: context.epochProgress)],
                            save: { t, url in try Self.save(t, info: info, original: original, to: url) }, done: { _, r in
                seconds.append(r.seconds)
                say(Retrainer.epochLine(r, config))
            })
            if prepared.trainer.epoch == 0 { try Self.save(prepared.trainer, info: info, original: original, to: output) }   // --epochs 0
            let report = Retrainer.finish(prepared, test: data.test, assignment: multipliers.assignment, config: config,
                                          epochSeconds: seconds, progress: context.report, log: say)
            try OutputFile.write(try RecordJSON.encode(report), to: Self.resultURL(output))
            return report
        }
    }

    /// `<output without extension>.retrain.json` next to the checkpoint: the `--json` object, which
    /// `axmul report` shows.
    public static func resultURL(_ output: URL) -> URL {
        output.deletingPathExtension().appendingPathExtension("retrain.json")
    }

    /// The float weights (wrappers removed; with batch norm folded, put back into the `original`
    /// architecture by `BatchNormFolding.unfold`, the optimiser's moments kept as state under the
    /// folded parameters' names, see `FoldedTrainingState`), the training state and the method's own state.
    static func save(_ trainer: Trainer, info: TrainCheckpoint.Info, original: Network? = nil, to url: URL) throws {
        var plain = trainer, saved = info
        let network = ApproxNetwork.unwrap(trainer.network)
        plain.network = original.map { BatchNormFolding.unfold(network, into: $0) } ?? network
        saved.state = Retrainer.methodState(trainer.network)
        if original != nil {   // the moments belong to the folded parameters
            (plain.optimizer.first, plain.optimizer.second) = ([], [])
            saved.state.merge(FoldedTrainingState.state(of: trainer), uniquingKeysWith: { a, _ in a })
        }
        try TrainCheckpoint.save(plain, info: saved, to: url)
    }

    /// Everything that shapes the retrained weights except the epoch count: the parent's content, the
    /// multipliers' tables, the method and its settings, the training data and the whole `QuantSpec`.
    private func identity(_ p: CheckpointProvenance, quant: ApproxNetwork.QuantOptions, trainHash: String) -> RunIdentity {
        let c = config
        var settings = ["--model": p.parentHash, "--multiplier": "\(p.multiplier.spec) (\(p.multiplier.tableHash))", "--method": p.method,
                        "--lr": "\(p.lr)", "--batch": "\(p.batch)", "--momentum": "\(p.momentum)", "--seed": "\(p.seed)",
                        "--data": trainHash, "--samples": "\(c.errorModelSamples)", "quantisation": quant.spec.flags,
                        "--snr": c.snrDB.map { "\($0)" } ?? "measured", "--baseline-sigma": c.baselineSigma.map { "\($0)" } ?? "measured",
                        "--baseline-mean": c.baselineMean.map { "\($0)" } ?? "measured", "--baseline-fixed": "\(!c.baselineFresh)"]
        for (layer, m) in p.layerMultipliers { settings["--layer-multiplier \(layer)"] = "\(m.spec) (\(m.tableHash))" }
        return RunIdentity(command: "retrain", settings: settings)
    }

    /// What the output checkpoint records about where it came from.
    private func provenance() throws -> CheckpointProvenance {
        func ref(_ entry: MultiplierAssignment.Entry?, spec: String) -> CheckpointProvenance.Multiplier {
            .init(name: entry?.name ?? "exact", spec: spec, tableHash: (entry?.table ?? .exact).contentHash)
        }
        var layers: [String: CheckpointProvenance.Multiplier] = [:]
        for (layer, spec) in multipliers.layerSpecs { layers[layer] = ref(multipliers.assignment.perLayer[layer], spec: spec) }
        return CheckpointProvenance(parent: model, parentHash: try CheckpointProvenance.fileHash(URL(fileURLWithPath: model)),
                                    multiplier: ref(multipliers.assignment.defaultEntry, spec: multipliers.spec), layerMultipliers: layers,
                                    method: config.method.rawValue, epochs: config.epochs, lr: config.learningRate,
                                    batch: config.batchSize, momentum: config.momentum, seed: config.seed)
    }

    /// Continues from the checkpoint at `output`: the setup was redone from the parent (same Δx, same
    /// error model), so only the training state is taken from the checkpoint (folded again when the
    /// run folds batch norm).
    private func resumed(_ trainer: inout Trainer, _ identity: RunIdentity?, folded: Bool, say: (String) -> Void) throws -> TrainingSession {
        let (saved, savedInfo) = try ModelSource.checkpoint(output)
        try identity?.checkResume(saved: savedInfo.identity, path: output.path)
        let state = try folded ? FoldedTrainingState.refolded(saved, state: savedInfo.state, path: output.path) : saved
        TrainCheckpoint.adopt(state, into: &trainer)
        Retrainer.restoreMethodState(savedInfo.state, into: &trainer.network)
        if !maxGradNormGiven { trainer.config.maxGradNorm = saved.config.maxGradNorm }   // kept unless given again
        let (session, dropped) = try TrainingSession.resume(checkpoint: output, log: log, epoch: trainer.epoch)
        if let note = TrainingSession.droppedNote(dropped, epoch: trainer.epoch) { say(note) }
        return session
    }
}
