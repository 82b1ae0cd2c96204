/// Batch normalisation over the channel axis (dimension 1) of [N, C] or [N, C, H, W] input.
///
/// Train mode normalises with the batch mean and biased variance and updates running
/// statistics (momentum 0.1, unbiased variance, as PyTorch); eval mode uses the running
/// statistics. The R-operator exists in eval mode only (train mode throws `noROperator`).
public struct BatchNorm: Layer {
    public var name: String
    public var kind: String { "BatchNorm" }
    public let channels: Int
    public let epsilon: Float = 1e-5
    public let momentum: Float = 0.1
    /// [gamma, beta].
    public var parameters: [Parameter]
    public var runningMean: Tensor
    public var runningVar: Tensor
    private var xhat: [Float] = []
    private var invStd: [Float] = []
    private var rxHat: [Float] = []
    private var trainedBatch = false
    private var inputShape: [Int] = []

    public init(_ name: String, channels: Int) {
        self.name = name
        self.channels = channels
        parameters = [Parameter("gamma", Tensor(shape: [channels], repeating: 1)), Parameter("beta", Tensor(shape: [channels]))]
        runningMean = Tensor(shape: [channels])
        runningVar = Tensor(shape: [channels], repeating: 1)
    }

    public var buffers: [(name: String, value: Tensor)] {
        get { [("running_mean", runningMean), ("running_var", runningVar)] }
        set {
            for b in newValue {
                if b.name == "running_mean" { runningMean = b.value } else if b.name == "running_var" { runningVar = b.value }
            }
        }
    }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard input.first == channels else {
            throw ModelError.shapeMismatch(layer: name, expected: "\(channels) channels first", found: input)
        }
        return input
    }

    public func macs(for input: [Int]) -> Int { input.reduce(1, *) }

    /// Calls body(c, indices of channel c) by iterating planes; p = pixels per plane.
    private func planes(_ shape: [Int]) -> (n: Int, p: Int) { (shape[0], shape.dropFirst(2).reduce(1, *)) }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        PhaseClock.measure(.batchNorm) { forwardBody(x, context: &context) }
    }

    private mutating func forwardBody(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        inputShape = x.shape
        let (n, p) = planes(x.shape)
        let m = Float(n * p)
        trainedBatch = context.mode == .train
        var mean = [Float](repeating: 0, count: channels), istd = mean
        if trainedBatch {
            let stats = Self.channelStatistics(x.data, n: n, channels: channels, p: p)
            for c in 0..<channels {
                let (mu, v) = stats[c]
                mean[c] = Float(mu)
                istd[c] = 1 / (v + epsilon).squareRoot()
                runningMean.data[c] = (1 - momentum) * runningMean.data[c] + momentum * mean[c]
                let unbiased = m > 1 ? v * m / (m - 1) : v
                runningVar.data[c] = (1 - momentum) * runningVar.data[c] + momentum * unbiased
            }
        } else {
            for c in 0..<channels {
                mean[c] = runningMean.data[c]
                istd[c] = 1 / (runningVar.data[c] + epsilon).squareRoot()
            }
        }
        invStd = istd
        let g = parameters[0].value.data, b = parameters[1].value.data
        // Inference only: x̂ is not kept (backward alone reads it); y is computed the same way.
        let keep = !context.inferenceOnly
        var h = [Float].overwritten(count: keep ? x.count : 0), y = [Float].overwritten(count: x.count)
        x.data.withUnsafeBufferPointer { xs in
            h.withUnsafeMutableBufferPointer { hs in
                y.withUnsafeMutableBufferPointer { ys in
                    guard let xb = xs.baseAddress, let yb = ys.baseAddress else { return }
                    let ctx = UnsafeSendable((xb, keep ? hs.baseAddress : nil, yb))
                    Parallel.forEach(channels) { c in
                        let (src, hat, out) = ctx.value
                        let mu = mean[c], sd = istd[c], gc = g[c], bc = b[c]
                        for i in 0..<n {
                            let base = (i * channels + c) * p
                            if let hat {
                                for j in base..<(base + p) {
                                    let v = (src[j] - mu) * sd
                                    hat[j] = v
                                    out[j] = gc * v + bc
                                }
                            } else {
                                for j in base..<(base + p) { out[j] = gc * ((src[j] - mu) * sd) + bc }
                            }
                        }
                    }
                }
            }
        }
        xhat = h
        return Tensor(shape: x.shape, data: y)
    }

    /// Channels 4g ..< 4g+4 (the last valid channel repeated past the end; those lanes are dropped).
    static func lanes(_ group: Int, _ channels: Int) -> SIMD4<Int> {
        let last = channels - 1, c0 = group * 4
        return SIMD4(min(c0, last), min(c0 + 1, last), min(c0 + 2, last), min(c0 + 3, last))
    }

    /// Per channel: the batch mean (Double, summed image by image) and the biased variance.
    static func channelStatistics(_ x: [Float], n: Int, channels: Int, p: Int) -> [(Double, Float)] {
        var stats = [(Double, Float)](repeating: (0, 0), count: channels)
        x.withUnsafeBufferPointer { xs in
            stats.withUnsafeMutableBufferPointer { st in
                guard let xb = xs.baseAddress, let sb = st.baseAddress else { return }
                let ctx = UnsafeSendable((xb, sb))
                // 4 channels per lane group: 4 independent sums in flight, each in its own order.
                Parallel.forEach((channels + 3) / 4) { grp in
                    let (src, out) = ctx.value
                    let c = Self.lanes(grp, channels)
                    var s = SIMD4<Double>(repeating: 0), s2 = SIMD4<Double>(repeating: 0)
                    for i in 0..<n {
                        let b = (SIMD4(repeating: i * channels) &+ c) &* p
                        for j in 0..<p {
                            s += SIMD4(Double(src[b[0] + j]), Double(src[b[1] + j]), Double(src[b[2] + j]), Double(src[b[3] + j]))
                        }
                    }
                    let count = SIMD4<Double>(repeating: Double(n * p)), mu = s / count
                    for i in 0..<n {
                        let b = (SIMD4(repeating: i * channels) &+ c) &* p
                        for j in 0..<p {
                            let d = SIMD4(Double(src[b[0] + j]), Double(src[b[1] + j]), Double(src[b[2] + j]),
                                          Double(src[b[3] + j])) - mu
                            s2 += d * d
                        }
                    }
                    let v = s2 / count
                    for l in 0..<4 where grp * 4 + l < channels { out[grp * 4 + l] = (mu[l], Float(v[l])) }
                }
            }
        }
        return stats
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        PhaseClock.measure(.batchNorm) { backwardBody(dy) }
    }

    private mutating func backwardBody(_ dy: Tensor) -> Tensor {
        let (n, p) = planes(inputShape)
        let g = parameters[0].value.data, istd = invStd, trained = trainedBatch
        var sums = [(Float, Float)](repeating: (0, 0), count: channels)
        var dx = [Float].overwritten(count: dy.count)
        let m = Float(n * p), channels = channels
        dy.data.withUnsafeBufferPointer { ds in
            xhat.withUnsafeBufferPointer { hs in
                dx.withUnsafeMutableBufferPointer { xs in
                    sums.withUnsafeMutableBufferPointer { ss in
                        guard let db = ds.baseAddress, let hb = hs.baseAddress, let xb = xs.baseAddress,
                              let sb = ss.baseAddress else { return }
                        let ctx = UnsafeSendable((db, hb, xb, sb))
                        Parallel.forEach((channels + 3) / 4) { grp in
                            let (d, hat, out, sum) = ctx.value
                            let lanes = Self.lanes(grp, channels)
                            var sDy = SIMD4<Float>(repeating: 0), sDyX = SIMD4<Float>(repeating: 0)
                            for i in 0..<n {
                                let b = (SIMD4(repeating: i * channels) &+ lanes) &* p
                                for j in 0..<p {
                                    let v = SIMD4(d[b[0] + j], d[b[1] + j], d[b[2] + j], d[b[3] + j])
                                    sDy += v
                                    sDyX += v * SIMD4(hat[b[0] + j], hat[b[1] + j], hat[b[2] + j], hat[b[3] + j])
                                }
                            }
                            for l in 0..<4 where grp * 4 + l < channels {
                                let c = grp * 4 + l, sumDy = sDy[l], sumDyX = sDyX[l]
                                sum[c] = (sumDy, sumDyX)
                                let k = g[c] * istd[c]
                                for i in 0..<n {
                                    let base = (i * channels + c) * p
                                    for j in base..<(base + p) {
                                        out[j] = trained ? k / m * (m * d[j] - sumDy - hat[j] * sumDyX) : k * d[j]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for c in 0..<channels { parameters[0].grad.data[c] += sums[c].1; parameters[1].grad.data[c] += sums[c].0 }
        return Tensor(shape: dy.shape, data: dx)
    }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        guard context.mode == .eval else {
            throw ModelError.noROperator(layer: name, reason: "BatchNorm in train mode couples the samples of a batch")
        }
        let y = forward(x, context: &context)
        let (n, p) = planes(x.shape)
        let g = parameters[0].value.data
        let vg = parameters[0].directionOrZero.data, vb = parameters[1].directionOrZero.data
        var ry = rx
        for i in 0..<n {
            for c in 0..<channels {
                let base = (i * channels + c) * p
                for j in 0..<p { ry.data[base + j] = g[c] * invStd[c] * rx.data[base + j] + vg[c] * xhat[base + j] + vb[c] }
            }
        }
        rxHat = rx.data
        for i in 0..<n { for c in 0..<channels { for j in 0..<p { rxHat[(i * channels + c) * p + j] *= invStd[c] } } }
        return (y, ry)
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        // Eval mode only (forwardR enforces it): y = g·(x-μ)/σ + b with μ, σ constant.
        let dx = backward(dy)
        let (n, p) = planes(inputShape)
        let g = parameters[0].value.data, vg = parameters[0].directionOrZero.data
        var rdx = rdy, rdg = [Float](repeating: 0, count: channels), rdb = rdg
        for i in 0..<n {
            for c in 0..<channels {
                let base = (i * channels + c) * p
                for j in 0..<p {
                    // R{dγ} = Σ R{dy}·x̂ + dy·R{x̂}, with R{x̂} = R{x}/σ cached by forwardR.
                    rdb[c] += rdy.data[base + j]
                    rdg[c] += rdy.data[base + j] * xhat[base + j] + dy.data[base + j] * rxHat[base + j]
                    rdx.data[base + j] = (g[c] * rdy.data[base + j] + vg[c] * dy.data[base + j]) * invStd[c]
                }
            }
        }
        parameters[0].rGrad = Tensor(shape: [channels], data: rdg)
        parameters[1].rGrad = Tensor(shape: [channels], data: rdb)
        return (dx, rdx)
    }
}
