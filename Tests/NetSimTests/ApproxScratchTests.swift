import Foundation
import Testing
@testable import NetSim

@Suite("scratch", .serialized)
struct ApproxScratchTests {
    @Test(arguments: ["digits_8x8:16"])
    func explore(spec: String) throws {
        guard ProcessInfo.processInfo.environment["AXMUL_SCRATCH"] != nil else { return }
        let parts = spec.split(separator: ":")
        let hidden = parts[1].split(separator: ",").map { Int($0)! }
        let (train, test) = try DatasetLoader.load(String(parts[0]))
        var config = TrainConfig()
        (config.epochs, config.batchSize, config.learningRate, config.seed) = (8, 32, 0.05, 3)
        let net = try ModelZoo.build("mlp", inputShape: train.sampleShape, classCount: train.classCount, seed: 3, options: .init(hidden: hidden))
        var trainer = Trainer(network: net, config: config)
        for _ in 0..<config.epochs { _ = try trainer.runEpoch(train: train, test: test) }
        for digits in [[2, 2, 2, 2]] { for lr in [Float(0.002), 0.003] {
            let table = try KernelTestTables.signed(KernelTestTables.smapprox(digits))
            let assignment = MultiplierAssignment(default: .init(name: "x", table: table))
            let ev = ApproxEvaluation.evaluate(trainer.network, assignment: assignment, calibration: train, test: test)
            print("SCRATCH \(spec) \(digits) float \(ev.accuracy.floatAccuracy) exact \(ev.accuracy.exact8Accuracy) approx \(ev.accuracy.approxAccuracy)")
            for method in RetrainMethod.allCases {
                var c = RetrainConfig()
                (c.method, c.epochs, c.learningRate, c.batchSize) = (method, 3, lr, 32)
                c.errorModelSamples = 256
                let (_, r) = try Retrainer.retrain(trainer.network, train: train, test: test, assignment: assignment, config: c)
                print("SCRATCH  \(lr) \(method) \(r.approxAccuracyBefore) -> \(r.approxAccuracyAfter) \(r.epochSeconds)")
            }}
        }
    }
}
