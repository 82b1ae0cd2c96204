/// How a LUT-GEMM is computed for a given multiplier table; every route is bit-exact.
///
/// Recorded by `axmul compile` in the table file's metadata (`description` is the stored text).
public enum KernelRoute: Sendable, Hashable, Codable, CustomStringConvertible {
    /// T(a, b) = a·b: one float32 sgemm, split along K so every partial sum stays below 2^24.
    case exact
    /// For each weight, T(a, b) = g_b(a mod 16) + h_b(a / 16) (true of every 4-bit block
    /// composition): vpshufb nibble lookups, int16 tables, 32-bit accumulation.
    case blockComposed4
    /// T = LL + 16·(HL + LH) + 256·HH with byte-valued 4-bit blocks (`ByteBlocks`): for
    /// non-negative activations (post-ReLU layers) one vpshufb + vpmaddubsw per weight nibble and
    /// 16 pixels; signed activations and the row-major API take the block-composed-4 kernel.
    case byteBlocks4
    /// T(a, b) = a·b + Σ_{i<r} u_i(a)·v_i(b) with small integer factors: r + 1 stacked sgemms.
    case lowRank(Int)
    /// Any table: weight-stationary gathers from 256-entry rows of signed products.
    case gather

    /// Stable text form, e.g. `low-rank-1`.
    public var description: String {
        switch self {
        case .exact: "exact"
        case .blockComposed4: "block-composed-4"
        case .byteBlocks4: "byte-blocks-4"
        case .lowRank(let r): "low-rank-\(r)"
        case .gather: "gather"
        }
    }

    /// Parses the text form written by `description`.
    public init?(text: String) {
        switch text {
        case "exact": self = .exact
        case "block-composed-4": self = .blockComposed4
        case "byte-blocks-4": self = .byteBlocks4
        case "gather": self = .gather
        default:
            guard text.hasPrefix("low-rank-"), let r = Int(text.dropFirst(9)), r >= 1 else { return nil }
            self = .lowRank(r)
        }
    }
}
