/// Max pooling over k×k windows (NCHW) with stride; padded positions never win.
public struct MaxPool: WindowPooling {
    public var name: String
    public var kind: String { "MaxPool" }
    public let kernel: Int, stride: Int, pads: Pads
    private var argmax: [Int32] = []
    private var inputShape: [Int] = []

    /// `pads`, when given, overrides the equal `padding` on all sides.
    public init(_ name: String, kernel: Int, stride: Int? = nil, padding: Int = 0, pads: Pads? = nil) {
        self.name = name
        self.kernel = kernel
        self.stride = stride ?? kernel
        self.pads = pads ?? Pads(padding)
    }

    public func macs(for input: [Int]) -> Int { 0 }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        inputShape = x.shape
        let g = geometry(x.shape)
        var y = Tensor(shape: [g.batch, g.channels, g.outH, g.outW])
        argmax = [Int32](repeating: 0, count: y.count)
        let (h, w, oh, ow, k, s, pt, pl) = (g.height, g.width, g.outH, g.outW, kernel, stride, pads.top, pads.left)
        x.data.withUnsafeBufferPointer { xs in
            y.data.withUnsafeMutableBufferPointer { ys in
                argmax.withUnsafeMutableBufferPointer { am in
                    let src = xs.baseAddress!, dst = SendablePointer(base: ys.baseAddress!)
                    let arg = SendablePointer(base: am.baseAddress!)
                    Parallel.forEach(g.batch * g.channels, minItemsPerChunk: 8) { plane in
                        for oy in 0..<oh {
                            for ox in 0..<ow {
                                var best = -Float.infinity, bi = -1
                                for ky in 0..<k {
                                    let iy = oy * s - pt + ky
                                    if iy < 0 || iy >= h { continue }
                                    for kx in 0..<k {
                                        let ix = ox * s - pl + kx
                                        if ix < 0 || ix >= w { continue }
                                        let idx = plane * h * w + iy * w + ix
                                        if bi < 0 || src[idx] > best { best = src[idx]; bi = idx }
                                    }
                                }
                                let o = plane * oh * ow + oy * ow + ox
                                dst[o] = best
                                arg[o] = Int32(bi)
                            }
                        }
                    }
                }
            }
        }
        return y
    }

    public mutating func backward(_ dy: Tensor) -> Tensor {
        var dx = Tensor(shape: inputShape)
        for i in 0..<dy.count { dx.data[Int(argmax[i])] += dy.data[i] }
        return dx
    }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        var y = forward(x, context: &context)
        let ry = Tensor(shape: y.shape, data: argmax.map { rx.data[Int($0)] })
        y.shape = ry.shape
        return (y, ry)
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) {
        (backward(dy), backward(rdy))
    }
}

/// Average pooling over k×k windows (NCHW). With `countIncludePad` padded taps count as zeros
/// and the divisor is k² (ONNX count_include_pad = 1); without it each window is divided by its
/// number of in-image taps (count_include_pad = 0).
public struct AvgPool: WindowPooling {
    public var name: String
    public var kind: String { "AvgPool" }
    public let kernel: Int, stride: Int, pads: Pads
    public let countIncludePad: Bool
    private var inputShape: [Int] = []

    /// `pads`, when given, overrides the equal `padding` on all sides.
    public init(_ name: String, kernel: Int, stride: Int? = nil, padding: Int = 0, pads: Pads? = nil,
                countIncludePad: Bool = true) {
        self.name = name
        self.kernel = kernel
        self.stride = stride ?? kernel
        self.pads = pads ?? Pads(padding)
        self.countIncludePad = countIncludePad
    }

    /// 1 / divisor for each output pixel of one plane (oh·ow values).
    private func inverseDivisors(_ g: ConvGeometry) -> [Float] {
        guard !countIncludePad else { return [Float](repeating: 1 / Float(kernel * kernel), count: g.outPixels) }
        func taps(_ o: Int, _ pad: Int, _ size: Int) -> Int {
            let start = o * stride - pad
            return max(0, min(start + kernel, size) - max(start, 0))
        }
        var inv = [Float](repeating: 0, count: g.outPixels)
        for oy in 0..<g.outH {
            for ox in 0..<g.outW {
                inv[oy * g.outW + ox] = 1 / Float(max(1, taps(oy, pads.top, g.height) * taps(ox, pads.left, g.width)))
            }
        }
        return inv
    }

