import Foundation
import Records
import Testing
@testable import NetSim

/// The axtrain-table1 recipe on tiny settings: the JSON rows, CSVs and counts agree, and the
/// normalisation and SD follow their definitions (checked against hand-derived values).
@Suite struct ExperimentTable1Tests {
    /// An exact 8-bit multiplier table, and one that drops the 6 low product bits (a simple
    /// approximate multiplier whose products are known in closed form).
    static func tables() throws -> (MultiplierAssignment.Entry, MultiplierAssignment.Entry) {
        var exact = [UInt32](repeating: 0, count: 65_536)
        for a in 0..<256 { for b in 0..<256 { exact[a * 256 + b] = UInt32(a * b) } }
        let truncated: [UInt32] = exact.map { (p: UInt32) -> UInt32 in p & ~UInt32(63) }
        return (.init(name: "exact-test", table: try SignedProductTable(unsignedProducts: exact, width: 256)),
                .init(name: "trunc6-test", table: try SignedProductTable(unsignedProducts: truncated, width: 256)))
    }

    static func tinySettings(runs: Int = 3, flipRates: [Double]? = nil, seeds: Int = 1) -> Table1Settings {
        var s = Table1Settings()
        (s.actEpochs, s.cnnActEpochs, s.pasEpochs, s.runs, s.seeds) = (1, 1, 1, runs, seeds)
        (s.maxTrainSamples, s.maxTestSamples, s.flipRatesOverride) = (60, 40, flipRates)
        return s
    }

    static func run(_ settings: Table1Settings) throws -> Table1Result {
        let (exact, approx) = try tables()
        let apps = try Table1App.select(["breast_cancer"])
        return try Table1Recipe(settings: settings, apps: apps, accurate: exact, approximate: [("K1", approx)]).run()
    }

    @Test func rowsCountsAndNormalisation() throws {
        let r = try Self.run(Self.tinySettings(seeds: 2))
        // BP and act with 2 multipliers each, AxTrain with the 1 approximate one.
        #expect(r.fig6.count == 5)
        #expect(r.fig6.filter { $0.method == "AxTrain" }.map(\.multiplier) == ["trunc6-test"])
        let bpExact = try #require(r.fig6.first { $0.method == "BP" && $0.multiplier == "exact-test" })
        #expect(bpExact.normalisedError == 1)
        for row in r.fig6 {
            #expect(abs(row.errorRate - (1 - row.accuracy)) < 1e-12)
            #expect(row.normalisedError > 0)
        }
        // 3 methods × (Agg 10%, Con 1%), 3 runs × 2 seeds pooled.
        #expect(r.fig7.count == 6)
        #expect(r.fig7.allSatisfy { $0.runs == 6 })
        #expect(Set(r.fig7.map(\.flipRate)) == [0.1, 0.01])
        #expect(r.fig7.filter { $0.level == "Agg" }.allSatisfy { $0.flipRate == 0.1 })
        // Per seed: BP, act, 1 multiplier pas, 2 NTV pas; maps for the first seed only.
        #expect(r.networks.count == 10)
        #expect(r.sensitivityMaps.map(\.method) == ["BP", "AxTrain-act", "AxTrain-pas (K1)"])
        #expect(r.sensitivityMaps.allSatisfy { $0.map.rows == 2 && $0.map.cols == 64 && $0.map.values.count == 128 })
    }

    @Test func singleSeedNormalisedErrorIsRatioOfMisclassifiedCounts() throws {
        let r = try Self.run(Self.tinySettings())
        let n = 40.0
        let reference = try #require(r.fig6.first { $0.method == "BP" && $0.multiplier == "exact-test" })
        let refWrong = max(1, (reference.errorRate * n).rounded())
        for row in r.fig6 {
            let wrong = max(1, (row.errorRate * n).rounded())
            #expect(abs(row.normalisedError - wrong / refWrong) < 1e-12)
        }
    }

    @Test func zeroFlipRateGivesZeroSD() throws {
        let r = try Self.run(Self.tinySettings(runs: 4, flipRates: [0]))
        #expect(r.fig7.count == 3)
        for row in r.fig7 {
            #expect(row.level == "p=0.0")
            #expect(row.accuracySD == 0)
            #expect(row.runs == 4)
        }
    }

