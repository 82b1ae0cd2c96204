/// A `MatMulEngine` that computes a layer's forward product on 8-bit codes through a multiplier
/// table: quantise both operands (eq. 1), LUT-GEMM with exact Int32 accumulation, rescale by Δx·Δw.
///
/// The layer adds the bias afterwards, in Float. With `SignedProductTable.exact` this is the exact
/// quantised layer; with an approximate table it is the behavioural simulation.
public struct QuantisedEngine: MatMulEngine {
    /// Which GEMM operand carries the activations (Dense: `.a`, Conv2D: `.b`).
    public enum ActivationOperand: Sendable { case a, b }
    /// Which integer kernel runs the product.
    public enum Path: Sendable { case fast, reference }

    public var plan: KernelPlan
    public var activationOperand: ActivationOperand
    /// Δ of the activations (the input is already on this grid when it comes from `ApproxLayer`).
    public var activationDelta: Float
    /// Δ of the weights, or nil for one step per output channel computed from the operand itself.
    public var weightDelta: Float?
    public var path: Path

    public init(plan: KernelPlan, activationOperand: ActivationOperand, activationDelta: Float,
                weightDelta: Float?, path: Path = .fast) {
        self.plan = plan
        self.activationOperand = activationOperand
        self.activationDelta = activationDelta
        self.weightDelta = weightDelta
        self.path = path
    }

    public func gemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        // op(A)[i, p] and op(B)[p, j] of the row-major GEMM.
        let opA = { (i: Int, p: Int) in transA ? a[p * lda + i] : a[i * lda + p] }
        let opB = { (p: Int, j: Int) in transB ? b[j * ldb + p] : b[p * ldb + j] }
        let actA = activationOperand == .a
        let rows = actA ? m : n, outs = actA ? n : m
        // Weights as K × outs floats, then per-output steps.
        var wf = [Float](repeating: 0, count: k * outs)
        for p in 0..<k { for o in 0..<outs { wf[p * outs + o] = actA ? opB(p, o) : opA(o, p) } }
        let deltas = weightDeltas(wf, k: k, outs: outs)
        var wq = [Int8](repeating: 0, count: k * outs)
        for i in 0..<wf.count { wq[i] = Quantiser.code(wf[i], delta: deltas[i % outs]) }
        var xq = [Int8](repeating: 0, count: rows * k)
        for r in 0..<rows {
            for p in 0..<k { xq[r * k + p] = Quantiser.code(actA ? opA(r, p) : opB(p, r), delta: activationDelta) }
        }
        let acc = integerProduct(xq, wq, rows: rows, k: k, outs: outs)
        for r in 0..<rows {
            for o in 0..<outs {
                var v = Float(acc[r * outs + o]) * (activationDelta * deltas[o])
                if alpha != 1 { v *= alpha }
                let idx = actA ? r * ldc + o : o * ldc + r
                c[idx] = beta == 0 ? v : v + beta * c[idx]
            }
        }
    }

    /// One step per output (all equal for per-tensor quantisation).
    func weightDeltas(_ wf: [Float], k: Int, outs: Int) -> [Float] {
        if let d = weightDelta { return [Float](repeating: d, count: outs) }
        return (0..<outs).map { o in
            var mx: Float = 0
            for p in 0..<k where abs(wf[p * outs + o]) > mx { mx = abs(wf[p * outs + o]) }
            return Quantiser.delta(forRange: mx)
        }
    }

    /// The Int32 product through the table; shape errors are programming errors here.
    func integerProduct(_ x: [Int8], _ w: [Int8], rows: Int, k: Int, outs: Int) -> [Int32] {
        do {
            switch path {
            case .fast: return try LUTGemm.fast(x: x, w: w, m: rows, k: k, n: outs, plan: plan)
            case .reference: return try LUTGemm.reference(x: x, w: w, m: rows, k: k, n: outs, table: plan.table)
            }
        } catch {
            preconditionFailure("QuantisedEngine: \(error)")
        }
    }
}
