/// The operand domain over which metrics are taken.
public enum ErrorDomain: String, Sendable, Codable, CaseIterable {
    /// Operands 0..2^n−1 (EvoApproxLib conventions).
    case unsigned
    /// Operands 0..2^(n−1) inclusive: magnitudes of sign-magnitude n-bit operands.
    case magnitude
    /// Operands −2^(n−1)..2^(n−1)−1: n-bit two's-complement patterns (signed designs, `operands
    /// twos-complement`); the product bits are read as a two's-complement number too.
    case signed

    /// The domains `characterize` reports for an unsigned design (a two's-complement design has only `.signed`).
    public static let ofUnsignedDesigns: [ErrorDomain] = [.unsigned, .magnitude]

    /// The largest operand value (signed: magnitude) of an n-bit operand in this domain.
    public func maxOperand(width n: Int) -> UInt64 {
        switch self {
        case .unsigned: (1 << UInt64(n)) - 1
        case .magnitude, .signed: 1 << UInt64(n - 1)
        }
    }
}
