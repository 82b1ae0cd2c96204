import Testing
@testable import NetSim

/// Finite-difference helpers shared by the gradient and HVP suites.
enum FD {
    /// A tensor of uniform values in [-scale, scale) from a seeded generator.
    static func random(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
        var rng = SplitMix64(seed: seed)
        var t = Tensor(shape: shape)
        for i in 0..<t.count { t.data[i] = (rng.nextUniform() * 2 - 1) * scale }
        return t
    }

    /// Values bounded away from zero (|x| ≥ 0.1) and pairwise ≥ 0.01 apart, so ReLU and max
    /// pooling have no kink within the finite-difference step.
    static func separated(_ shape: [Int], seed: UInt64) -> Tensor {
        let n = shape.reduce(1, *)
        var rng = SplitMix64(seed: seed)
        let perm = rng.permutation(n)
        var t = Tensor(shape: shape)
        for i in 0..<n {
            let v = 0.1 + Float(perm[i]) * 0.02
            t.data[i] = i % 2 == 0 ? v : -v
        }
        return t
    }

    /// Max over i of |a_i − b_i| / (atol + rtol·max(|a_i|, |b_i|)); ≤ 1 means within tolerance.
    static func worst(_ a: [Double], _ b: [Double], atol: Double, rtol: Double) -> Double {
        zip(a, b).map { abs($0 - $1) / (atol + rtol * max(abs($0), abs($1))) }.max() ?? 0
    }
}

@Suite struct TensorTests {
    @Test func splitMixMatchesReferenceSequence() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var r = SplitMix64(seed: 0)
        #expect(r.next() == 0xE220_A839_7B1D_CDAF)
        #expect(r.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func permutationIsSeededAndComplete() {
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        let p = a.permutation(100)
        #expect(p == b.permutation(100))
        #expect(p.sorted() == Array(0..<100))
        #expect(p != Array(0..<100))
    }

    @Test func gemmMatchesHandProduct() {
        // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50]; with transB: [1 2;3 4]·[5 7;6 8] = [17 23; 39 53].
        var c = [Float](repeating: 0, count: 4)
        MatMul.gemm(m: 2, n: 2, k: 2, a: [1, 2, 3, 4], b: [5, 6, 7, 8], c: &c)
        #expect(c == [19, 22, 43, 50])
        MatMul.gemm(transB: true, m: 2, n: 2, k: 2, a: [1, 2, 3, 4], b: [5, 6, 7, 8], c: &c)
        #expect(c == [17, 23, 39, 53])
    }

    @Test func parallelForEachVisitsEveryIndexOnce() {
        var hits = [Int](repeating: 0, count: 1000)
        hits.withUnsafeMutableBufferPointer { h in
            let p = SendablePointer(base: h.baseAddress!)
            Parallel.forEach(1000) { i in p[i] += 1 }
        }
        #expect(hits.allSatisfy { $0 == 1 })
    }

    @Test func im2colThenCol2imIsAdjoint() {
        // <im2col(x), c> == <x, col2im(c)> for any x, c: the defining property of the adjoint.
        let g = ConvGeometry(batch: 2, channels: 3, height: 5, width: 4, kernelH: 3, kernelW: 3, stride: 2, padding: 1)
        let x = FD.random([2, 3, 5, 4], seed: 1)
        let c = FD.random([g.rows * g.columns], seed: 2)
        let lhs = Tensor(shape: [c.count], data: g.im2col(x.data)).dot(c)
        let rhs = x.dot(Tensor(shape: x.shape, data: g.col2im(c.data)))
        #expect(abs(lhs - rhs) < 1e-4)
    }

    /// The Int8 im2col (masked AVX-512 rows at level avx512, the C loops below it) against a plain
    /// loop over the column layout's definition: stride 1 and 2, padding and dilation, rows of 1, 7, 28,
    /// 64 and 70 output pixels (above 64 the vector path falls back), every level this CPU runs.
    @Test(arguments: [(28, 1, 1, 1), (7, 1, 1, 1), (64, 1, 1, 1), (70, 1, 1, 1), (28, 2, 1, 1), (9, 1, 2, 2), (1, 1, 1, 1), (3, 1, 0, 1)])
    func int8Im2colMatchesTheDefinition(width: Int, stride: Int, padding: Int, dilation: Int) {
        let g = ConvGeometry(batch: 2, channels: 3, height: 5, width: width, kernelH: 3, kernelW: 3, stride: stride,
                             pads: Pads(padding), dilation: dilation)
        var rng = SplitMix64(seed: UInt64(width * 31 + stride))
        let x = (0..<(2 * 3 * 5 * width)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        var expected = [Int8](repeating: 0, count: g.rows * g.columns)
        for n in 0..<2 { for c in 0..<3 { for ky in 0..<3 { for kx in 0..<3 { for oy in 0..<g.outH { for ox in 0..<g.outW {
            let iy = oy * stride - padding + ky * dilation, ix = ox * stride - padding + kx * dilation
            let inside = iy >= 0 && iy < 5 && ix >= 0 && ix < width
            expected[((c * 3 + ky) * 3 + kx) * g.columns + n * g.outPixels + oy * g.outW + ox] =
                inside ? x[((n * 3 + c) * 5 + iy) * width + ix] : 0
        } } } } } }
        for isa in KernelISA.supported {
            var cols: [Int8] = [7, 7, 7]   // a stale buffer of the wrong size
            g.im2col(x, into: &cols, isa: isa)
            #expect(cols == expected, "isa \(isa)")
        }
    }
}
