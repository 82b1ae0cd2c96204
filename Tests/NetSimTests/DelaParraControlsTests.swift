import Foundation
@testable import NetSim
import Records
import Testing

/// Issue 29's controls of the `delaparra` recipe: `bn-stats` changes BatchNorm's running statistics
/// and no weight; the paired differences, their SE and t, and ε's reference are what a hand
/// computation gives.
@Suite struct DelaParraControlsTests {
    @Test func bnStatsMovesOnlyBatchNormStatistics() throws {
        var rng = SplitMix64(seed: 3)
        let base = try ModelZoo.build("resnet8", inputShape: [1, 8, 8], classCount: 3, seed: 2)
        let data = LabeledData(sampleShape: [1, 8, 8], values: (0..<(24 * 64)).map { _ in rng.nextUniform() * 2 - 1 },
                               labels: (0..<24).map { Int32($0 % 3) }, classCount: 3)
        let method = try #require(DelaParraMethod.all.first { $0.name == "bn-stats" })
        var settings = DelaParraSettings()
        (settings.epochs, settings.batchSize, settings.learningRate) = (1, 8, 0.5)   // a rate that would move every weight
        let config = method.config(settings, quant: DelaParraQuantSetting.all[0].options(settings))
        #expect(config.learningRate == 0 && config.method == .behavioural)
        let mult = MultiplierAssignment.Entry(name: "drum8-k3", table: try AxTrainPasTests.drumTable(k: 3))
        let (net, _) = try Retrainer.retrain(base, train: data, test: data, assignment: MultiplierAssignment(default: mult), config: config)
        for (a, b) in zip(net.namedParameters, base.namedParameters) {
            #expect(a.name == b.name && a.value.data == b.value.data, "\(a.name) moved")
        }
        let moved = zip(net.nodes, base.nodes).compactMap { a, b -> Bool? in
            guard let x = a.layer as? BatchNorm, let y = b.layer as? BatchNorm else { return nil }
            return x.runningMean.data != y.runningMean.data && x.runningVar.data != y.runningVar.data
        }
        #expect(!moved.isEmpty && moved.allSatisfy { $0 }, "every BatchNorm's running statistics are re-estimated")
    }

    /// Two seeds of before, bn-stats, control and behavioural on one multiplier, and the control's
    /// exact accuracies 0.90 and 0.92.
    static func result() -> DelaParraResult {
        let m = "smapprox8x8-3330"
        func cell(_ method: String, _ after: Double, seed: Int, cross: [DelaParraAccuracy] = []) -> DelaParraRetrain {
            DelaParraRetrain(method: method, multiplier: method == "control" ? "exact8" : m, before: 0.80, after: after, epochSeconds: [1],
                             statisticsSeconds: nil, floatAccuracy: 0.9, cross: cross, seconds: 1, seed: seed)
        }
        let methods = DelaParraMethod.all.filter { ["behavioural", "control", "bn-stats"].contains($0.name) }
        return DelaParraResult(settings: DelaParraSettings(), methods: methods,
                               multipliers: [DelaParraMultiplier(name: m, mre: 0.064, relativeErrorMean: 0, relativeErrorSD: 0)],
                               crossMultipliers: ["exact8"], ablationSettings: [], bases: [], quantisedAccuracy: 0.91,
                               retrains: [cell("behavioural", 0.86, seed: 1), cell("behavioural", 0.88, seed: 2),
                                          cell("bn-stats", 0.84, seed: 1), cell("bn-stats", 0.83, seed: 2),
                                          cell("control", 0.90, seed: 1, cross: [.init(multiplier: "exact8", accuracy: 0.90), .init(multiplier: m, accuracy: 0.85)]),
                                          cell("control", 0.92, seed: 2, cross: [.init(multiplier: "exact8", accuracy: 0.92), .init(multiplier: m, accuracy: 0.85)])],
                               ablation: [], paper: DelaParraPaper(), seconds: 0, trainSamples: 1, testSamples: 1)
    }

