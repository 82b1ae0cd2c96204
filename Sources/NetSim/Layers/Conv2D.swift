
/// 2-D convolution over NCHW input with a kh × kw kernel (square or not, e.g. Inception's 1×7), stride,
/// dilation, zero padding (per side) and groups (depthwise when groups == inChannels == outChannels).
/// Weight [out, in/groups, kh, kw], bias [out] (optional).
///
/// Implemented as im2col + one GEMM per group.
public struct Conv2D: WeightedLayer {
    public var name: String
    public var kind: String { "Conv2D" }
    public let inChannels: Int, outChannels: Int, stride: Int, groups: Int
    /// Kernel height and width (equal for a square kernel).
    public let kernelH: Int, kernelW: Int
    /// Zero padding per side, and the spacing between kernel taps (1: a plain convolution).
    public let pads: Pads, dilation: Int
    public let hasBias: Bool
    /// [weight, bias?].
    public var parameters: [Parameter]
    /// The forward's geometry and input columns, kept for backward (set by whoever computes the
    /// forward product; storage reused from step to step).
    var geometry = ConvGeometry(batch: 0, channels: 0, height: 0, width: 0, kernelH: 1, kernelW: 1, stride: 1, padding: 0)
    var cols: [Float] = []
    private var rCols: [Float] = []
    /// Column-gradient storage reused from step to step (same size every batch).
    private var dcols: [Float] = []

    /// A square k × k kernel (see the kh × kw initialiser).
    public init(_ name: String, inChannels: Int, outChannels: Int, kernel: Int, stride: Int = 1,
                padding: Int = 0, pads: Pads? = nil, dilation: Int = 1, groups: Int = 1, bias: Bool = true,
                rng: inout SplitMix64) {
        self.init(name, inChannels: inChannels, outChannels: outChannels, kernelH: kernel, kernelW: kernel, stride: stride,
                  padding: padding, pads: pads, dilation: dilation, groups: groups, bias: bias, rng: &rng)
    }

    /// He-uniform initialised weights (fan-in = in/groups·kh·kw), zero bias. `pads`, when given,
    /// overrides the equal `padding` on all sides.
    public init(_ name: String, inChannels: Int, outChannels: Int, kernelH: Int, kernelW: Int, stride: Int = 1,
                padding: Int = 0, pads: Pads? = nil, dilation: Int = 1, groups: Int = 1, bias: Bool = true,
                rng: inout SplitMix64) {
        precondition(inChannels % groups == 0 && outChannels % groups == 0, "\(name): channels not divisible by groups")
        precondition(dilation >= 1, "\(name): dilation \(dilation) < 1")
        precondition(kernelH >= 1 && kernelW >= 1, "\(name): kernel \(kernelH)×\(kernelW)")
        self.name = name
        (self.inChannels, self.outChannels, self.kernelH, self.kernelW) = (inChannels, outChannels, kernelH, kernelW)
        (self.stride, self.pads, self.dilation) = (stride, pads ?? Pads(padding), dilation)
        (self.groups, self.hasBias) = (groups, bias)
        let fanIn = inChannels / groups * kernelH * kernelW
        let bound = (6.0 / Float(fanIn)).squareRoot()
        var w = Tensor(shape: [outChannels, inChannels / groups, kernelH, kernelW])
        for i in 0..<w.count { w.data[i] = (rng.nextUniform() * 2 - 1) * bound }
        parameters = [Parameter("weight", w)]
        if bias { parameters.append(Parameter("bias", Tensor(shape: [outChannels]))) }
    }

    /// This convolution with a bias: itself when it has one, else the same geometry and weight with a zero bias.
    public func withBias() -> Conv2D {
        guard !hasBias else { return self }
        var rng = SplitMix64(seed: 0)   // the weight is replaced below
        var out = Conv2D(name, inChannels: inChannels, outChannels: outChannels, kernelH: kernelH, kernelW: kernelW,
                         stride: stride, pads: pads, dilation: dilation, groups: groups, bias: true, rng: &rng)
        out.parameters[0] = parameters[0]
        return out
    }

    public func outputShape(for input: [Int]) throws -> [Int] {
        let spanH = ConvGeometry.extent(kernelH, dilation: dilation), spanW = ConvGeometry.extent(kernelW, dilation: dilation)
        guard input.count == 3, input[0] == inChannels, input[1] + pads.top + pads.bottom >= spanH,
              input[2] + pads.left + pads.right >= spanW else {
            let expected = spanH == spanW ? "the padded H, W ≥ \(spanH)" : "the padded H ≥ \(spanH) and W ≥ \(spanW)"
            throw ModelError.shapeMismatch(layer: name, expected: "[\(inChannels), H, W] with \(expected)", found: input)
        }
        let g = geometry(batch: 1, input)
        return [outChannels, g.outH, g.outW]
    }

    public func macs(for input: [Int]) -> Int {
        guard let s = try? outputShape(for: input) else { return 0 }
        return s.reduce(1, *) * inChannels / groups * kernelH * kernelW
    }

