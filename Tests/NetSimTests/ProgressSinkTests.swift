import Foundation
import Testing
@testable import NetSim

/// Long library loops report (done, total) per batch to the sink they are given, and nothing by default.
@Suite struct ProgressSinkTests {
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [(String, Int, Int)] = []
        func add(_ item: (String, Int, Int)) { lock.lock(); items.append(item); lock.unlock() }
        var all: [(String, Int, Int)] { lock.lock(); defer { lock.unlock() }; return items }
    }

    @Test func evaluationReportsEveryBatchUpToTheTotal() throws {
        let net = try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: 1, options: .init(hidden: [3]))
        let data = LabeledData(sampleShape: [4], values: (0..<40).map { Float($0 % 7) / 7 },
                               labels: (0..<10).map { Int32($0 % 2) }, classCount: 2)
        let collector = Collector()
        _ = Trainer.evaluate(net, on: data, batchSize: 4, progress: ProgressSink { collector.add(($0, $1, $2)) })
        let reports = collector.all
        // Batches run one per core and may finish out of order: the running count grows by each
        // batch's size (4, 4, 2 in some order) and ends at the total.
        let done = reports.map(\.1)
        let steps = zip(done, [0] + done).map { $0 - $1 }
        #expect(done.last == 10 && steps.sorted() == [2, 4, 4], "\(done)")
        #expect(reports.allSatisfy { $0.0 == "evaluating" && $0.2 == 10 })
        _ = Trainer.evaluate(net, on: data, batchSize: 4)
        #expect(collector.all.count == 3)   // no sink given: nothing more reported
    }

    @Test func errorStatisticsReportEachBatchOfTheSamples() throws {
        let float = try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: 1, options: .init(hidden: [3]))
        let data = LabeledData(sampleShape: [4], values: (0..<40).map { Float($0 % 7) / 7 },
                               labels: (0..<10).map { Int32($0 % 2) }, classCount: 2)
        let assignment = MultiplierAssignment(default: .init(name: "exact", table: .exact))
        var net = ApproxNetwork.wrap(float, assignment)
        ApproxNetwork.calibrate(&net, on: data)
        let collector = Collector()
        _ = ErrorModelBuilder.build(net, on: data, samples: 7, batchSize: 3, multiplier: "exact",
                                    progress: ProgressSink { collector.add(($0, $1, $2)) })
        // 7 samples in batches of 3: 3, 6, 7 (serial, in order).
        #expect(collector.all.map(\.1) == [3, 6, 7] && collector.all.allSatisfy { $0.0 == "collecting error statistics" && $0.2 == 7 })
    }
}
