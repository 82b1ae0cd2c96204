import Foundation
import Testing
@testable import NetSim

/// The inference-only forward (`ForwardContext.inferenceOnly`, what `Trainer.evaluate` and so
/// `axmul evaluate` run) against the training-capable forward, and one OpenBLAS thread against two:
/// every logit is bitwise the same, for float, exact 8-bit and approximate compute.
@Suite struct InferencePathTests {
    /// Random ResNet-8 (convolutions, batch norm, residual adds, dense) on 8×8 digits, wrapped with
    /// SMApprox 3330 and calibrated on the first 64 training images.
    static func wrapped() throws -> (Network, Tensor) {
        let (train, test) = try DatasetLoader.load("digits_8x8")
        let net = try ModelZoo.build("resnet8", inputShape: train.sampleShape, classCount: train.classCount, seed: 5)
        let table = try KernelTestTables.signed(KernelTestTables.smapprox([3, 3, 3, 0]))
        var options = ApproxNetwork.QuantOptions()
        options.calibrationBatches = 1
        var wrapped = ApproxNetwork.wrap(net, MultiplierAssignment(default: .init(name: "smapprox8x8-3330", table: table)),
                                         options: options)
        ApproxNetwork.calibrate(&wrapped, on: train, options: options)
        let (x, _) = Trainer.batch(test, Array(0..<40))
        return (wrapped, x)
    }

    static func logits(_ net: Network, _ x: Tensor, _ compute: ApproxCompute, inferenceOnly: Bool) -> [Float] {
        var n = net
        ApproxNetwork.set(&n, compute: compute)
        var ctx = ForwardContext(mode: .eval, inferenceOnly: inferenceOnly)
        return n.forward(x, context: &ctx).data
    }

    @Test(arguments: [ApproxCompute.float, .exact, .approximate])
    func inferenceOnlyForwardGivesTheSameLogits(_ compute: ApproxCompute) throws {
        let (net, x) = try Self.wrapped()
        let full = Self.logits(net, x, compute, inferenceOnly: false)
        let lean = Self.logits(net, x, compute, inferenceOnly: true)
        #expect(full.count == 40 * 10)
        #expect(full.map(\.bitPattern) == lean.map(\.bitPattern))
        // The approximate multiplier changes some logits (the comparison above is not vacuous).
        if compute == .approximate {
            #expect(full != Self.logits(net, x, .exact, inferenceOnly: false))
        }
    }

    @Test func oneOpenBLASThreadGivesTheSameLogitsAsTwo() throws {
        let (net, x) = try Self.wrapped()
        let before = BLAS.threads
        defer { BLAS.setThreads(before) }
        for compute in [ApproxCompute.float, .exact, .approximate] {
            BLAS.setThreads(2)
            let two = Self.logits(net, x, compute, inferenceOnly: true)
            BLAS.setThreads(1)
            let one = Self.logits(net, x, compute, inferenceOnly: true)
            #expect(one.map(\.bitPattern) == two.map(\.bitPattern), "\(compute)")
        }
    }

    /// Inside `Parallel.serially` (how `Trainer.evaluate`'s per-core workers run a batch) every
    /// logit equals the one from the two-core per-op loops.
    @Test func serialWorkerGivesTheSameLogits() throws {
        let (net, x) = try Self.wrapped()
        for compute in [ApproxCompute.float, .exact, .approximate] {
            let shared = Self.logits(net, x, compute, inferenceOnly: true)
            let serial = Parallel.serially { Self.logits(net, x, compute, inferenceOnly: true) }
            #expect(shared.map(\.bitPattern) == serial.map(\.bitPattern), "\(compute)")
        }
    }

    /// `Trainer.evaluate` (batches one per core) against a plain loop over the same batches: the
    /// same correct count and the same loss, added in batch order.
    @Test func batchParallelEvaluateEqualsTheSerialLoop() throws {
        let (net, _) = try Self.wrapped()
        let (_, test) = try DatasetLoader.load("digits_8x8")
        var n = net
        ApproxNetwork.set(&n, compute: .approximate)
        let got = Trainer.evaluate(n, on: test, batchSize: 50)
        var correct = 0, loss = 0.0
        for start in stride(from: 0, to: test.count, by: 50) {
            let idx = Array(start..<min(start + 50, test.count))
            let (x, y) = Trainer.batch(test, idx)
            var ctx = ForwardContext(mode: .eval, inferenceOnly: true)
            let out = SoftmaxCrossEntropy.lossAndGradient(logits: n.forward(x, context: &ctx), labels: y)
            correct += out.correct
            loss += out.loss * Double(idx.count)
        }
        #expect(test.count > 100)
        #expect(got.accuracy == Double(correct) / Double(test.count))
        #expect(got.loss == loss / Double(test.count))
    }

    /// `Parallel.map` returns results in item order, gives every worker its own copy of the state
    /// (kept from one item to the worker's next), and runs inner `Parallel` loops serially inside a
    /// worker, for any worker count (more workers than items or cores included).
    @Test(arguments: [1, 2, 3, 8, 32])
    func parallelMapKeepsOrderAndPrivateState(workers: Int) {
        let out = Workers.with(Workers(workers)) {
            Parallel.map(9, state: [Int]()) { seen, i -> (Int, [Int], Bool) in
                seen.append(i)
                return (i * i, seen, Parallel.isSerial || min(workers, 9) == 1)
            }
        }
        #expect(out.map(\.0) == (0..<9).map { (i: Int) -> Int in i * i })
        // A worker's copy holds the items it took, in the order taken, and nothing of another worker's:
        // item i's history ends with i, and every earlier item j in it had the history before j.
        for (i, r) in out.enumerated() {
            let seen = r.1
            #expect(seen.last == i)
            #expect(seen == seen.sorted() && Set(seen).count == seen.count)
            for (p, j) in seen.dropLast().enumerated() { #expect(out[j].1 == Array(seen[...p]), "item \(i), earlier \(j)") }
        }
        // The histories partition the items: each item is the last of exactly one history chain.
        let chainEnds = out.enumerated().filter { i, _ in !out.contains { $0.1.dropLast().contains(i) } }.map(\.offset)
        #expect(chainEnds.count <= min(workers, 9))
        #expect(!out.map(\.2).contains(false))
        #expect(!Parallel.isSerial)
    }
}
