import Foundation
import Records

/// One app and seed of the Table 1 recipe: trains BP, AxTrain-act and the pas fine-tunes, then
/// records their Fig. 6 / Fig. 7 measurements.
struct Table1AppRun {
    let recipe: Table1Recipe
    let app: Table1App
    let seed: UInt64
    let hooks: Table1Recipe.Hooks
    var networks: [Table1Network] = []
    var maps: [Table1SensitivityMap] = []

    init(recipe: Table1Recipe, app: Table1App, seed: UInt64, hooks: Table1Recipe.Hooks) {
        (self.recipe, self.app, self.seed, self.hooks) = (recipe, app, seed, hooks)
    }

    var settings: Table1Settings { recipe.settings }

    /// The quantisation of the committed Table 1 run (made before fold + percentile became the default).
    static let quant = ApproxNetwork.QuantOptions.maxAbsUnfolded

    /// Trains every network of this app and seed and adds its measurements to `m`.
    mutating func execute(into m: inout Table1Measurements, keepMaps: Bool) throws {
        let (fullTrain, fullTest) = try DatasetLoader.load(app.dataset)
        let train = Table1Recipe.cap(fullTrain, settings.maxTrainSamples)
        let test = Table1Recipe.cap(fullTest, settings.maxTestSamples)
        let initial = try ModelZoo.build(app.model, inputShape: train.sampleShape, classCount: train.classCount,
                                         seed: seed, options: .init(hidden: app.hidden.isEmpty ? [64, 64] : app.hidden))
        let bp = try trainBP(initial, train, test)
        let act = try trainAct(initial, train, test, reference: networks.last?.sensitivity ?? 1)
        var pasMultiplier: [Network] = []
        for (label, entry) in recipe.approximate {
            let hw = HardwareModel(multiplier: entry, storage: nil, activationBits: nil, quant: Self.quant)
            pasMultiplier.append(try fineTune(act, hw, name: "AxTrain", hardware: entry.name, file: "axtrain-\(label)", train, test))
        }
        var pasNTV: [Network] = []
        for level in recipe.ntvLevels(app) {
            pasNTV.append(try fineTune(act, ntvModel(level.flipRate), name: "AxTrain", hardware: "ntv-\(level.flipRate)",
                                       file: "axtrain-ntv-\(level.level)", train, test))
        }
        measureFig6(bp: bp, act: act, pas: pasMultiplier, train, test, into: &m)
        measureFig7(bp: bp, act: act, pas: pasNTV, train, test, into: &m)
        if keepMaps {
            var named: [(String, Network)] = [("BP", bp), ("AxTrain-act", act)]
            if let first = pasMultiplier.first, let k = recipe.approximate.first {
                named.append(("AxTrain-pas (\(k.label))", first))
            }
            for (method, net) in named {
                if let map = SensitivityMap.lastDense(net, probe: test) { maps.append(.init(app: app.name, method: method, map: map)) }
            }
        }
    }

    // MARK: training

