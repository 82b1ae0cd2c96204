import Foundation
import Records

/// The whole AxTrain recipe (He et al. 2018): AxTrain-act for `actEpochs` (the paper's "until
/// convergence"), then AxTrain-pas for `pasEpochs` through the hardware model, then evaluation
/// of the float network and of the network on the modelled hardware (NTV flips: `runs` draws).
public struct AxTrainRun: Sendable {
    public var config: TrainConfig
    public var actEpochs: Int
    public var pasEpochs: Int
    public var gamma: AdaptiveGamma
    public var hardware: HardwareModel
    /// Hardware evaluations with fresh flip draws (1 suffices without NTV storage).
    public var runs: Int

    public init(config: TrainConfig, actEpochs: Int, pasEpochs: Int, gamma: AdaptiveGamma,
                hardware: HardwareModel, runs: Int) {
        self.config = config
        self.actEpochs = actEpochs
        self.pasEpochs = pasEpochs
        self.gamma = gamma
        self.hardware = hardware
        self.runs = runs
    }

    /// Which phase an epoch record belongs to.
    public enum Phase: String, Sendable, Codable { case act, pas }

    /// AxTrain-act's state after an epoch: what `axmul axtrain` checkpoints and resumes from.
    public struct ActState: Sendable {
        public var trainer: Trainer
        public var gamma: AdaptiveGamma
        public init(trainer: Trainer, gamma: AdaptiveGamma) { (self.trainer, self.gamma) = (trainer, gamma) }
    }

    /// Trains `network` and returns the float network and the summary; `onEpoch` sees each
    /// epoch's record (for logs) and, in the act phase, the state after it (for checkpoints);
    /// `progress` each batch (for progress bars). With `resume`, the act phase continues from that
    /// state (its weights, optimiser, epoch, RNG and γ); the pas phase always starts at the end of
    /// act (its hardware model is calibrated there), so a run resumed in pas repeats pas exactly.
    public func run(_ network: Network, train: LabeledData, test: LabeledData, resume: ActState? = nil,
                    onEpoch: (Phase, EpochRecord, ActEpochRecord?, ActState?) throws -> Void = { _, _, _, _ in },
                    progress: ((BatchProgress) -> Void)? = nil) throws -> (network: Network, summary: AxTrainSummary) {
        let start = Date()
        var cfg = config
        cfg.epochs = actEpochs + pasEpochs
        var trainer = Trainer(network: network, config: cfg)
        var g = gamma
        if let resume {
            TrainCheckpoint.adopt(resume.trainer, into: &trainer)
            g = resume.gamma
        }
        let probe = Trainer.batch(test, Array(0..<min(test.count, 256))).0
        var sAfterAct = 0.0, tally = NTVStorage.Tally(), act: ActEpochRecord?
        var phases = [TrainingPhase(Phase.act.rawValue, until: actEpochs, epoch: { t in
            act = try t.runActEpoch(train: train, test: test, gamma: &g, progress: progress)
            return act!.record
        }, exit: { t in sAfterAct = Sensitivity.value(t.network, probe, outputs: test.classCount) })]
        if pasEpochs > 0 {
            phases.append(TrainingPhase(Phase.pas.rawValue, until: actEpochs + pasEpochs, enter: { t in
                t.network = hardware.apply(to: t.network, calibration: train, seed: config.seed &+ 17)
            }, epoch: { t in try t.runEpoch(train: train, test: test, progress: progress) }, exit: { t in
                tally = HardwareModel.tally(t.network)
                t.network = HardwareModel.remove(from: t.network)
            }))
        }
        try TrainingPhase.run(phases, &trainer) { phase, record, t in
            if phase.name == Phase.act.rawValue {
                try onEpoch(.act, record, act, ActState(trainer: t, gamma: g))
            } else {
                try onEpoch(.pas, record, nil, nil)
            }
        }
        let plain = trainer.network
        let exact = Trainer.evaluate(plain, on: test)
        let accs = (0..<max(1, runs)).map { r in
            Trainer.evaluate(hardware.apply(to: plain, calibration: train, seed: config.seed &+ 1000 &+ UInt64(r)), on: test).accuracy
        }
        let mean = accs.reduce(0, +) / Double(accs.count)
        let sd = (accs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, accs.count - 1))).squareRoot()
        let summary = AxTrainSummary(
            actEpochs: actEpochs, pasEpochs: pasEpochs, finalGamma: g.gamma,
            sensitivityAfterAct: sAfterAct, sensitivityFinal: Sensitivity.value(plain, probe, outputs: test.classCount),
            multiplier: hardware.multiplier?.name, flipRate: hardware.storage?.flipRate, weightBits: hardware.storage?.bits,
            realisedFlipRate: tally.bitsRead > 0 ? tally.rate : nil, exactAccuracy: exact.accuracy,
            hardwareAccuracyMean: mean, hardwareAccuracyStd: accs.count > 1 ? sd : 0, hardwareRuns: accs.count,
            samples: test.count, seconds: Date().timeIntervalSince(start))
        return (plain, summary)
    }
}
