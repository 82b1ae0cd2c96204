import Testing
@testable import NetSim

/// AxTrain-pas: the clipped STE (eq. 12), dynamic fixed point, NTV bit flips at the requested
/// rate, and the hardware model (DRUM multiplier + NTV storage) inside a training epoch.
@Suite struct AxTrainPasTests {
    @Test func clippedSTEMasksLargeGradients() {
        let g = Tensor(shape: [7], data: [0.5, -0.99, 1, -1, 2.5, -3, 0])
        #expect(ClippedSTE.mask(g).data == [0.5, -0.99, 0, 0, 0, 0, 0])
    }

    /// Dense with W = [[1, 2], [3, 4]], x = [1, −1], dy = [0.5, 2] → masked [0.5, 0]:
    /// dx = maskedᵀ·W = [0.5, 1], dW = masked ⊗ x = [[0.5, −0.5], [0, 0]].
    @Test func passiveLayerAppliesClippedSTE() {
        var rng = SplitMix64(seed: 1)
        var d = Dense("fc", inFeatures: 2, outFeatures: 2, rng: &rng)
        d.parameters[0].value = Tensor(shape: [2, 2], data: [1, 2, 3, 4])
        var p = PassiveLayer(d, storage: nil, activationBits: nil, seed: 1)
        var ctx = ForwardContext(mode: .train)
        _ = p.forward(Tensor(shape: [1, 2], data: [1, -1]), context: &ctx)
        let dx = p.backward(Tensor(shape: [1, 2], data: [0.5, 2]))
        #expect(dx.data == [0.5, 1])
        #expect(p.parameters[0].grad.data == [0.5, -0.5, 0, 0])
    }

    /// max|w| = 0.3 ≤ 2^−1, so an 8-bit word has no integer bits: 8 fraction bits, step 2^−8,
    /// range [−0.5, 0.5); 0.3 → round(76.8) = 77 → 0.30078125; 1.0 saturates to 127/256.
    @Test func dynamicFixedPointHasNoUnneededIntegerBits() {
        let f = FixedPointFormat.dynamic(for: [0.1, -0.3, 0.05], bits: 8)
        #expect(f.fractionBits == 8)
        #expect(f.encode(0.3) == 77)
        #expect(f.round(0.3) == 0.30078125)
        #expect(f.round(1) == Float(127) / 256)
        #expect(f.decode(-128) == -0.5)
        #expect(FixedPointFormat.dynamic(for: [3], bits: 8).fractionBits == 5)   // 3 ≤ 2^2
        #expect(FixedPointFormat.dynamic(for: [0.5], bits: 8).fractionBits == 8) // 0.5 ≤ 2^−1
    }

    /// 20,000 8-bit weights (160,000 bits) per rate; flips counted independently by re-encoding
    /// the read values and XOR-ing with the clean codes. Binomial: |flips − np| ≤ 4.5·sqrt(np(1−p)).
    @Test(arguments: [0.1, 0.01, 0.001])
    func realisedFlipRateMatchesRequested(rate: Double) {
        let w = FD.random([20_000], seed: 4, scale: 0.2).data
        let storage = NTVStorage(bits: 8, flipRate: rate)
        var rng = SplitMix64(seed: 11)
        var tally = NTVStorage.Tally()
        let read = storage.read(w, rng: &rng, tally: &tally)
        let f = FixedPointFormat.dynamic(for: w, bits: 8)
        let flips = zip(w, read).reduce(0) { $0 + ((f.encode($1.0) ^ f.encode($1.1)) & 0xFF).nonzeroBitCount }
        let n = Double(w.count * 8)
        #expect(flips == tally.bitsFlipped)
        #expect(tally.bitsRead == w.count * 8)
        #expect(abs(Double(flips) - n * rate) <= 4.5 * (n * rate * (1 - rate)).squareRoot())
        let bound = Float(sign: .plus, exponent: -f.fractionBits + 7, significand: 1)
        #expect(read.allSatisfy { abs($0) <= bound })   // noise confined to the format's range
    }

    /// DRUM(k) on an 8-bit magnitude: keep k bits from the leading one, set the lowest kept bit,
    /// drop the rest (Hashemi et al.); values below 2^k are exact.
    static func drum(_ a: Int, k: Int) -> Int {
        guard a >= 1 << k else { return a }
        let t = Int.bitWidth - 1 - a.leadingZeroBitCount, low = t - k + 1
        return ((a >> low) | 1) << low
    }

    static func drumTable(k: Int) throws -> SignedProductTable {
        let side = SignedProductTable.side
        var u = [UInt32](repeating: 0, count: side * side)
        for a in 0..<side { for b in 0..<side { u[a * side + b] = UInt32(drum(a, k: k) * drum(b, k: k)) } }
        return try SignedProductTable(unsignedProducts: u, width: side)
    }

    @Test func drumDefinitionByHand() {
        #expect(Self.drum(3, k: 2) == 3)
        #expect(Self.drum(13, k: 2) == 12)   // 1101 → 11|01 → 11 with low bit set = 11 → 1100
        #expect(Self.drum(8, k: 2) == 12)    // 1000 → 10 → 11 → 1100
        #expect(Self.drum(128, k: 1) == 128)
    }

    /// One pas epoch through DRUM k=1 and 1% NTV storage: realised flip rate near 1%, the loss
    /// finite, and removing the wrappers gives back plain Dense layers with the trained weights.
    @Test func pasEpochRunsThroughHardwareModel() throws {
        var rng = SplitMix64(seed: 5)
        let n = 48
        let values = (0..<(n * 4)).map { _ in rng.nextUniform() * 2 - 1 }
        let labels = (0..<n).map { Int32(values[$0 * 4] > 0 ? 1 : 0) }
        let data = LabeledData(sampleShape: [4], values: values, labels: labels, classCount: 2)
        let net = try ModelZoo.build("mlp", inputShape: [4], classCount: 2, seed: 3, options: .init(hidden: [64]))
        let hw = HardwareModel(multiplier: .init(name: "drum8-k1", table: try Self.drumTable(k: 1)),
                               storage: NTVStorage(bits: 8, flipRate: 0.01))
        var config = TrainConfig()
        config.batchSize = 8
        var t = Trainer(network: hw.apply(to: net, calibration: data, seed: 1), config: config)
        let rec = try t.runEpoch(train: data, test: data)
        #expect(rec.trainLoss.isFinite)
        let tally = HardwareModel.tally(t.network)
        #expect(tally.bitsRead > 10_000)
        #expect(abs(tally.rate - 0.01) < 0.004)
        let plain = HardwareModel.remove(from: t.network)
        #expect(plain.nodes.allSatisfy { !($0.layer is PassiveLayer) && !($0.layer is ApproxLayer) })
        #expect(plain.namedParameters.map(\.value) == t.network.namedParameters.map(\.value))
        #expect(plain.namedParameters.map(\.value) != net.namedParameters.map(\.value))
    }
}
