import Records
import Search

/// One value of every saved record type, with every nested type and optional filled in somewhere.
enum RecordSamples {
    static let front: SearchResult = {
        var f = SearchResult(
        layers: ["fc1", "fc2"], designs: ["exact8", "truncated8-t8"], exact8ValidationAccuracy: 0.96, exact8TestAccuracy: 0.94,
        constraints: SearchConstraints(maxAccuracyLoss: 1, maxEnergy: nil), maxDistinct: 2, population: 6, generations: 2,
        seed: 1, candidates: 8,
        front: [.init(assignment: ["truncated8-t8", "exact8"], energyRel: 0.44, validationAccuracy: 0.9605, testAccuracy: 0.9469, distinct: 2)],
        uniform: [.init(assignment: ["exact8", "exact8"], energyRel: 1, validationAccuracy: 0.96, testAccuracy: 0.94, distinct: 1)],
        refine: "none", refined: nil, energyModel: "published (De la Parra et al. 2021)")
        f.validationHeldOut = true
        return f
    }()
    static let searchContext = SearchContext(model: "m.safetensors", modelHash: "fnv1a64:0x1", data: "d", dataHash: "fnv1a64:0x2",
                                             library: ["a", "b"], validationSamples: 10, seed: 1)
    static let sensitivity = SensitivityTable(layers: ["fc1", "fc2"], designs: ["exact8", "truncated8-t8"],
                                              accuracy: [[0.96, 0.95], [0.96, 0.93]], exactAccuracy: 0.96)

    static let evaluation = EvaluationRecord(
        multiplier: "smapprox8x8-3330",
        accuracy: ApproxAccuracy(floatAccuracy: 0.9, exact8Accuracy: 0.89, approxAccuracy: 0.87, energyRel: nil),
        activationSteps: "stored")

    static let sweepEntry = HybridSweepEntry(label: "id1", requested: ErrorSpec(mre: 0.012, sd: 0.015), realised: ErrorSpec(mre: 0.0119, sd: 0.0151),
                                             approxAccuracy: 0.71, switchEpoch: 2, exactEpochs: 2, accuracy: 0.93, utilisation: 0.5,
                                             tried: [HybridTrial(switchEpoch: 2, accuracy: 0.93)])
    static let hybrid = HybridSweepResult(epochs: 4, tolerance: 0.01, baselineAccuracy: 0.95, entries: [sweepEntry])

    static let epochs = [EpochRecord(epoch: 1, lr: 0.01, trainLoss: 0.7, trainAccuracy: 0.78, testLoss: 0.62, testAccuracy: 0.81, seconds: 0.5),
                         EpochRecord(epoch: 2, lr: 0.005, trainLoss: 0.28, trainAccuracy: 0.92, testLoss: 0.31, testAccuracy: 0.9, seconds: 0.25)]
    static let retrain = RetrainReport(approxAccuracyBefore: 0.6, approxAccuracyAfter: 0.88, epochSeconds: [1, 1.5],
                                       method: "errormodel", multiplier: "smapprox8x8-2222")
    static let crossEval = CrossEvaluation(models: ["m", "m-2222"], multipliers: ["smapprox8x8-1110", "smapprox8x8-2222"],
                                           exact8: [0.93, 0.92], accuracy: [[0.93, 0.6], [0.92, 0.91]])
    static let axTrain = AxTrainSummary(actEpochs: 3, pasEpochs: 1, finalGamma: 0.02, sensitivityAfterAct: 12.5, sensitivityFinal: 11.25,
                                        multiplier: "drum8-k2", flipRate: 0.01, weightBits: 8, realisedFlipRate: 0.0098, exactAccuracy: 0.9561,
                                        hardwareAccuracyMean: 0.9474, hardwareAccuracyStd: 0.0061, hardwareRuns: 5, samples: 114, seconds: 1.5)
    static let map = SensitivityMap(layer: "fc3", rows: 2, cols: 3, values: [0, 0.1, 0.2, 0.3, 0.4, 0.8])

