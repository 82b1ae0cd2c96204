/// The operand domain over which metrics are taken.
public enum ErrorDomain: String, Sendable, Codable, CaseIterable {
    /// Operands 0..2^n−1 (EvoApproxLib conventions).
    case unsigned
    /// Operands 0..2^(n−1) inclusive: magnitudes of sign-magnitude n-bit operands.
    case magnitude

    /// The largest operand value of an n-bit operand in this domain.
    public func maxOperand(width n: Int) -> UInt64 {
        switch self {
        case .unsigned: (1 << UInt64(n)) - 1
        case .magnitude: 1 << UInt64(n - 1)
        }
    }
}