    private func planeGeometry(_ g: ConvGeometry) -> ConvGeometry {
        ConvGeometry(batch: g.batch * g.channels, channels: 1, height: g.height, width: g.width, kernelH: kernel,
                     kernelW: kernel, stride: stride, pads: pads)
    }

    /// The pooled average (a linear map, so forward, R-forward and R-backward share it).
    private func pool(_ x: Tensor) -> Tensor {
        let g = geometry(x.shape)
        let cols = planeGeometry(g).im2col(x.data)
        let kk = kernel * kernel, n = g.batch * g.channels * g.outPixels, inv = inverseDivisors(g)
        var y = Tensor(shape: [g.batch, g.channels, g.outH, g.outW])
        for r in 0..<kk { for j in 0..<n { y.data[j] += cols[r * n + j] } }
        for j in 0..<n { y.data[j] *= inv[j % g.outPixels] }
        return y
    }

    private func unpool(_ dy: Tensor) -> Tensor {
        let g = geometry(inputShape)
        let kk = kernel * kernel, n = g.batch * g.channels * g.outPixels, inv = inverseDivisors(g)
        var cols = [Float](repeating: 0, count: kk * n)
        for r in 0..<kk { for j in 0..<n { cols[r * n + j] = dy.data[j] * inv[j % g.outPixels] } }
        return Tensor(shape: inputShape, data: planeGeometry(g).col2im(cols))
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        inputShape = x.shape
        return pool(x)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { unpool(dy) }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        inputShape = x.shape
        return (pool(x), pool(rx))
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (unpool(dy), unpool(rdy)) }
}

/// Global average pooling: [N, C, H, W] → [N, C].
public struct GlobalAvgPool: Layer {
    public var name: String
    public var kind: String { "GlobalAvgPool" }
    private var inputShape: [Int] = []

    public init(_ name: String) { self.name = name }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard input.count == 3 else { throw ModelError.shapeMismatch(layer: name, expected: "[C, H, W]", found: input) }
        return [input[0]]
    }

    private func pool(_ x: Tensor) -> Tensor {
        let planes = x.batch * x.shape[1], p = x.count / max(planes, 1)
        var y = Tensor(shape: [x.batch, x.shape[1]])
        for i in 0..<planes {
            var s: Float = 0
            for j in 0..<p { s += x.data[i * p + j] }
            y.data[i] = s / Float(p)
        }
        return y
    }

    private func unpool(_ dy: Tensor) -> Tensor {
        let p = inputShape.dropFirst(2).reduce(1, *)
        var dx = Tensor(shape: inputShape)
        for i in 0..<dy.count { let v = dy.data[i] / Float(p); for j in 0..<p { dx.data[i * p + j] = v } }
        return dx
    }

    public mutating func forward(_ x: Tensor, context: inout ForwardContext) -> Tensor {
        inputShape = x.shape
        return pool(x)
    }

    public mutating func backward(_ dy: Tensor) -> Tensor { unpool(dy) }

    public mutating func forwardR(_ x: Tensor, _ rx: Tensor, context: inout ForwardContext) throws -> (Tensor, Tensor) {
        inputShape = x.shape
        return (pool(x), pool(rx))
    }

    public mutating func backwardR(_ dy: Tensor, _ rdy: Tensor) throws -> (Tensor, Tensor) { (unpool(dy), unpool(rdy)) }
}

/// A pooling layer over k×k windows with stride and padding (NCHW): max and average pooling share
/// the window geometry and the output shape.
public protocol WindowPooling: Layer {
    var kernel: Int { get }
    var stride: Int { get }
    var pads: Pads { get }
}

extension WindowPooling {
    func geometry(_ shape: [Int]) -> ConvGeometry {
        ConvGeometry(batch: shape[0], channels: shape[1], height: shape[2], width: shape[3],
                     kernelH: kernel, kernelW: kernel, stride: stride, pads: pads)
    }

    public func outputShape(for input: [Int]) throws -> [Int] {
        guard input.count == 3, input[1] + pads.top + pads.bottom >= kernel, input[2] + pads.left + pads.right >= kernel else {
            throw ModelError.shapeMismatch(layer: name, expected: "[C, H, W] with H, W ≥ \(kernel)", found: input)
        }
        let g = geometry([1] + input)
        return [input[0], g.outH, g.outW]
    }
}
