import Testing
@testable import NetSim

/// The exact Hessian-vector product (R-operator) against central finite differences of the
/// gradient: H·v ≈ (∇L(w + εv) − ∇L(w − εv)) / 2ε with ε = 1e-3. Float gradients carry about
/// 1e-7 relative noise, so the documented tolerance is 5e-3 absolute + 3e-2 relative per entry.
@Suite struct HVPTests {
    static let eps: Float = 1e-3

    static func gradient(_ net: Network, _ x: Tensor, _ y: [Int32], mode: Mode) -> [Tensor] {
        var n = net
        var ctx = ForwardContext(mode: mode)
        n.zeroGradients()
        n.backward(SoftmaxCrossEntropy.lossAndGradient(logits: n.forward(x, context: &ctx), labels: y).grad)
        return n.gradients
    }

    /// Zero-initialised biases put ReLUs exactly on their kink when a whole layer is inactive;
    /// random biases keep the finite differences on one linear piece.
    /// The direction has entries in ±`scale`; a small scale keeps large nets on one linear piece.
    static func compare(_ network: Network, _ x: Tensor, _ y: [Int32], scale: Float = 1) throws -> Double {
        var net = network
        net.setParameters(net.namedParameters.enumerated().map { k, p in
            p.name.hasSuffix(".bias") ? FD.random(p.value.shape, seed: 300 + UInt64(k), scale: 0.3) : p.value
        })
        var n = net
        let params = net.namedParameters.map(\.value)
        let v = params.enumerated().map { FD.random($0.element.shape, seed: 100 + UInt64($0.offset), scale: scale) }
        let hv = try n.hessianVectorProduct(x, labels: y, direction: v)
        var plus = net, minus = net
        plus.setParameters(zip(params, v).map { p, d in var t = p; t.add(d, scaledBy: eps); return t })
        minus.setParameters(zip(params, v).map { p, d in var t = p; t.add(d, scaledBy: -eps); return t })
        let gp = gradient(plus, x, y, mode: .eval), gm = gradient(minus, x, y, mode: .eval)
        var fd: [Double] = [], an: [Double] = []
        for t in hv.indices {
            for i in 0..<hv[t].count {
                fd.append((Double(gp[t].data[i]) - Double(gm[t].data[i])) / Double(2 * eps))
                an.append(Double(hv[t].data[i]))
            }
        }
        #expect(an.contains { abs($0) > 1e-3 }, "HVP must not be trivially zero")
        let worst = FD.worst(fd, an, atol: 5e-3, rtol: 3e-2)
        if worst > 1, let i = (0..<fd.count).max(by: { abs(fd[$0] - an[$0]) < abs(fd[$1] - an[$1]) }) {
            print("HVP worst entry \(i) of \(fd.count): fd \(fd[i]) analytic \(an[i])")
        }
        return worst
    }

    @Test func mlpHVP() throws {
        let net = try ModelZoo.build("mlp", inputShape: [6], classCount: 3, seed: 2, options: .init(hidden: [5, 4]))
        #expect(try Self.compare(net, FD.random([4, 6], seed: 1), [0, 1, 2, 1]) <= 1)
    }

    @Test func convNetHVP() throws {
        // Conv (grouped and plain) → ReLU → MaxPool → AvgPool → BatchNorm(eval) → Flatten → Dense, with a residual Add.
        var rng = SplitMix64(seed: 5)
        var net = Network(name: "t", inputShape: [2, 6, 6])
        var c1 = Conv2D("c1", inChannels: 2, outChannels: 4, kernel: 3, padding: 1, rng: &rng)
        c1.parameters[1].value = FD.random([4], seed: 6, scale: 0.1)
        net.add(c1)
        net.add(ReLU("r1"))
        net.add(Conv2D("c2", inChannels: 4, outChannels: 4, kernel: 3, padding: 1, groups: 2, rng: &rng))
        net.add(Add("add"), inputs: [1, 2])
        net.add(MaxPool("mp", kernel: 2))
        var bn = BatchNorm("bn", channels: 4)
        bn.runningMean = FD.random([4], seed: 7, scale: 0.2)
        bn.runningVar = Tensor(shape: [4], data: [0.5, 1, 1.5, 2])
        net.add(bn)
        net.add(AvgPool("ap", kernel: 3))
        net.add(Flatten("fl"))
        net.add(Dense("fc", inFeatures: 4, outFeatures: 3, rng: &rng))
        #expect(try Self.compare(net, FD.random([3, 2, 6, 6], seed: 8), [2, 0, 1]) <= 1)
    }

    @Test func lenetHVPWithGlobalPoolingFreeHead() throws {
        let net = try ModelZoo.build("lenet5", inputShape: [1, 8, 8], classCount: 4, seed: 3)
        #expect(try Self.compare(net, FD.random([2, 1, 8, 8], seed: 9), [3, 1], scale: 0.05) <= 1)
    }

    @Test func batchNormInTrainModeHasNoROperator() throws {
        var net = try ModelZoo.build("resnet8", inputShape: [3, 4, 4], classCount: 2, seed: 1)
        let v = net.namedParameters.map { $0.value.zerosLike() }
        #expect(throws: ModelError.self) {
            try net.hessianVectorProduct(FD.random([2, 3, 4, 4], seed: 1), labels: [0, 1], direction: v, mode: .train)
        }
    }

    @Test func outputJacobianVectorProductMatchesFiniteDifferences() throws {
        // R{z} = J_w(z)·v against (z(w+εv) − z(w−εv)) / 2ε.
        var net = try ModelZoo.build("mlp", inputShape: [3], classCount: 2, seed: 4, options: .init(hidden: [4]))
        let x = FD.random([2, 3], seed: 2)
        let params = net.namedParameters.map(\.value)
        let v = params.enumerated().map { FD.random($0.element.shape, seed: 200 + UInt64($0.offset)) }
        let (_, jv) = try net.outputHessianVectorProduct(x, outputWeights: Tensor(shape: [2, 2], repeating: 1), direction: v)
        func out(_ s: Float) -> Tensor {
            var n = net
            n.setParameters(zip(params, v).map { p, d in var t = p; t.add(d, scaledBy: s); return t })
            var ctx = ForwardContext(mode: .eval)
            return n.forward(x, context: &ctx)
        }
        let zp = out(Self.eps), zm = out(-Self.eps)
        let fd = (0..<jv.count).map { (Double(zp.data[$0]) - Double(zm.data[$0])) / Double(2 * Self.eps) }
        #expect(FD.worst(fd, jv.data.map(Double.init), atol: 5e-3, rtol: 3e-2) <= 1)
    }
}
