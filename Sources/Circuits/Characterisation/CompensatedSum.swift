/// Neumaier's compensated summation: a running sum plus the low-order bits it lost.
public struct CompensatedSum: Sendable, Equatable {
    public private(set) var sum = 0.0
    public private(set) var compensation = 0.0

    public init() {}

    @inline(__always) public mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) { compensation += (sum - t) + x } else { compensation += (x - t) + sum }
        sum = t
    }

    /// Adds another partial sum (its value and its compensation).
    public mutating func add(_ other: CompensatedSum) {
        add(other.sum)
        add(other.compensation)
    }

    public var value: Double { sum + compensation }
}
