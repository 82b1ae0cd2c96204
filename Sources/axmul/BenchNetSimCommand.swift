import ArgumentParser
import Foundation
import NetSim

/// `axmul bench netsim`: LeNet-5 epoch on Fashion-MNIST, ResNet-8 forward+backward, and the
/// achieved GFLOP/s next to a plain OpenBLAS sgemm measured in the same run. Build with -c release.
struct BenchNetSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netsim",
        abstract: "Time NetSim training against plain sgemm (build with -c release).")

    @Option(help: "Fashion-MNIST training images used for the LeNet-5 epoch (max 60000).") var samples = 60_000
    @Option(help: "ResNet-8 forward+backward repetitions.") var reps = 5
    @Option(help: "OpenBLAS threads (default 1; NetSim's own loops use all cores).") var threads = 1

    func run() throws {
        BLAS.setThreads(threads)
        let peak = sgemmGFLOPS()
        print("threads \(threads); plain sgemm 1024³: \(f(peak)) GFLOP/s")
        try lenetEpoch(peak)
        try resnet8(peak)
    }

    /// GFLOP/s of a square 1024 sgemm, best of 5.
    private func sgemmGFLOPS() -> Double {
        let n = 1024
        let a = [Float](repeating: 0.5, count: n * n), b = a
        var c = [Float](repeating: 0, count: n * n)
        var best = Double.infinity
        for _ in 0..<5 {
            let t0 = Date()
            a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
                BLAS.sgemm(transA: false, transB: false, m: n, n: n, k: n, alpha: 1, a: pa.baseAddress!, lda: n,
                           b: pb.baseAddress!, ldb: n, beta: 0, c: pc.baseAddress!, ldc: n)
            } } }
            best = min(best, Date().timeIntervalSince(t0))
        }
        return 2 * Double(n * n * n) / best / 1e9
    }

    private func lenetEpoch(_ peak: Double) throws {
        let full = try DatasetLoader.load("fashion-mnist").train
        let train = full.subset(Array(0..<min(samples, full.count)))
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.learningRate) = (1, 64, 0.01)
        let net = try ModelZoo.build("lenet5", inputShape: train.sampleShape, classCount: 10, seed: 1)
        var trainer = Trainer(network: net, config: cfg)
        let empty = train.subset([])
        let t0 = Date()
        let record = try trainer.runEpoch(train: train, test: empty)
        let secs = Date().timeIntervalSince(t0)
        // Forward + backward ≈ 3 forward passes; 2 FLOPs per MAC.
        let gflops = 6 * Double(try net.macsPerSample()) * Double(train.count) / secs / 1e9
        print("LeNet-5 epoch, \(train.count) Fashion-MNIST images, batch 64: \(f(secs)) s "
              + "(\(f(Double(train.count) / secs)) img/s, \(f(gflops)) GFLOP/s = \(f(gflops / peak)) of sgemm; train acc \(f(record.trainAccuracy)))")
    }

    private func resnet8(_ peak: Double) throws {
        var net = try ModelZoo.build("resnet8", inputShape: [3, 32, 32], classCount: 10, seed: 1)
        var rng = SplitMix64(seed: 2)
        let x = Tensor(shape: [64, 3, 32, 32], data: (0..<(64 * 3 * 1024)).map { _ in rng.nextNormal() })
        let labels = (0..<64).map { Int32($0 % 10) }
        var best = Double.infinity
        for _ in 0..<max(reps, 1) {
            let t0 = Date()
            var ctx = ForwardContext(mode: .train)
            net.zeroGradients()
            net.backward(SoftmaxCrossEntropy.lossAndGradient(logits: net.forward(x, context: &ctx), labels: labels).grad)
            best = min(best, Date().timeIntervalSince(t0))
        }
        let gflops = 6 * Double(try net.macsPerSample()) * 64 / best / 1e9
        print("ResNet-8 forward+backward, batch 64×3×32×32: \(f(best * 1000)) ms (best of \(reps)), "
              + "\(f(gflops)) GFLOP/s = \(f(gflops / peak)) of sgemm")
    }

    private func f(_ x: Double) -> String { String(format: "%.3g", x) }
}
