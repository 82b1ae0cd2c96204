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
        inputShape = x.shape
        let (n, p) = planes(x.shape)
        let m = Float(n * p)
        trainedBatch = context.mode == .train
        var mean = [Float](repeating: 0, count: channels), istd = mean
        for c in 0..<channels {
            if trainedBatch {
                var s = 0.0, s2 = 0.0
                for i in 0..<n { for j in 0..<p { s += Double(x.data[(i * channels + c) * p + j]) } }
                let mu = s / Double(n * p)
                for i in 0..<n { for j in 0..<p { let d = Double(x.data[(i * channels + c) * p + j]) - mu; s2 += d * d } }
                let v = Float(s2 / Double(n * p))
                mean[c] = Float(mu)
                istd[c] = 1 / (v + epsilon).squareRoot()
                runningMean.data[c] = (1 - momentum) * runningMean.data[c] + momentum * mean[c]
                let unbiased = m > 1 ? v * m / (m - 1) : v
                runningVar.data[c] = (1 - momentum) * runningVar.data[c] + momentum * unbiased
            } else {
                mean[c] = runningMean.data[c]
                istd[c] = 1 / (runningVar.data[c] + epsilon).squareRoot()
            }
        }
        invStd = istd
        xhat = x.data
        var y = x
        let g = parameters[0].value.data, b = parameters[1].value.data
        for i in 0..<n {
            for c in 0..<channels {
                let base = (i * channels + c) * p
                for j in 0..<p {
                    let h = (x.data[base + j] - mean[c]) * istd[c]
                    xhat[base + j] = h
                    y.data[base + j] = g[c] * h + b[c]
                }
            }
        }
        return y
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        let (n, p) = planes(inputShape)
        let g = parameters[0].value.data
        var sumDy = [Float](repeating: 0, count: channels), sumDyX = sumDy
        for i in 0..<n {
            for c in 0..<channels {
                let base = (i * channels + c) * p
                for j in 0..<p { sumDy[c] += dy.data[base + j]; sumDyX[c] += dy.data[base + j] * xhat[base + j] }
            }
        }
        for c in 0..<channels { parameters[0].grad.data[c] += sumDyX[c]; parameters[1].grad.data[c] += sumDy[c] }
        var dx = dy
        let m = Float(n * p)
        for i in 0..<n {
            for c in 0..<channels {
                let base = (i * channels + c) * p, k = g[c] * invStd[c]
                for j in 0..<p {
                    dx.data[base + j] = trainedBatch
                        ? k / m * (m * dy.data[base + j] - sumDy[c] - xhat[base + j] * sumDyX[c])
                        : k * dy.data[base + j]
                }
            }
        }
        return dx
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
