import COpenBLAS
import Foundation

/// Times of one layer GEMM: plain-loop reference, fast kernel, OpenBLAS sgemm, all in one run.
public struct LUTGemmTiming: Sendable, Codable, Equatable {
    public let layer: String
    public let m: Int, k: Int, n: Int
    /// The activations drawn: "signed" (any Int8, a network's first layer) or "non-negative"
    /// (0...127, ReLU outputs: every later layer).
    public let activations: String
    /// Plain loop, extrapolated linearly from `referenceRows` rows (rows are independent).
    public let referenceSeconds: Double
    public let referenceRows: Int
    public let fastSeconds: Double
    /// The same product on the convolution's layout (`LUTGemm.fastTransposed`: K × M activations
    /// as im2col makes them, vector panel packing, Yᵀ out): what behavioural Conv2D layers run.
    public let fastConvLayoutSeconds: Double
    public let sgemmSeconds: Double
    /// The two float GEMMs of the backward pass (dX = dY·Wᵀ, dW = Xᵀ·dY), measured.
    public let backwardSeconds: Double
    /// fast / sgemm.
    public let ratio: Double
    /// fast (conv layout) / sgemm.
    public let convLayoutRatio: Double
    /// The kernel both layouts ran (`KernelPlan.kernel`: vnni-exact, vbmi-blocks, pair, nibble, sgemm, gather).
    public let kernel: String

    enum CodingKeys: String, CodingKey {
        case layer, m, k, n, ratio, activations, kernel
        case referenceSeconds = "reference_s", referenceRows = "reference_rows", fastSeconds = "fast_s"
        case sgemmSeconds = "sgemm_s", backwardSeconds = "backward_s"
        case fastConvLayoutSeconds = "fast_conv_layout_s", convLayoutRatio = "ratio_conv_layout"
    }
}

/// The `axmul bench lutgemm` result.
public struct LUTGemmBenchReport: Sendable, Codable, Equatable {
    public let route: String
    /// The kernels' instruction-set level and what the CPU has (`KernelISA.summary`), and the workers.
    public let isa: String
    public let workers: Int
    public let shapes: [LUTGemmTiming]
    /// 50,000 / 64 batches × Σ over ResNet-8 layers (conv-layout fast forward + measured backward GEMMs).
    public let resnet8EpochEstimateSeconds: Double
    /// ProxSim's epoch time on a GTX 1080 Ti, from the seed paper.
    public let anchorSeconds: Double
    /// The measured epoch (real behavioural retraining steps, scaled to 782 batches), when run.
    public var resnet8EpochMeasuredSeconds: Double? { resnet8EpochMeasurement?.epochSeconds }
    public let resnet8EpochMeasurement: RetrainEpochMeasurement?

    enum CodingKeys: String, CodingKey {
        case route, shapes, isa, workers
        case resnet8EpochEstimateSeconds = "resnet8_epoch_estimate_s", anchorSeconds = "anchor_s"
        case resnet8EpochMeasuredSeconds = "resnet8_epoch_measured_s", resnet8EpochMeasurement = "resnet8_epoch_measurement"
    }

    public init(route: String, shapes: [LUTGemmTiming], resnet8EpochEstimateSeconds: Double, anchorSeconds: Double,
                resnet8EpochMeasurement: RetrainEpochMeasurement?) {
        self.route = route; isa = KernelISA.summary; workers = Workers.current.count; self.shapes = shapes; self.resnet8EpochEstimateSeconds = resnet8EpochEstimateSeconds
        self.anchorSeconds = anchorSeconds; self.resnet8EpochMeasurement = resnet8EpochMeasurement
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        route = try c.decode(String.self, forKey: .route)
        isa = try c.decode(String.self, forKey: .isa)
        workers = try c.decode(Int.self, forKey: .workers)
        shapes = try c.decode([LUTGemmTiming].self, forKey: .shapes)
        resnet8EpochEstimateSeconds = try c.decode(Double.self, forKey: .resnet8EpochEstimateSeconds)
        anchorSeconds = try c.decode(Double.self, forKey: .anchorSeconds)
        resnet8EpochMeasurement = try c.decodeIfPresent(RetrainEpochMeasurement.self, forKey: .resnet8EpochMeasurement)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(route, forKey: .route)
        try c.encode(isa, forKey: .isa)
        try c.encode(workers, forKey: .workers)
        try c.encode(shapes, forKey: .shapes)
        try c.encode(resnet8EpochEstimateSeconds, forKey: .resnet8EpochEstimateSeconds)
        try c.encode(anchorSeconds, forKey: .anchorSeconds)
        try c.encodeIfPresent(resnet8EpochMeasuredSeconds, forKey: .resnet8EpochMeasuredSeconds)
        try c.encodeIfPresent(resnet8EpochMeasurement, forKey: .resnet8EpochMeasurement)
    }
}

/// Measures reference, fast kernel and sgemm on the zoo's layer shapes (release builds only give
/// meaningful figures). Each time is the best of `repeats` runs on random Int8 operands; activations
/// are non-negative for layers fed by ReLU outputs, as in the networks.
public struct LUTGemmBenchmark: Sendable {
    public let plan: KernelPlan
    public let repeats: Int
    /// Reference loop budget: rows are chosen so one timed run does at most this many MACs.
    public let referenceMACs: Int

    public init(plan: KernelPlan, repeats: Int = 3, referenceMACs: Int = 20_000_000) {
        self.plan = plan; self.repeats = max(1, repeats); self.referenceMACs = referenceMACs
    }