    public var outputChannels: Int { outChannels }

    func geometry(batch: Int, _ chw: [Int]) -> ConvGeometry {
        ConvGeometry(batch: batch, channels: chw[0], height: chw[1], width: chw[2],
                     kernelH: kernelH, kernelW: kernelW, stride: stride, pads: pads, dilation: dilation)
    }

    /// y = W ∗ cols (+ bias), returned NCHW.
    private func convolve(_ cols: [Float], weight: [Float], bias: [Float]?) -> Tensor {
        let g = geometry, og = outChannels / groups, k = g.rows / groups, np = g.columns
        var yT = [Float](repeating: 0, count: outChannels * np)
        weight.withUnsafeBufferPointer { w in
            cols.withUnsafeBufferPointer { c in
                yT.withUnsafeMutableBufferPointer { y in
                    for grp in 0..<groups {
                        Self.splitColumns(np) { lo, hi in
                            BLAS.sgemm(transA: false, transB: false, m: og, n: hi - lo, k: k, alpha: 1,
                                       a: w.baseAddress! + grp * og * k, lda: k, b: c.baseAddress! + grp * k * np + lo, ldb: np,
                                       beta: 0, c: y.baseAddress! + grp * og * np + lo, ldc: np)
                        }
                    }
                }
            }
        }
        if let bias {
            for o in 0..<outChannels { let b = bias[o]; for j in 0..<np { yT[o * np + j] += b } }
        }
        return Tensor(shape: [g.batch, outChannels, g.outH, g.outW],
                      data: ChannelMajor.toNCHW(yT, batch: g.batch, channels: outChannels, pixels: g.outPixels))
    }

    /// acc += dyT · colsᵀ per group (weight gradient). One sgemm per group: splitting it over
    /// cores changes OpenBLAS's summation and so the trained weights (measured), so it is not split.
    private func weightGrad(_ dyT: [Float], _ cols: [Float], into acc: inout [Float]) {
        let og = outChannels / groups, k = geometry.rows / groups, np = geometry.columns
        dyT.withUnsafeBufferPointer { d in
            cols.withUnsafeBufferPointer { c in
                acc.withUnsafeMutableBufferPointer { a in
                    guard let db = d.baseAddress, let cb = c.baseAddress, let ab = a.baseAddress else { return }
                    for grp in 0..<groups {
                        MatMul.gemm(transB: true, m: og, n: k, k: np, a: db + grp * og * np,
                                    b: cb + grp * k * np, c: ab + grp * og * k, beta: 1)
                    }
                }
            }
        }
    }

    /// Columns gradient Wᵀ · dyT per group, accumulated into `dcols`.
    private func columnGrad(_ dyT: [Float], weight: [Float], into dcols: inout [Float], beta: Float = 1) {
        let og = outChannels / groups, k = geometry.rows / groups, np = geometry.columns
        dyT.withUnsafeBufferPointer { d in
            weight.withUnsafeBufferPointer { w in
                dcols.withUnsafeMutableBufferPointer { c in
                    for grp in 0..<groups {
                        Self.splitColumns(np) { lo, hi in
                            BLAS.sgemm(transA: true, transB: false, m: k, n: hi - lo, k: og, alpha: 1,
                                       a: w.baseAddress! + grp * og * k, lda: k, b: d.baseAddress! + grp * og * np + lo, ldb: np,
                                       beta: beta, c: c.baseAddress! + grp * k * np + lo, ldc: np)
                        }
                    }
                }
            }
        }
    }

    /// The two backward GEMMs as one set of tasks over the workers: task 0 is dW += dyT·colsᵀ (one
    /// sgemm per group, never split: splitting its reduction would change the sums), the others are
    /// dcols = Wᵀ·dyT per group and per column chunk of `splitColumns`. Every sgemm call is the one
    /// the sequential code makes, so results do not depend on the worker count; only scheduling does.
    private mutating func backwardGEMMs(_ dyT: [Float], weight: [Float]) {
        let og = outChannels / groups, k = geometry.rows / groups, np = geometry.columns, groups = groups
        let parts = Self.columnChunks(np)
        var grad = parameters[0].grad.data, dc = dcols
        parameters[0].grad.data = []
        dcols = []
        // beta 0 below overwrites every element of dcols; the old contents never matter.
        if dc.count != cols.count { dc = .overwritten(count: cols.count) }
        dyT.withUnsafeBufferPointer { d in
            cols.withUnsafeBufferPointer { c in
                weight.withUnsafeBufferPointer { w in
                    grad.withUnsafeMutableBufferPointer { g in
                        dc.withUnsafeMutableBufferPointer { out in
                            guard let dy = d.baseAddress, let cl = c.baseAddress, let wt = w.baseAddress,
                                  let gr = g.baseAddress, let dco = out.baseAddress else { return }
                            Parallel.run(chunks: 1 + groups * parts) { task in
                                guard task > 0 else {
                                    for grp in 0..<groups {
                                        BLAS.sgemm(transA: false, transB: true, m: og, n: k, k: np, alpha: 1,
                                                   a: dy + grp * og * np, lda: np, b: cl + grp * k * np, ldb: np,
                                                   beta: 1, c: gr + grp * og * k, ldc: k)
                                    }
                                    return
                                }
                                let grp = (task - 1) / parts, p = (task - 1) % parts
                                let lo = p * np / parts, hi = (p + 1) * np / parts
                                BLAS.sgemm(transA: true, transB: false, m: k, n: hi - lo, k: og, alpha: 1,
                                           a: wt + grp * og * k, lda: k, b: dy + grp * og * np + lo, ldb: np,
                                           beta: 0, c: dco + grp * k * np + lo, ldc: np)
                            }
                        }
                    }
                }
            }
        }
        parameters[0].grad.data = grad
        dcols = dc
    }

