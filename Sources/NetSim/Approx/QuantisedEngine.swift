/// The integer product of an 8-bit layer through a multiplier table: LUT-GEMM on the Int8 codes of
/// both operands with exact Int32 accumulation (`LUTGemm`). With `SignedProductTable.exact` this is
/// the exact quantised product; with an approximate table it is the behavioural simulation.
public struct QuantisedEngine: Sendable {
    /// Which integer kernel runs the product: the plan's fast route, or the plain reference loop.
    public enum Path: Sendable { case fast, reference }

    public var plan: KernelPlan
    public var path: Path

    public init(plan: KernelPlan, path: Path = .fast) {
        self.plan = plan
        self.path = path
    }

    /// Y[m, n] = Σ_k P(x[m, k], w[k, n]) for activations x (M×K) and weights w (K×N), row-major.
    func product(x: [Int8], w: [Int8], m: Int, k: Int, n: Int) -> [Int32] {
        run {
            switch path {
            case .fast: return try LUTGemm.fast(x: x, w: w, m: m, k: k, n: n, plan: plan)
            case .reference: return try LUTGemm.reference(x: x, w: w, m: m, k: k, n: n, table: plan.table)
            }
        }
    }

    /// Yᵀ[n, m] for activations given transposed, xT (K×M, the im2col layout), and weights w (K×N).
    func productTransposed(xT: [Int8], w: [Int8], m: Int, k: Int, n: Int) -> [Int32] {
        run {
            switch path {
            case .fast:
                return try LUTGemm.fastTransposed(xT: xT, w: w, m: m, k: k, n: n, plan: plan)
            case .reference:
                let y = try LUTGemm.reference(x: LUTGemm.transpose(xT, rows: k, cols: m), w: w, m: m, k: k, n: n,
                                              table: plan.table)
                return LUTGemm.transpose(y, rows: m, cols: n)
            }
        }
    }

    /// Shapes come from the layer, so a shape error here is a programming error.
    private func run(_ body: () throws -> [Int32]) -> [Int32] {
        do {
            return try PhaseClock.measure(.forwardGEMM) { try body() }
        } catch {
            preconditionFailure("QuantisedEngine: \(error)")
        }
    }
}
