import Foundation
import Testing
@testable import NetSim

/// NaN/Inf detection during training: which layer and step is named, and that nothing poisoned is returned.
@Suite struct NumericGuardTests {
    @Test func firstNonFiniteFindsNaNAndInfinitiesOnly() {
        let finite: [Float] = [0, -0, 1, -1, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                               .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-40]
        #expect(NumericGuard.firstNonFinite(finite) == nil)
        #expect(NumericGuard.firstNonFinite([]) == nil)
        for bad: Float in [.nan, .infinity, -.infinity, .signalingNaN, -.nan] {
            for position in [0, 4, 8] {
                var values = finite
                values[position] = bad
                #expect(NumericGuard.firstNonFinite(values) == position, "\(bad) at \(position)")
            }
        }
        var twice = finite
        (twice[7], twice[2]) = (.infinity, .nan)
        #expect(NumericGuard.firstNonFinite(twice) == 2)
    }

    /// A NaN feature in the one batch of epoch 1 makes the first Dense's output NaN (NaN·w = NaN).
    @Test func nanInputIsReportedAtTheFirstDenseLayerAndStep() throws {
        var values = [Float](repeating: 0.5, count: 8 * 4)
        values[5 * 4 + 2] = .nan
        let data = LabeledData(sampleShape: [4], values: values, labels: [0, 1, 0, 1, 0, 1, 0, 1], classCount: 2)
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.seed) = (1, 8, 3)
        let net = try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: 3, options: .init(hidden: [6]))
        var trainer = Trainer(network: net, config: cfg)
        let error = #expect(throws: TrainingError.self) { try trainer.runEpoch(train: data, test: data) }
        guard case .nonFinite(let fault) = error else { return }
        #expect(fault.site == .activation)
        #expect(fault.layer == 0 && fault.kind == "dense" && fault.name == "fc1")
        #expect(fault.epoch == 1 && fault.batch == 1 && fault.batches == 1)
        #expect(fault.value.isNaN)
        #expect(fault.message == "NaN in the output of layer 0 (dense 'fc1') at epoch 1, batch 1 of 1; training stopped")
        #expect(trainer.epoch == 0)
    }

    /// A huge rate blows the weights up after the first step; the guard stops in the first epoch.
    @Test func hugeLearningRateStopsInTheFirstEpoch() throws {
        let data = TrainTests.tinyData(seed: 5)
        var cfg = TrainConfig()
        (cfg.epochs, cfg.batchSize, cfg.learningRate, cfg.momentum, cfg.seed) = (1, 8, 1e30, 0, 2)
        let net = try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: 2, options: .init(hidden: [8, 8]))
        var trainer = Trainer(network: net, config: cfg)
        let error = #expect(throws: TrainingError.self) { try trainer.runEpoch(train: data, test: data) }
        guard case .nonFinite(let fault) = error else { return }
        #expect(fault.epoch == 1 && (fault.batch ?? 0) >= 2, "\(fault.message)")
        #expect(fault.kind == "dense" || fault.kind == "relu", "\(fault.message)")
    }

    @Test func gradientAndParameterChecksNameTheLayer() throws {
        var net = try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: 1, options: .init(hidden: [8, 8]))
        #expect(NumericGuard.gradientHit(net) == nil && NumericGuard.parameterHit(net) == nil)
        net.nodes[2].layer.parameters[1].grad.data[3] = -.infinity   // fc2.bias
        net.nodes[4].layer.parameters[0].grad.data[0] = .nan         // fc3.weight: later in node order, first in backward order
        #expect(NumericGuard.gradientHit(net)?.layer == 4)
        net.nodes[4].layer.parameters[0].grad.data[0] = 0
        #expect(NumericGuard.gradientHit(net) == .init(layer: 2, value: -.infinity))
        net.nodes[2].layer.parameters[0].value.data[7] = .infinity
        #expect(NumericGuard.parameterHit(net) == .init(layer: 2, value: .infinity))
    }

    @Test func messagesNameSiteLayerStepAndCheckpoint() {
        var f = NumericFault(site: .gradient, layer: 3, kind: "conv2d", name: "conv2", value: .infinity, epoch: 4, batch: 17, batches: 40)
        f.lastGood = .checkpoint(path: "run/m.safetensors", epoch: 3)
        #expect(TrainingError.nonFinite(f).message
            == "+Inf in the weight gradient of layer 3 (conv2d 'conv2') at epoch 4, batch 17 of 40; training stopped; "
            + "the last good state (epoch 3) is kept in run/m.safetensors")
        f.site = .parameter
        f.value = -.infinity
        f.lastGood = .notWritten
        #expect(f.message == "-Inf in the weights of layer 3 (conv2d 'conv2') after the optimiser step at epoch 4, batch 17 of 40; "
            + "training stopped before any checkpoint was written")
        f = NumericFault(site: .evaluation, layer: 0, kind: "dense", name: "fc1", value: .nan, epoch: 2, batch: nil, batches: 0)
        #expect(f.message == "NaN in the output of layer 0 (dense 'fc1') at the evaluation after epoch 2; training stopped")
    }
}