    /// lenet5, resnet8 and vgg-cifar at batch 64.
    public static var defaultShapes: [LUTGemmShape] {
        LUTGemmShapes.lenet5() + LUTGemmShapes.resnet8() + LUTGemmShapes.vggCifar()
    }

    /// Runs every shape; `progress` gets each timing as it is measured.
    /// `epoch` (when given) also measures real behavioural retraining steps of ResNet-8.
    public func run(_ shapes: [LUTGemmShape] = defaultShapes, epoch: RetrainEpochBenchmark? = nil,
                    progress: (LUTGemmTiming) -> Void = { _ in }) throws -> LUTGemmBenchReport {
        var out: [LUTGemmTiming] = []
        for s in shapes {
            let t = try time(s)
            progress(t)
            out.append(t)
        }
        let resnet = out.filter { $0.layer.hasPrefix("resnet8.") }
        let perBatch = resnet.reduce(0.0) { $0 + $1.fastConvLayoutSeconds + $1.backwardSeconds }
        return LUTGemmBenchReport(route: plan.route.description, shapes: out,
                                  resnet8EpochEstimateSeconds: perBatch * 50_000.0 / 64.0, anchorSeconds: 118,
                                  resnet8EpochMeasurement: try epoch?.run())
    }

    /// Times one shape.
    public func time(_ s: LUTGemmShape) throws -> LUTGemmTiming {
        var rng = SplitMix64(seed: UInt64(s.macs))
        let x = (0..<(s.m * s.k)).map { _ in Int8(truncatingIfNeeded: s.signedInput ? rng.next() : rng.next() & 127) }
        let w = (0..<(s.k * s.n)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        let rows = max(1, min(s.m, referenceMACs / max(1, s.k * s.n)))
        let xr = Array(x[0..<(rows * s.k)])
        let refT = try best { _ = try LUTGemm.reference(x: xr, w: w, m: rows, k: s.k, n: s.n, table: plan.table) }
        let xf = x.map(Float.init), wf = w.map(Float.init)
        let xfT = LUTGemm.transpose(xf, rows: s.m, cols: s.k), wfT = LUTGemm.transpose(wf, rows: s.k, cols: s.n)
        let dy = [Float](repeating: 0.5, count: s.m * s.n)
        var c = [Float](repeating: 0, count: max(s.m * s.n, s.m * s.k, s.k * s.n))
        // Interleaved rounds, best of each: on a busy machine every kernel sees the same load.
        let xT = LUTGemm.transpose(x, rows: s.m, cols: s.k)
        var fastT = Double.infinity, sgemmT = Double.infinity, backT = Double.infinity, convT = Double.infinity
        for _ in 0..<repeats {
            fastT = min(fastT, try seconds { _ = try LUTGemm.fast(x: x, w: w, m: s.m, k: s.k, n: s.n, plan: plan) })
            convT = min(convT, try seconds { _ = try LUTGemm.fastTransposed(xT: xT, w: w, m: s.m, k: s.k, n: s.n, plan: plan) })
            sgemmT = min(sgemmT, seconds { Self.layerSgemm(wT: wfT, cols: xfT, &c, m: s.m, k: s.k, n: s.n) })
            backT = min(backT, seconds {
                Self.sgemm(dy, wf, &c, m: s.m, k: s.n, n: s.k, transA: false, transB: true)   // dX = dY·Wᵀ
                Self.sgemm(xf, dy, &c, m: s.k, k: s.m, n: s.n, transA: true, transB: false)   // dW = Xᵀ·dY
            })
        }
        return LUTGemmTiming(layer: s.layer, m: s.m, k: s.k, n: s.n, activations: s.signedInput ? "signed" : "non-negative",
                             referenceSeconds: refT * Double(s.m) / Double(rows), referenceRows: rows,
                             fastSeconds: fastT, fastConvLayoutSeconds: convT, sgemmSeconds: sgemmT,
                             backwardSeconds: backT, ratio: fastT / sgemmT, convLayoutRatio: convT / sgemmT,
                             kernel: plan.kernel(nonNegative: !s.signedInput).rawValue)
    }

    /// Best wall time of `repeats` runs, in seconds.
    func best(_ body: () throws -> Void) throws -> Double {
        var bestT = Double.infinity
        for _ in 0..<repeats { bestT = min(bestT, try seconds(body)) }
        return bestT
    }

    /// Wall time of one run, in seconds.
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9
    }

    /// The float layer's forward product in the layer layout, as `Conv2D` runs it: Yᵀ (N × M) =
    /// Wᵀ (N × K) · cols (K × M), one OpenBLAS call per fixed column chunk, chunks over the workers.
    static func layerSgemm(wT: [Float], cols: [Float], _ c: inout [Float], m: Int, k: Int, n: Int) {
        wT.withUnsafeBufferPointer { ap in
            cols.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                    Conv2D.splitColumns(m) { lo, hi in
                        BLAS.sgemm(transA: false, transB: false, m: n, n: hi - lo, k: k, alpha: 1, a: ab, lda: k,
                                   b: bb + lo, ldb: m, beta: 0, c: cb + lo, ldc: m)
                    }
                }
            }
        }
    }

    /// Row-major C[m×n] = op(A)·op(B) with op(A) m×k and op(B) k×n.
    static func sgemm(_ a: [Float], _ b: [Float], _ c: inout [Float], m: Int, k: Int, n: Int,
                      transA: Bool, transB: Bool) {
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                    cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                                Int32(m), Int32(n), Int32(k), 1, ab, Int32(transA ? m : k), bb, Int32(transB ? k : n),
                                0, cb, Int32(n))
                }
            }
        }
    }
}
