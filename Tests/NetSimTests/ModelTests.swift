import Testing
@testable import NetSim

/// The model zoo: every model builds, runs, and reports hand-checked sizes.
@Suite struct ModelTests {
    static func summary(_ n: Network) throws -> (params: Int, macs: Int, out: [Int]) {
        var shapes: [[Int]] = []
        var macs = 0
        for node in n.nodes {
            let input = node.inputs[0] < 0 ? n.inputShape : shapes[node.inputs[0]]
            macs += node.layer.macs(for: input)
            shapes.append(try node.layer.outputShape(for: input))
        }
        return (n.parameterCount, macs, shapes.last ?? [])
    }

    @Test func lenet5SizesByHand() throws {
        // conv1 6·(25+1)=156, conv2 16·(150+1)=2416, fc 400·120+120, 120·84+84, 84·10+10 → 61,706.
        // MACs: 28²·6·25 + 10²·16·150 + 48,000 + 10,080 + 840 = 117,600 + 240,000 + 58,920 = 416,520.
        let n = try ModelZoo.build("lenet5", inputShape: [1, 28, 28], classCount: 10, seed: 1)
        let s = try Self.summary(n)
        #expect(s.params == 61_706)
        #expect(s.macs == 416_520)
        #expect(s.out == [10])
    }

    @Test func mlpSizesByHand() throws {
        // 30-64-64-2: 30·64+64 + 64·64+64 + 64·2+2 = 1984 + 4160 + 130 = 6274.
        let n = try ModelZoo.build("mlp", inputShape: [30], classCount: 2, seed: 1)
        #expect(n.parameterCount == 6274)
    }

    @Test func resnet20HasTheKnownParameterCount() throws {
        // ResNet-20 with 1×1-conv projection shortcuts (option B), 0.27 M as in He et al.
        // By hand: stem 432+32; stage 1 6·2304 + 6·32; stage 2 4608 + 5·9216 + 6·64;
        // stage 3 18432 + 5·36864 + 6·128; fc 650 → 269,722 (option A), plus projections
        // 16·32 + 32·64 = 2,560 weights and their BN γ/β 2·(32+64) = 192 → 272,474.
        let n = try ModelZoo.build("resnet20", inputShape: [3, 32, 32], classCount: 10, seed: 1)
        #expect(n.parameterCount == 272_474)
    }

    @Test func resnet18HasTheKnownParameterCount() throws {
        // torchvision resnet18: 11,689,512 parameters for 1000 classes (BN running stats excluded).
        let n = try ModelZoo.build("resnet18", inputShape: [3, 224, 224], classCount: 1000, seed: 1)
        #expect(n.parameterCount == 11_689_512)
    }

    @Test(arguments: ModelZoo.names)
    func everyModelRunsOnASmallBatch(name: String) throws {
        let shape = name == "mlp" ? [12] : [3, 32, 32]
        var n = try ModelZoo.build(name, inputShape: shape, classCount: 5, seed: 1)
        guard name != "resnet18" && name != "vgg-cifar" else {
            #expect(try Self.summary(n).out == [5])
            return
        }
        var ctx = ForwardContext(mode: .eval)
        let y = n.forward(FD.random([1] + shape, seed: 1), context: &ctx)
        #expect(y.shape == [1, 5])
        #expect(y.data.allSatisfy { $0.isFinite })
    }

    @Test func vggHas13ConvAnd2Dense() throws {
        let n = try ModelZoo.build("vgg-cifar", inputShape: [3, 32, 32], classCount: 10, seed: 1)
        #expect(n.nodes.filter { $0.layer.kind == "Conv2D" }.count == 13)
        #expect(n.nodes.filter { $0.layer.kind == "Dense" }.count == 2)
    }

    @Test func unknownModelThrows() {
        #expect(throws: ModelError.self) { try ModelZoo.build("alexnet", inputShape: [3, 8, 8], classCount: 2, seed: 1) }
    }

    @Test func sameSeedSameWeights() throws {
        let a = try ModelZoo.build("lenet5", inputShape: [1, 8, 8], classCount: 10, seed: 9)
        let b = try ModelZoo.build("lenet5", inputShape: [1, 8, 8], classCount: 10, seed: 9)
        #expect(a.namedParameters.map(\.value) == b.namedParameters.map(\.value))
    }
}
