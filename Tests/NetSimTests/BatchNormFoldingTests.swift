import Testing
@testable import NetSim

@Suite("Ablation knobs: BN folding, per-channel weight steps, percentile calibration")
struct BatchNormFoldingTests {
    /// Gives every BatchNorm of `net` non-trivial γ, β and running statistics.
    static func randomiseBatchNorms(_ net: inout Network, _ rng: inout SplitMix64) {
        for i in net.nodes.indices {
            guard var bn = net.nodes[i].layer as? BatchNorm else { continue }
            for c in 0..<bn.channels {
                bn.parameters[0].value.data[c] = 0.5 + rng.nextUniform()
                bn.parameters[1].value.data[c] = rng.nextUniform() - 0.5
                bn.runningMean.data[c] = (rng.nextUniform() - 0.5) * 0.4
                bn.runningVar.data[c] = 0.3 + rng.nextUniform()
            }
            net.nodes[i].layer = bn
        }
    }

    static func evalForward(_ net: Network, _ x: Tensor) -> Tensor {
        var n = net, ctx = ForwardContext(mode: .eval)
        return n.forward(x, context: &ctx)
    }

    static func maxDiff(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    @Test("ResNet-8: folded and unfolded networks give the same float outputs to 1e-5; every BN is removed")
    func foldedFloatOutputs() throws {
        var rng = SplitMix64(seed: 4)
        var net = try ModelZoo.build("resnet8", inputShape: [1, 8, 8], classCount: 3, seed: 2)
        Self.randomiseBatchNorms(&net, &rng)
        let folded = BatchNormFolding.fold(net)
        let bns = net.nodes.filter { $0.layer is BatchNorm }.count
        #expect(bns > 0 && folded.nodes.count == net.nodes.count - bns && !folded.nodes.contains { $0.layer is BatchNorm })
        let x = Tensor(shape: [2, 1, 8, 8], data: (0..<128).map { _ in rng.nextUniform() * 2 - 1 })
        let d = Self.maxDiff(Self.evalForward(net, x).data, Self.evalForward(folded, x).data)
        #expect(d <= 1e-5, "max |folded − unfolded| = \(d)")
        // Unfolding into the original architecture keeps the outputs and folds back to the same weights.
        let unfolded = BatchNormFolding.unfold(folded, into: net)
        #expect(unfolded.nodes.count == net.nodes.count)
        #expect(Self.maxDiff(Self.evalForward(unfolded, x).data, Self.evalForward(folded, x).data) <= 1e-5)
        let refolded = BatchNormFolding.fold(unfolded)
        for (a, b) in zip(refolded.namedParameters, folded.namedParameters) {
            #expect(a.name == b.name && a.value.data == b.value.data, "\(a.name)")
        }
    }

    @Test("exact 8-bit outputs of a folded conv+BN equal a hand-quantised reference")
    func foldedExact8() throws {
        var rng = SplitMix64(seed: 8)
        var net = Network(name: "cbn", inputShape: [1, 3, 3])
        let conv = Conv2D("c", inChannels: 1, outChannels: 2, kernel: 2, bias: false, rng: &rng)
        net.add(conv, inputs: [-1])
        var bn = BatchNorm("bn", channels: 2)
        (bn.parameters[0].value.data, bn.parameters[1].value.data) = ([1.5, -0.5], [0.1, 0.2])
        (bn.runningMean.data, bn.runningVar.data) = ([0.3, -0.2], [0.5, 2.0])
        net.add(bn)
        let xs = (0..<18).map { _ in rng.nextUniform() * 2 - 1 }
        let data = LabeledData(sampleShape: [1, 3, 3], values: xs, labels: [0, 1], classCount: 2)
        var options = ApproxNetwork.QuantOptions()
        (options.foldBatchNorm, options.calibration) = (true, .maxAbs)   // the reference below quantises max-abs
        var wrapped = ApproxNetwork.wrap(net, MultiplierAssignment(default: .init(name: "exact", table: .exact)), options: options)
        ApproxNetwork.calibrate(&wrapped, on: data, options: options)
        ApproxNetwork.set(&wrapped, compute: .exact)
        let y = Self.evalForward(wrapped, Tensor(shape: [2, 1, 3, 3], data: xs)).data

        // The reference, by the formulas: fold, quantise (max-abs, round half away), integer sums, rescale.
        let w = conv.parameters[0].value.data   // [2, 1, 2, 2]
        let g: [Double] = [1.5, -0.5], b: [Double] = [0.1, 0.2], mu: [Double] = [0.3, -0.2], v: [Double] = [0.5, 2.0]
        let s = (0..<2).map { g[$0] / (v[$0] + 1e-5).squareRoot() }
        let wf = (0..<8).map { Double(w[$0]) * s[$0 / 4] }
        let bf = (0..<2).map { b[$0] - mu[$0] * s[$0] }
        func code(_ z: Double, _ d: Double) -> Double { min(max((z / d).rounded(.toNearestOrAwayFromZero), -128), 127) }
        let dx = Double(xs.map { abs($0) }.max() ?? 1) / 127, dw = (wf.map { abs($0) }.max() ?? 1) / 127
        var expected: [Double] = []
        for n in 0..<2 { for c in 0..<2 { for i in 0..<2 { for j in 0..<2 {
            var sum = 0.0
            for ki in 0..<2 { for kj in 0..<2 {
                sum += code(Double(xs[n * 9 + (i + ki) * 3 + j + kj]), dx) * code(wf[c * 4 + ki * 2 + kj], dw)
            } }
            expected.append(sum * dx * dw + bf[c])
        } } } }
        #expect(y.count == expected.count)
        let d = zip(y, expected).map { abs(Double($0) - $1) }.max() ?? 0
        #expect(d <= 1e-5, "max |network − reference| = \(d)")
    }

    @Test("per-channel weight steps in the LUT-GEMM rescale equal a hand-computed example")
    func perChannelRescale() {
        var rng = SplitMix64(seed: 1)
        var dense = Dense("fc", inFeatures: 2, outFeatures: 2, rng: &rng)
        dense.parameters[0].value.data = [1, 0.6, 0.03, -0.04]
        dense.parameters[1].value.data = [0, 0]
        var net = Network(name: "d", inputShape: [2])
        net.add(dense, inputs: [-1])
        let data = LabeledData(sampleShape: [2], values: [1, -0.3], labels: [0], classCount: 2)
        // Δx = 1/127: x codes [127, −38]. Per channel: Δw = [1/127, 0.04/127], codes [127, 76] and [95, −127];
        // y = Δx·Δw·Σ = [(16129 − 2888)/16129, 0.04·(12065 + 4826)/16129]. Per tensor: Δw = 1/127,
        // row 1 codes [4, −5], y1 = (508 + 190)/16129.
        let expected: [Bool: [Double]] = [true: [13241.0 / 16129, 0.04 * 16891 / 16129], false: [13241.0 / 16129, 698.0 / 16129]]
        for perChannel in [true, false] {
            var options = ApproxNetwork.QuantOptions()
            (options.perChannelWeights, options.calibration) = (perChannel, .maxAbs)   // Δx = max|x|/127 as worked above
            var wrapped = ApproxNetwork.wrap(net, MultiplierAssignment(default: .init(name: "exact", table: .exact)), options: options)
            ApproxNetwork.calibrate(&wrapped, on: data, options: options)
            ApproxNetwork.set(&wrapped, compute: .exact)
            let y = Self.evalForward(wrapped, Tensor(shape: [1, 2], data: [1, -0.3])).data
            for (a, e) in zip(y, expected[perChannel] ?? []) {
                #expect(abs(Double(a) - e) < 1e-6, "per-channel \(perChannel): \(y)")
            }
        }
    }

    @Test("percentile calibration sets Δx = the hand-computed nearest-rank percentile / 127; CLI spellings")
    func percentileCalibration() throws {
        var rng = SplitMix64(seed: 1)
        var net = Network(name: "d", inputShape: [1])
        net.add(Dense("fc", inFeatures: 1, outFeatures: 1, rng: &rng), inputs: [-1])
        // Magnitudes 1...100 (signs alternate): the 90th percentile by nearest rank is 90, the 99.99th is 100.
        let values: [Float] = (1...100).map { (k: Int) -> Float in Float(k % 2 == 0 ? k : -k) }
        let data = LabeledData(sampleShape: [1], values: values, labels: [Int32](repeating: 0, count: 100), classCount: 2)
        for (text, range) in [("percentile:90", Float(90)), ("percentile", 100), ("max-abs", 100), ("maxabs", 100)] {
            var options = ApproxNetwork.QuantOptions()
            options.calibration = try #require(Calibrator.Method(text: text))
            var wrapped = ApproxNetwork.wrap(net, MultiplierAssignment(default: .init(name: "exact", table: .exact)), options: options)
            ApproxNetwork.calibrate(&wrapped, on: data, options: options)
            #expect(ApproxNetwork.inputDeltas(wrapped)["fc"] == range / 127, "\(text)")
        }
        #expect(Calibrator.Method(text: "percentile") == .percentile(99.99))
        #expect(Calibrator.Method(text: "percentile:0") == nil && Calibrator.Method(text: "max_abs") == nil)
    }

    @Test("the checkpoint's calibration metadata records --fold-bn and reads it back")
    func recordRoundTrip() throws {
        var options = ApproxNetwork.QuantOptions()
        (options.foldBatchNorm, options.perChannelWeights, options.calibration) = (true, true, .percentile(99.99))
        let record = QuantisationRecord(options: options, inputDeltas: ["c": 0.25])
        let meta = try QuantisationMetadata.encode(record)
        #expect(meta["calibration"] == #"{"batch_size":64,"batches":4,"fold_batch_norm":true,"method":"percentile:99.99","per_channel_weights":true}"#)
        let back = try #require(try QuantisationMetadata.decode(meta, path: "m"))
        #expect(back == record && back.options.foldBatchNorm)
        options.foldBatchNorm = false
        let plain = try QuantisationMetadata.encode(QuantisationRecord(options: options, inputDeltas: [:]))
        #expect(plain["calibration"]?.contains("fold_batch_norm") == false)
    }

    @Test("a record written before fold + percentile became the default still reads as max-abs, unfolded")
    func preChangeRecordIsNotReinterpreted() throws {
        let defaults = ApproxNetwork.QuantOptions()
        #expect(defaults.calibration == .percentile(99.99) && defaults.foldBatchNorm && !defaults.perChannelWeights)
        let meta = ["calibration": #"{"batch_size":64,"batches":4,"method":"maxabs","per_channel_weights":false}"#,
                    "input_delta.fc": "0.5"]
        let record = try #require(try QuantisationMetadata.decode(meta, path: "m"))
        #expect(record.calibration == .maxAbs && !record.foldBatchNorm && !record.perChannelWeights)
        #expect(record.options.calibration == .maxAbs && !record.options.foldBatchNorm && record.inputDeltas == ["fc": 0.5])
    }
}