    func config(epochs: Int, lr: Float, seedOffset: UInt64) -> TrainConfig {
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.learningRate, cfg.momentum) = (epochs, settings.batchSize, lr, settings.momentum)
        cfg.seed = seed &+ seedOffset
        cfg.maxGradNorm = settings.maxGradNorm
        return cfg
    }

    func logName(_ method: String) -> String { "logs/\(app.name).seed\(seed).\(method).log.jsonl" }

    mutating func trainBP(_ net: Network, _ train: LabeledData, _ test: LabeledData) throws -> Network {
        let start = Date(), epochs = settings.epochs(for: app), log = logName("bp")
        var t = Trainer(network: net, config: config(epochs: epochs, lr: settings.learningRate, seedOffset: 0))
        for _ in 0..<epochs { try hooks.epoch(log, try t.runEpoch(train: train, test: test, progress: hooks.progress)) }
        record(t.network, method: "BP", hardware: nil, epochs: epochs, gamma: nil, log: log, start, test)
        return t.network
    }

    /// AxTrain-act from the same initial weights as BP. γ and Δγ are relative to `reference` (S of
    /// the BP network): the objective is E + γ·S(w)/S_BP, so one setting suits every app's scale of S.
    mutating func trainAct(_ net: Network, _ train: LabeledData, _ test: LabeledData, reference: Double) throws -> Network {
        let start = Date(), epochs = settings.epochs(for: app), log = logName("act")
        let scale = 1 / max(reference, 1e-12)
        var t = Trainer(network: net, config: config(epochs: epochs, lr: settings.learningRate, seedOffset: 0))
        var g = AdaptiveGamma(gamma: settings.gamma * scale, delta: settings.deltaGamma * scale, bound: settings.errorBound)
        for _ in 0..<epochs {
            try hooks.epoch(log, try t.runActEpoch(train: train, test: test, gamma: &g, progress: hooks.progress).record)
        }
        record(t.network, method: "AxTrain-act", hardware: nil, epochs: epochs, gamma: g.gamma / scale, log: log, start, test)
        return t.network
    }

    /// AxTrain-pas from the act network through `hw` for `pasEpochs`; returns the plain network.
    /// With `pasKeepBest`, the weights after the epoch (0 = the act network) with the highest
    /// training-set accuracy on the hardware model are kept (guards against divergence under NTV).
    mutating func fineTune(_ act: Network, _ hw: HardwareModel, name: String, hardware: String, file: String,
                           _ train: LabeledData, _ test: LabeledData) throws -> Network {
        let start = Date(), epochs = settings.pasEpochs, log = logName(file)
        let wrapped = hw.apply(to: act, calibration: train, seed: seed &* 7919 &+ UInt64(networks.count))
        var t = Trainer(network: wrapped, config: config(epochs: epochs, lr: settings.pasLearningRate, seedOffset: 101))
        let probe = Table1Recipe.cap(train, 1000)
        var best = (epoch: 0, accuracy: Trainer.evaluate(wrapped, on: probe).accuracy, network: act)
        for e in stride(from: 1, through: epochs, by: 1) {
            try hooks.epoch(log, try t.runEpoch(train: train, test: test, progress: hooks.progress))
            guard settings.pasKeepBest else { continue }
            let acc = Trainer.evaluate(t.network, on: probe).accuracy
            if acc > best.accuracy { best = (e, acc, HardwareModel.remove(from: t.network)) }
        }
        let plain = settings.pasKeepBest ? best.network : HardwareModel.remove(from: t.network)
        record(plain, method: name, hardware: hardware, epochs: epochs, gamma: nil, log: log, start, test,
               kept: settings.pasKeepBest ? best.epoch : nil)
        return plain
    }

    mutating func record(_ net: Network, method: String, hardware: String?, epochs: Int, gamma: Double?,
                         log: String, _ start: Date, _ test: LabeledData, kept: Int? = nil) {
        let probe = Trainer.batch(test, Array(0..<min(test.count, 256))).0
        let n = Table1Network(app: app.name, seed: seed, method: method, hardware: hardware, epochs: epochs,
                              finalGamma: gamma, sensitivity: Sensitivity.value(net, probe, outputs: test.classCount),
                              floatAccuracy: Trainer.evaluate(net, on: test).accuracy, keptEpoch: kept, log: log,
                              seconds: Date().timeIntervalSince(start))
        networks.append(n)
        hooks.network(n)
    }

    // MARK: measurements

    func ntvModel(_ rate: Double) -> HardwareModel {
        HardwareModel(multiplier: nil, storage: NTVStorage(bits: settings.weightBits, flipRate: rate),
                      activationBits: settings.activationBits)
    }

    /// Every network with the accurate multiplier and each approximate one (AxTrain: its own
    /// pas network per multiplier, so no accurate-multiplier row).
    func measureFig6(bp: Network, act: Network, pas: [Network], _ train: LabeledData, _ test: LabeledData,
                     into m: inout Table1Measurements) {
        let all = [recipe.accurate] + recipe.approximate.map(\.entry)
        for (method, net) in [("BP", bp), ("AxTrain-act", act)] {
            for entry in all { m.addFig6(app.name, method, entry.name, seed, evaluate(net, entry, train, test)) }
        }
        for (net, k) in zip(pas, recipe.approximate) { m.addFig6(app.name, "AxTrain", k.entry.name, seed, evaluate(net, k.entry, train, test)) }
    }

    func evaluate(_ net: Network, _ entry: MultiplierAssignment.Entry, _ train: LabeledData, _ test: LabeledData) -> Evaluation {
        let hw = HardwareModel(multiplier: entry, storage: nil, activationBits: nil, quant: Self.quant)
        return Trainer.evaluate(hw.apply(to: net, calibration: train, seed: 0), on: test)
    }

    /// BP, act and the level's own pas network under NTV storage, `runs` fresh flip draws each
    /// (the same draws' seeds for every method).
    func measureFig7(bp: Network, act: Network, pas: [Network], _ train: LabeledData, _ test: LabeledData,
                     into m: inout Table1Measurements) {
        for (i, level) in recipe.ntvLevels(app).enumerated() {
            let hw = ntvModel(level.flipRate)
            for (method, net) in [("BP", bp), ("AxTrain-act", act), ("AxTrain", pas[i])] {
                let accs = (0..<max(1, settings.runs)).map { r in
                    Trainer.evaluate(hw.apply(to: net, calibration: train, seed: seed &* 1_000_003 &+ UInt64(r) &* 31 &+ UInt64(i)), on: test).accuracy
                }
                m.addFig7(app.name, method, level.level, level.flipRate, accs)
            }
        }
    }
}