    @Test func csvRowsMatchJSONRows() throws {
        let r = try Self.run(Self.tinySettings())
        let fig6 = Table1CSV.fig6(r.fig6).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(fig6.first?.joined(separator: ",") == "app,method,multiplier,accuracy,error_rate,loss,normalised_error")
        #expect(fig6.count == r.fig6.count + 1)
        for (cells, row) in zip(fig6.dropFirst(), r.fig6) {
            #expect(cells[0...2] == [row.app, row.method, row.multiplier])
            #expect(cells[3...6].compactMap(Double.init) == [row.accuracy, row.errorRate, row.loss, row.normalisedError])
        }
        let fig7 = Table1CSV.fig7(r.fig7).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(fig7.first?.joined(separator: ",") == "app,method,level,flip_rate,accuracy_mean,accuracy_sd,runs")
        #expect(fig7.count == r.fig7.count + 1)
        for (cells, row) in zip(fig7.dropFirst(), r.fig7) {
            #expect(cells[0...2] == [row.app, row.method, row.level])
            #expect(cells[3...5].compactMap(Double.init) == [row.flipRate, row.accuracyMean, row.accuracySD])
            #expect(Int(cells[6]) == row.runs)
        }
        let json = try Table1Output.json(r)
        #expect(RecordSchema.tag(of: json) == "axmul.experiment-axtrain-table1/1")
        #expect(try JSONDecoder().decode(Table1Result.self, from: json) == r)
    }

    /// With no pas epochs the AxTrain network is the act network, so their K1 rows coincide; kept
    /// epochs always lie in 0…pasEpochs.
    @Test func zeroPasEpochsKeepsTheActNetwork() throws {
        var s = Self.tinySettings(runs: 2)
        s.pasEpochs = 0
        let r = try Self.run(s)
        let act = try #require(r.fig6.first { $0.method == "AxTrain-act" && $0.multiplier == "trunc6-test" })
        let pas = try #require(r.fig6.first { $0.method == "AxTrain" && $0.multiplier == "trunc6-test" })
        #expect(act.accuracy == pas.accuracy && act.loss == pas.loss)
        #expect(r.networks.filter { $0.method == "AxTrain" }.allSatisfy { $0.keptEpoch == 0 })
        let two = try Self.run(Self.tinySettings())
        #expect(two.networks.filter { $0.method == "AxTrain" }.allSatisfy { ($0.keptEpoch ?? -1) >= 0 && ($0.keptEpoch ?? 9) <= 1 })
    }

    @Test func meanAndSampleSD() {
        // [1, 2, 3, 4]: mean 2.5, squared deviations 2.25+0.25+0.25+2.25 = 5, SD = sqrt(5/3).
        let (mean, sd) = Table1Measurements.meanSD([1, 2, 3, 4])
        #expect(mean == 2.5)
        #expect(abs(sd - (5.0 / 3).squareRoot()) < 1e-15)
        #expect(Table1Measurements.meanSD([0.1, 0.1, 0.1]) == (0.1, 0))
        #expect(Table1Measurements.meanSD([0.7]) == (0.7, 0))
    }

    @Test func appsAndCaps() throws {
        #expect(Table1App.names == ["breast_cancer", "segment", "ionosphere", "satimage", "mnist_mlp", "mnist_cnn"])
        #expect(throws: ModelError.self) { try Table1App.select(["breast_cancer", "cifar"]) }
        #expect(try Table1App.select(["mnist_cnn", "segment"]).map(\.name) == ["segment", "mnist_cnn"])
        let bc = try #require(Table1App.all.first)
        #expect(bc.ntvLevels.map(\.flipRate) == [0.1, 0.01])
        let data = LabeledData(sampleShape: [1], values: (0..<10).map(Float.init), labels: (0..<10).map { Int32($0 % 2) }, classCount: 2)
        #expect(Table1Recipe.cap(data, 4).values == [0, 2, 5, 7])
        #expect(Table1Recipe.cap(data, nil).count == 10)
    }
}
