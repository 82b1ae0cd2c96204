import Foundation

/// The `axmul bench netsim` figures: training throughput next to a plain sgemm measured in the same run.
public struct NetSimBenchReport: Sendable, Codable, Equatable {
    public var threads: Int
    /// GFLOP/s of a square 1024 sgemm, best of 5.
    public var sgemmGFLOPS: Double
    public var lenet5: LeNetEpochTiming
    /// Absent when skipped.
    public var resnet8: ResNetStepTiming?

    enum CodingKeys: String, CodingKey { case threads, sgemmGFLOPS = "sgemm_gflops", lenet5, resnet8 }
}

/// One LeNet-5 training epoch on Fashion-MNIST, batch 64.
public struct LeNetEpochTiming: Sendable, Codable, Equatable {
    public var images: Int
    public var seconds: Double
    public var imagesPerSecond: Double
    public var gflops: Double
    /// gflops / sgemm GFLOP/s.
    public var fractionOfSgemm: Double
    public var trainAccuracy: Double

    enum CodingKeys: String, CodingKey {
        case images, seconds, gflops
        case imagesPerSecond = "images_per_s", fractionOfSgemm = "fraction_of_sgemm", trainAccuracy = "train_accuracy"
    }
}

/// ResNet-8 forward+backward on one batch of 64×3×32×32, best of `repeats`.
public struct ResNetStepTiming: Sendable, Codable, Equatable {
    public var batch: Int
    public var repeats: Int
    public var seconds: Double
    public var gflops: Double
    public var fractionOfSgemm: Double

    enum CodingKeys: String, CodingKey { case batch, repeats, seconds, gflops, fractionOfSgemm = "fraction_of_sgemm" }
}

/// Times NetSim training against OpenBLAS (release builds only give meaningful figures).
public enum NetSimBenchmark {
    /// Runs the measurements (ResNet-8 unless `resnetRepeats` is 0); `onStep` sees each line as soon as it is measured.
    /// `threads` in the report is `Workers.current`; the sgemm peak runs OpenBLAS on that many threads,
    /// the training steps on NetSim's workers with OpenBLAS on one thread (as every command does).
    public static func run(lenetImages: Int, resnetRepeats: Int,
                           onStep: (String) -> Void = { _ in }) throws -> NetSimBenchReport {
        let threads = Workers.current.count
        BLAS.setThreads(threads)
        let peak = sgemmGFLOPS()
        BLAS.setThreads(1)
        onStep(String(format: "threads %d; plain sgemm 1024³: %.3g GFLOP/s", threads, peak))
        let lenet = try lenetEpoch(images: lenetImages, peak: peak)
        onStep(String(format: "LeNet-5 epoch, %d Fashion-MNIST images, batch 64: %.3g s (%.3g img/s, %.3g GFLOP/s = %.3g of sgemm; train acc %.3g)",
                      lenet.images, lenet.seconds, lenet.imagesPerSecond, lenet.gflops, lenet.fractionOfSgemm, lenet.trainAccuracy))
        guard resnetRepeats > 0 else { return NetSimBenchReport(threads: threads, sgemmGFLOPS: peak, lenet5: lenet, resnet8: nil) }
        let resnet = try resnet8Step(repeats: resnetRepeats, peak: peak)
        onStep(String(format: "ResNet-8 forward+backward, batch 64×3×32×32: %.3g ms (best of %d), %.3g GFLOP/s = %.3g of sgemm",
                      resnet.seconds * 1000, resnet.repeats, resnet.gflops, resnet.fractionOfSgemm))
        return NetSimBenchReport(threads: threads, sgemmGFLOPS: peak, lenet5: lenet, resnet8: resnet)
    }

    /// GFLOP/s of a square 1024 sgemm, best of 5.
    static func sgemmGFLOPS() -> Double {
        let n = 1024
        let a = [Float](repeating: 0.5, count: n * n), b = a
        var c = [Float](repeating: 0, count: n * n)
        var best = Double.infinity
        for _ in 0..<5 {
            let t0 = Date()
            a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in c.withUnsafeMutableBufferPointer { pc in
                guard let pa = pa.baseAddress, let pb = pb.baseAddress, let pc = pc.baseAddress else { return }
                BLAS.sgemm(transA: false, transB: false, m: n, n: n, k: n, alpha: 1, a: pa, lda: n,
                           b: pb, ldb: n, beta: 0, c: pc, ldc: n)
            } } }
            best = min(best, Date().timeIntervalSince(t0))
        }
        return 2 * Double(n * n * n) / best / 1e9
    }

    static func lenetEpoch(images: Int, peak: Double) throws -> LeNetEpochTiming {
        let full = try DatasetLoader.load("fashion-mnist").train
        let train = full.subset(Array(0..<min(max(images, 1), full.count)))
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.learningRate) = (1, 64, 0.01)
        let net = try ModelZoo.build("lenet5", inputShape: train.sampleShape, classCount: 10, seed: 1)
        var trainer = Trainer(network: net, config: cfg)
        let t0 = Date()
        let record = try trainer.runEpoch(train: train, test: train.subset([]))
        let secs = Date().timeIntervalSince(t0)
        // Forward + backward ≈ 3 forward passes; 2 FLOPs per MAC.
        let gflops = 6 * Double(try net.macsPerSample()) * Double(train.count) / secs / 1e9
        return LeNetEpochTiming(images: train.count, seconds: secs, imagesPerSecond: Double(train.count) / secs,
                                gflops: gflops, fractionOfSgemm: gflops / peak, trainAccuracy: record.trainAccuracy)
    }

    static func resnet8Step(repeats: Int, peak: Double) throws -> ResNetStepTiming {
        var net = try ModelZoo.build("resnet8", inputShape: [3, 32, 32], classCount: 10, seed: 1)
        var rng = SplitMix64(seed: 2)
        let x = Tensor(shape: [64, 3, 32, 32], data: (0..<(64 * 3 * 1024)).map { _ in rng.nextNormal() })
        let labels = (0..<64).map { Int32($0 % 10) }
        var best = Double.infinity
        for _ in 0..<repeats {
            let t0 = Date()
            var ctx = ForwardContext(mode: .train)
            net.zeroGradients()
            net.backward(SoftmaxCrossEntropy.lossAndGradient(logits: net.forward(x, context: &ctx), labels: labels).grad)
            best = min(best, Date().timeIntervalSince(t0))
        }
        let gflops = 6 * Double(try net.macsPerSample()) * 64 / best / 1e9
        return ResNetStepTiming(batch: 64, repeats: repeats, seconds: best, gflops: gflops, fractionOfSgemm: gflops / peak)
    }
}
