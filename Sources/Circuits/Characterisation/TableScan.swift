/// Exhaustive error sums over a function of two operands, row by row, in fixed chunks.
///
/// This is the general path (truth tables, formulas, any width); compositions of tabulated
/// blocks have a faster path in `CompositionScan`.
public enum TableScan {
    /// Error sums of `product` against a·b over `domain` for operands of the given widths.
    ///
    /// `progress`, if given, is called with (chunks done, chunk count) from worker threads.
    public static func sums(widthA: Int, widthB: Int, domain: ErrorDomain,
                            progress: (@Sendable (Int, Int) -> Void)? = nil,
                            product: @escaping @Sendable (UInt64, UInt64) -> UInt64) -> ErrorSums {
        if domain == .signed {
            return signedSums(widthA: widthA, widthB: widthB, outputWidth: widthA + widthB) { a, b in product(UInt64(a), UInt64(b)) }
        }
        let rows = domain.maxOperand(width: widthA) + 1, cols = domain.maxOperand(width: widthB) + 1
        let chunkCount = Int(min(rows, 256))
        let counter = ProgressCounter(total: chunkCount, report: progress)
        let parts = ParallelChunks.map(count: chunkCount) { chunk in
            let lo = rows * UInt64(chunk) / UInt64(chunkCount), hi = rows * UInt64(chunk + 1) / UInt64(chunkCount)
            var s = ErrorSums()
            for a in lo..<hi {
                for b in 0..<cols {
                    s.add(error: Int64(bitPattern: product(a, b) &- a &* b), a: a, b: b)
                }
            }
            counter.step()
            return s
        }
        return parts.reduce(into: ErrorSums()) { $0.merge($1) }
    }

    /// Error sums of a materialised truth table (fast for tables up to 2^24 entries).
    public static func sums(of table: TruthTable, domain: ErrorDomain) -> ErrorSums {
        if domain == .signed {
            return table.values.withUnsafeBufferPointer { values in
                signedSums(widthA: table.widthA, widthB: table.widthB, outputWidth: table.outputWidth) { a, b in
                    UInt64(values[a << table.widthB | b])
                }
            }
        }
        let rows = Int(domain.maxOperand(width: table.widthA)) + 1
        let cols = Int(domain.maxOperand(width: table.widthB)) + 1
        let wb = table.widthB
        guard table.outputWidth <= 24, table.widthB <= 12 else {
            return table.values.withUnsafeBufferPointer { values in
                var s = ErrorSums()
                for a in 0..<rows {
                    for b in 0..<cols { s.add(error: Int64(values[a << wb | b]) - Int64(a * b), a: UInt64(a), b: UInt64(b)) }
                }
                return s
            }
        }
        // |e| < 2^24 and at most 2^12 columns: every per-row integer sum fits Int64.
        return table.values.withUnsafeBufferPointer { values in
            var s = ErrorSums()
            for a in 0..<rows {
                var nonzero: Int64 = 0, sumE: Int64 = 0, sumAbs: Int64 = 0, sumSq: Int64 = 0, maxAbs: Int64 = 0
                var ratio = CompensatedSum(), maxRatio = 0.0
                let row = a << wb
                for b in 0..<cols {
                    let e = Int64(values[row | b]) - Int64(a * b), m = abs(e)
                    nonzero += e != 0 ? 1 : 0
                    sumE += e
                    sumAbs += m
                    sumSq += e * e
                    maxAbs = max(maxAbs, m)
                    if a != 0 && b != 0 && m != 0 {
                        let r = Double(m) / (Double(a) * Double(b))
                        ratio.add(r)
                        maxRatio = max(maxRatio, r)
                    }
                }
                s.pairs += Int64(cols)
                s.nonzero += nonzero
                s.sumError += Int128(sumE)
                s.sumAbsError += Int128(sumAbs)
                s.sumSquaredError += Int128(sumSq)
                s.maxAbsError = max(s.maxAbsError, maxAbs)
                s.nonzeroProductPairs += a == 0 ? 0 : Int64(cols - 1)
                s.zeroProductAbsError += Int128(a == 0 ? sumAbs : abs(Int64(values[row]) - 0))
                s.relativeErrorSum.add(ratio)
                s.maxRelativeError = max(s.maxRelativeError, maxRatio)
            }
            return s
        }
    }
}

extension TableScan {
    /// Error sums over every pair of two's-complement patterns: x, w and the product P are read as signed
    /// numbers (P with `outputWidth` bits), e = P − x·w, and the relative error uses |x|, |w|.
    static func signedSums(widthA: Int, widthB: Int, outputWidth: Int, product: (Int, Int) -> UInt64) -> ErrorSums {
        var s = ErrorSums()
        for a in 0..<(1 << widthA) {
            let x = signExtend(UInt64(a), width: widthA)
            for b in 0..<(1 << widthB) {
                let w = signExtend(UInt64(b), width: widthB)
                let p = signExtend(product(a, b), width: outputWidth)
                s.add(error: p - x * w, a: x.magnitude, b: w.magnitude)
            }
        }
        return s
    }

    /// The value of a `width`-bit two's-complement pattern (bits above `width` are ignored).
    static func signExtend(_ v: UInt64, width: Int) -> Int64 {
        guard width < 64 else { return Int64(bitPattern: v) }
        let m = v & ((1 << UInt64(width)) - 1)
        return m >> UInt64(width - 1) == 1 ? Int64(m) - (1 << Int64(width)) : Int64(m)
    }
}

/// A thread-safe chunk counter that forwards (done, total) to a progress callback.
final class ProgressCounter: @unchecked Sendable {
    private let lock = PThreadMutex()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func step() {
        guard let report else { return }
        lock.lock()
        done += 1
        let d = done
        lock.unlock()
        report(d, total)
    }
}