    static let table1: Table1Result = {
        var settings = Table1Settings()
        (settings.maxTrainSamples, settings.flipRatesOverride, settings.maxGradNorm) = (200, [0], 5)
        return Table1Result(
            settings: settings,
            apps: [Table1App(name: "alpha", dataset: "breast_cancer_wdbc", model: "mlp", hidden: [8], topology: "30-8-2",
                             aggressiveFlipRate: 0.1, conservativeFlipRate: 0.01)],
            multipliers: [Table1Multiplier(label: "accurate", design: "exact8"), Table1Multiplier(label: "K1", design: "drum8-k1")],
            normalisation: "test normalisation",
            fig6: [Fig6Row(app: "alpha", method: "BP", multiplier: "drum8-k1", accuracy: 0.6, errorRate: 0.4, loss: 0.9, normalisedError: 4)],
            fig7: [Fig7Row(app: "alpha", method: "BP", level: "Agg", flipRate: 0.1, accuracyMean: 0.5, accuracySD: 0.1, runs: 3)],
            networks: [Table1Network(app: "alpha", seed: 1, method: "AxTrain", hardware: "drum8-k1", epochs: 2, finalGamma: 0.3,
                                     sensitivity: 1.5, floatAccuracy: 0.9, keptEpoch: 1, log: "logs/alpha.log.jsonl", seconds: 2)],
            sensitivityMaps: [Table1SensitivityMap(app: "alpha", method: "BP", map: map)], seconds: 12.5)
    }()

    static let delaParra = DelaParraResult(
        settings: DelaParraSettings(),
        methods: [DelaParraMethod(name: "errormodel", method: .errormodel),
                  DelaParraMethod(name: "control", method: .behavioural, exactMultiplier: true)],
        multipliers: [DelaParraMultiplier(name: "smapprox8x8-2222", mre: 0.166, relativeErrorMean: -0.05, relativeErrorSD: 0.2)],
        crossMultipliers: ["exact8", "smapprox8x8-2222"],
        ablationSettings: [DelaParraQuantSetting(name: "bn-folded", foldBatchNorm: true)],
        bases: [DelaParraBase(name: "well-trained", epochs: 2, floatAccuracy: 0.9, epochSeconds: [1, 1.25], checkpoint: "base.safetensors")],
        quantisedAccuracy: 0.89,
        retrains: [DelaParraRetrain(method: "errormodel", multiplier: "smapprox8x8-2222", before: 0.6, after: 0.85, epochSeconds: [2],
                                    statisticsSeconds: 0.5, floatAccuracy: 0.88, cross: [], seconds: 3, seed: 2),
                   DelaParraRetrain(method: "control", multiplier: "exact8", before: 0.89, after: 0.9, epochSeconds: [2], statisticsSeconds: nil,
                                    floatAccuracy: 0.9, cross: [DelaParraAccuracy(multiplier: "smapprox8x8-2222", accuracy: 0.7)], seconds: 3)],
        ablation: [DelaParraAblationRow(setting: "bn-folded", multiplier: "exact8", accuracy: 0.89, floatAccuracy: 0.9)],
        paper: DelaParraPaper(), seconds: 10, trainSamples: 256, testSamples: 128,
        retrainSeeds: [DelaParraSeedSummary(method: "errormodel", multiplier: "smapprox8x8-2222", seeds: [1, 2], after: [0.85, 0.87],
                                            n: 2, mean: 0.86, sd: 0.0141)])

    static let hammad = HammadResult(settings: HammadSettings(), baselineAccuracy: 0.95, baselineSeconds: 1.5,
                                     rows: [HammadRow(id: 1, searched: true, sweep: sweepEntry, seconds: 2),
                                            HammadRow(id: nil, searched: false, sweep: sweepEntry, seconds: 2.5)],
                                     paper: HammadPaper(), seconds: 4, trainSamples: 256, testSamples: 128)
}