    @Test func pairedDifferencesAreTheHandComputedOnes() throws {
        let r = DelaParraOutput.summarised(Self.result())
        #expect(r.epsilonReference.map { abs($0 - 0.91) < 1e-12 } == true, "mean of 0.90 and 0.92")
        let pairs = try #require(r.pairedDifferences)
        func pair(_ a: String, _ b: String) throws -> DelaParraPairedDifference { try #require(pairs.first { $0.minuend == a && $0.subtrahend == b }) }
        // behavioural − before: 0.06, 0.08 → mean 0.07, SD 0.01·√2, SE 0.01, t 7 (< 12.706 for 1 df).
        let gain = try pair("behavioural", "before")
        #expect(gain.seeds == [1, 2] && abs(gain.mean - 0.07) < 1e-12 && abs((gain.se ?? 0) - 0.01) < 1e-12)
        #expect(abs((gain.t ?? 0) - 7) < 1e-9 && gain.significant == false)
        // behavioural − control (on the multiplier): 0.01, 0.03 → mean 0.02, SE 0.01.
        let specific = try pair("behavioural", "control")
        #expect(abs(specific.mean - 0.02) < 1e-12 && abs((specific.se ?? 0) - 0.01) < 1e-12)
        // bn-stats − before: 0.04, 0.03 → mean 0.035, SE 0.005; control − before: 0.05 twice → SE 0, no t.
        let stats = try pair("bn-stats", "before"), training = try pair("control", "before")
        #expect(abs(stats.mean - 0.035) < 1e-12 && abs((stats.se ?? 0) - 0.005) < 1e-12)
        #expect(abs(training.mean - 0.05) < 1e-12 && training.se == 0 && training.t == nil)
        #expect(!pairs.contains { $0.minuend == "errormodel" }, "no errormodel cells, no comparison")
        // within_tolerance is against the control's exact accuracy: behavioural's mean 0.87 < 0.91 − 0.01.
        let csv = DelaParraOutput.retrain(r).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let row = try #require(csv.first { $0.first == "behavioural" })
        #expect(row[7] == "no" && Double(row[11]).map { abs($0 - 0.91) < 1e-12 } == true)
    }

    /// `before` does not depend on the seed: a seed whose only cell is the control's (which runs on
    /// exact8) still pairs with the multiplier's `before`, taken from another seed's cell.
    @Test func beforePairsWithEverySeedOfTheOtherSide() throws {
        var r = Self.result()
        let m = r.multipliers[0].name
        r.retrains.append(DelaParraRetrain(method: "control", multiplier: "exact8", before: 0.80, after: 0.93, epochSeconds: [1],
                                           statisticsSeconds: nil, floatAccuracy: 0.9,
                                           cross: [.init(multiplier: "exact8", accuracy: 0.93), .init(multiplier: m, accuracy: 0.89)],
                                           seconds: 1, seed: 3))
        let pairs = DelaParraPairs.all(r)
        let training = try #require(pairs.first { $0.minuend == "control" && $0.subtrahend == "before" })
        // control − before: 0.05, 0.05, 0.09 → mean 0.19 / 3.
        #expect(training.seeds == [1, 2, 3] && abs(training.mean - 0.19 / 3) < 1e-12)
        let gain = try #require(pairs.first { $0.minuend == "behavioural" && $0.subtrahend == "before" })
        #expect(gain.seeds == [1, 2], "seed 3 has no behavioural cell")
    }

    @Test func tCriticalValuesAreStudents() {
        #expect(DelaParraPairs.tCritical95(degreesOfFreedom: 1) == 12.706)
        #expect(DelaParraPairs.tCritical95(degreesOfFreedom: 4) == 2.776)
        #expect(DelaParraPairs.tCritical95(degreesOfFreedom: 200) == 2.042)
    }
}
