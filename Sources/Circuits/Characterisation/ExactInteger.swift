import CGMP

/// A GMP integer, for the few quantities that may exceed Int128 (e.g. N·Σe² − (Σe)² over 2^32 pairs).
///
/// Class-backed because the mpz limbs live on the C heap; `deinit` frees them.
final class ExactInteger: @unchecked Sendable {
    fileprivate let value = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)

    init(_ x: Int128) {
        __gmpz_init(value)
        let magnitude = x.magnitude
        __gmpz_set_ui(value, UInt(truncatingIfNeeded: magnitude >> 64))
        __gmpz_mul_2exp(value, value, 64)
        __gmpz_add_ui(value, value, UInt(truncatingIfNeeded: magnitude))
        if x < 0 { __gmpz_neg(value, value) }
    }

    private init() { __gmpz_init(value) }

    deinit {
        __gmpz_clear(value)
        value.deallocate()
    }

    static func * (l: ExactInteger, r: ExactInteger) -> ExactInteger {
        let out = ExactInteger()
        __gmpz_mul(out.value, l.value, r.value)
        return out
    }

    static func - (l: ExactInteger, r: ExactInteger) -> ExactInteger {
        let out = ExactInteger()
        __gmpz_sub(out.value, l.value, r.value)
        return out
    }

    /// num / den as the nearest-below Double of the exact rational (den must be non-zero).
    static func ratio(_ num: ExactInteger, _ den: ExactInteger) -> Double {
        let q = UnsafeMutablePointer<__mpq_struct>.allocate(capacity: 1)
        __gmpq_init(q)
        defer {
            __gmpq_clear(q)
            q.deallocate()
        }
        __gmpq_set_num(q, num.value)
        __gmpq_set_den(q, den.value)
        __gmpq_canonicalize(q)
        return __gmpq_get_d(q)
    }

    /// num / den for Int128 operands, through exact rational arithmetic.
    static func ratio(_ num: Int128, _ den: Int128) -> Double {
        ratio(ExactInteger(num), ExactInteger(den))
    }
}
