/// The complete function of a two-operand multiplier: one output value per operand pair.
///
/// Row index = first operand `a`, column index = second operand `b`; `values[a << widthB | b]`.
public struct TruthTable: Sendable, Hashable {
    public let widthA: Int
    public let widthB: Int
    public let outputWidth: Int
    public var values: [UInt32]

    /// The largest operand width sum that is materialised (2^24 entries, 64 MiB).
    public static let maxTotalWidth = 24

    public init(widthA: Int, widthB: Int, outputWidth: Int, values: [UInt32]) {
        precondition(widthA + widthB <= TruthTable.maxTotalWidth, "truth table too large")
        precondition(values.count == 1 << (widthA + widthB), "truth table size mismatch")
        precondition(outputWidth <= 32)
        self.widthA = widthA
        self.widthB = widthB
        self.outputWidth = outputWidth
        self.values = values
    }

    /// Builds a table by calling `f` on every operand pair.
    public init(widthA: Int, widthB: Int, outputWidth: Int, _ f: (UInt32, UInt32) -> UInt32) {
        var values = [UInt32](repeating: 0, count: 1 << (widthA + widthB))
        for a in 0..<(1 << widthA) {
            for b in 0..<(1 << widthB) {
                values[a << widthB | b] = f(UInt32(a), UInt32(b))
            }
        }
        self.init(widthA: widthA, widthB: widthB, outputWidth: outputWidth, values: values)
    }

    /// The exact product table of the given widths.
    public static func exact(widthA: Int, widthB: Int) -> TruthTable {
        TruthTable(widthA: widthA, widthB: widthB, outputWidth: widthA + widthB) { $0 * $1 }
    }

    @inlinable public subscript(a: Int, b: Int) -> UInt32 { values[a << widthB | b] }

    public var rows: Int { 1 << widthA }
    public var columns: Int { 1 << widthB }

    /// The first operand pair (a, b) where the two tables differ, or nil if they are equal.
    public func firstDifference(from other: TruthTable) -> (a: Int, b: Int, mine: UInt32, theirs: UInt32)? {
        precondition(widthA == other.widthA && widthB == other.widthB)
        for i in values.indices where values[i] != other.values[i] {
            return (i >> widthB, i & ((1 << widthB) - 1), values[i], other.values[i])
        }
        return nil
    }
}