    /// Column chunks of an N-column product: fixed by N (at least 2048 columns each), never by the worker count.
    static func columnChunks(_ n: Int) -> Int { Parallel.chunkCount(n, grain: 2048) }

    /// Runs `body(lo, hi)` on the `columnChunks` column ranges of an N-column product, over the
    /// workers. Each output column is computed whole by one call, so results do not change.
    static func splitColumns(_ n: Int, _ body: (Int, Int) -> Void) {
        let parts = columnChunks(n)
        Parallel.run(chunks: parts) { p in body(p * n / parts, (p + 1) * n / parts) }
    }

    private func channelMajor(_ dy: Tensor) -> [Float] {
        ChannelMajor.fromNCHW(dy.data, batch: geometry.batch, channels: outChannels, pixels: geometry.outPixels)
    }

    private func biasGrad(_ dyT: [Float]) -> [Float] {
        let np = geometry.columns
        return (0..<outChannels).map { o in var s: Float = 0; for j in 0..<np { s += dyT[o * np + j] }; return s }
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        forward(x, weight: parameters[0].value.data, context: &context)
    }

    public mutating func forward(_ x: Tensor, weight: [Float], context: inout ForwardContext) -> Tensor {
        precondition(x.shape.count == 4 && x.shape[1] == inChannels, "\(name): input \(x.shape)")
        geometry = geometry(batch: x.batch, Array(x.shape.dropFirst()))
        PhaseClock.measure(.im2col) { geometry.im2col(x.data, into: &cols) }
        return PhaseClock.measure(.forwardGEMM) {
            convolve(cols, weight: weight, bias: hasBias ? parameters[1].value.data : nil)
        }
    }

    public mutating func backwardParameters(_ dy: Tensor) {
        let dyT = PhaseClock.measure(.im2col) { channelMajor(dy) }
        PhaseClock.measure(.backwardGEMM) { weightGrad(dyT, cols, into: &parameters[0].grad.data) }
        if hasBias { parameters[1].grad.add(Tensor(shape: [outChannels], data: biasGrad(dyT))) }
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        backward(dy, weight: parameters[0].value.data)
    }

    public mutating func backward(_ dy: Tensor, weight: [Float]) -> Tensor {
        let dyT = PhaseClock.measure(.im2col) { channelMajor(dy) }
        PhaseClock.measure(.backwardGEMM) { backwardGEMMs(dyT, weight: weight) }
        if hasBias { parameters[1].grad.add(Tensor(shape: [outChannels], data: biasGrad(dyT))) }
        let dx = PhaseClock.measure(.im2col) { geometry.col2im(dcols) }
        return Tensor(shape: [geometry.batch, inChannels, geometry.height, geometry.width], data: dx)
    }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        geometry = geometry(batch: x.batch, Array(x.shape.dropFirst()))
        cols = geometry.im2col(x.data)
        rCols = geometry.im2col(rx.data)
        let w = parameters[0].value.data, v = parameters[0].directionOrZero.data
        let y = convolve(cols, weight: w, bias: hasBias ? parameters[1].value.data : nil)
        var ry = convolve(rCols, weight: w, bias: nil)
        ry.add(convolve(cols, weight: v, bias: hasBias ? parameters[1].directionOrZero.data : nil))
        return (y, ry)
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        let dx = backward(dy)
        let dyT = channelMajor(dy), rdyT = channelMajor(rdy)
        var rdw = [Float](repeating: 0, count: parameters[0].value.count)
        weightGrad(rdyT, cols, into: &rdw)
        weightGrad(dyT, rCols, into: &rdw)
        parameters[0].rGrad = Tensor(shape: parameters[0].value.shape, data: rdw)
        if hasBias { parameters[1].rGrad = Tensor(shape: [outChannels], data: biasGrad(rdyT)) }
        var dcols = [Float](repeating: 0, count: cols.count)
        columnGrad(rdyT, weight: parameters[0].value.data, into: &dcols)
        columnGrad(dyT, weight: parameters[0].directionOrZero.data, into: &dcols)
        let rdx = Tensor(shape: dx.shape, data: geometry.col2im(dcols))
        return (dx, rdx)
    }
}
