import Foundation
import Testing
import NetSim
import Records
import Workflows

/// A job runs with the context it is given, and nothing else: `axmul retrain`'s job sends its evaluation
/// passes and error statistics to `context.report`, and each training batch to `context.progress`, with the
/// epoch's bar ended after its last batch; its loops run on `context.workers` threads, and the checkpoint is
/// the same bytes for any count.
@Suite struct ExecutionContextTests {
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }

    @Test func retrainReportsItsLoopsToTheContext() throws {
        let root = try JobResumeTests.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try JobResumeTests.hybrid(root, epochs: 2, resume: false).run(context: .silent)
        let base = root.appendingPathComponent("hybrid_n2.safetensors").path
        var config = RetrainConfig()
        (config.method, config.epochs, config.batchSize, config.errorModelSamples) = (.errormodel, 1, 100, 64)
        let exact = MultiplierAssignment(default: .init(name: "exact8", table: .exact))
        let out = root.appendingPathComponent("retrained.safetensors")
        let job = RetrainJob(model: base, preprocessing: nil, data: "breast_cancer_wdbc", trainLimit: 250, subset: DataSubset(),
                             multipliers: .init(assignment: exact, spec: "exact8", layerSpecs: [:]), config: config, errorModel: nil,
                             output: out, log: nil, resume: false)
        let reports = Collector(), batches = Collector(), counts = Collector()
        var context = ExecutionContext.silent
        context.workers = Workers(Workers.process.count == 3 ? 2 : 3)
        context.report = ProgressSink { what, done, total in reports.add("\(what) \(done)/\(total)") }
        context.progress = { p in batches.add("batch \(p.batch)/\(p.batches)"); counts.add("\(Workers.current.count)") }
        context.finishProgress = { batches.add("end") }
        _ = try job.run(context: context)
        // 250 training images in batches of 100: 3 batches, then the bar ends.
        #expect(batches.all == ["batch 1/3", "batch 2/3", "batch 3/3", "end"])
        let all = reports.all
        // The error statistics on 64 of the 250 images (batches of 100: one report), then the evaluations before
        // and after (each ends at the test set's size).
        #expect(all.filter { $0.hasPrefix("collecting error statistics") } == ["collecting error statistics 64/64"])
        let evaluations = all.filter { $0.hasPrefix("evaluating") }
        let test = try #require(evaluations.last.flatMap { $0.split(separator: "/").last }.flatMap { Int($0) })
        #expect(evaluations.filter { $0 == "evaluating \(test)/\(test)" }.count == 2, "before and after: \(evaluations)")
        #expect(counts.all == Array(repeating: "\(context.workers.count)", count: 3), "the context's workers, not the process's")
        // The same job on one worker writes the same checkpoint.
        let one = root.appendingPathComponent("one.safetensors")
        var serial = ExecutionContext.silent
        serial.workers = Workers(1)
        _ = try RetrainJob(model: base, preprocessing: nil, data: "breast_cancer_wdbc", trainLimit: 250, subset: DataSubset(),
                           multipliers: .init(assignment: exact, spec: "exact8", layerSpecs: [:]), config: config, errorModel: nil,
                           output: one, log: nil, resume: false).run(context: serial)
        #expect(try Data(contentsOf: one) == Data(contentsOf: out))
    }
}
