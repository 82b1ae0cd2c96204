import Foundation
import Testing
@testable import NetSim

@Suite("LabeledData split, subset and standardisation")
struct DataSplitTests {
    /// 100 one-feature samples: value = index; 50 of class 0, 30 of class 1, 20 of class 2.
    private var data: LabeledData {
        let labels = (0..<100).map { Int32($0 < 50 ? 0 : ($0 < 80 ? 1 : 2)) }
        return LabeledData(sampleShape: [1], values: (0..<100).map(Float.init), labels: labels, classCount: 3)
    }

    @Test func stratifiedSplitKeepsClassProportions() {
        let (train, test) = data.stratifiedSplit(testFraction: 0.2, seed: 1)
        #expect(test.classCounts == [10, 6, 4])
        #expect(train.classCounts == [40, 24, 16])
        let all = Set(train.values + test.values)
        #expect(all.count == 100)
        #expect(train.values == train.values.sorted())
        #expect(zip(test.values, test.labels).allSatisfy { data.labels[Int($0.0)] == $0.1 })
    }

    @Test func stratifiedSplitIsSeedDeterministic() {
        let a = data.stratifiedSplit(seed: 42), b = data.stratifiedSplit(seed: 42), c = data.stratifiedSplit(seed: 43)
        #expect(a.test == b.test && a.train == b.train)
        #expect(a.test.values != c.test.values)
    }

    @Test func subsetPicksSamplesInOrder() {
        let images = LabeledData(sampleShape: [1, 1, 2], values: [1, 2, 3, 4, 5, 6], labels: [0, 1, 0], classCount: 2)
        let picked = images.subset([2, 0, 2])
        #expect(picked.values == [5, 6, 1, 2, 5, 6])
        #expect(picked.labels == [0, 0, 0])
        #expect(picked.sampleShape == [1, 1, 2])
    }

    @Test func standardiserFitsOnTrainAndGuardsZeroVariance() throws {
        // Feature 0: 1 and 5 → mean 3, std 2. Feature 1: constant 3 → std treated as 1.
        let train = LabeledData(sampleShape: [2], values: [1, 3, 5, 3], labels: [0, 1], classCount: 2)
        let stats = Standardiser(fitting: train)
        #expect(stats.means == [3, 3])
        #expect(stats.stds == [2, 1])
        #expect(try train.standardised(using: stats).values == [-1, 0, 1, 0])
        let test = LabeledData(sampleShape: [2], values: [7, 4], labels: [1], classCount: 2)
        #expect(try test.standardised(using: stats).values == [2, 1])
        let wide = LabeledData(sampleShape: [3], values: [1, 2, 3], labels: [0], classCount: 1)
        #expect(dataError { _ = try wide.standardised(using: stats) }?.kind == .invalidArgument)
    }

    @Test func rngIsSplitMix64() {
        // First outputs of SplitMix64 seeded with 0 (Vigna's reference splitmix64.c).
        var rng = DatasetRNG(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
