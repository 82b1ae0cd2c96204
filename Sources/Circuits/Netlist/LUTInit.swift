/// The 64-bit INIT parameter of a LUT6 / LUT6_2.
///
/// This is the one place that defines the LUT bit order, as in the Xilinx libraries:
/// address k = I0 + 2·I1 + 4·I2 + 8·I3 + 16·I4 + 32·I5 (I0 least significant);
/// O6 = INIT bit k, and O5 = INIT bit (k mod 32), which never depends on I5.
public struct LUTInit: Sendable, Hashable, CustomStringConvertible {
    public var bits: UInt64

    public init(_ bits: UInt64) { self.bits = bits }

    /// Parses 1 to 16 hexadecimal digits, most significant first (an optional `64'h` prefix is accepted).
    public init?(hex: String) {
        var text = Substring(hex)
        if text.hasPrefix("64'h") || text.hasPrefix("64'H") { text = text.dropFirst(4) }
        if text.hasPrefix("0x") || text.hasPrefix("0X") { text = text.dropFirst(2) }
        let digits = text.filter { $0 != "_" }
        guard (1...16).contains(digits.count), let value = UInt64(digits, radix: 16) else { return nil }
        bits = value
    }

    /// The address formed from six input bits, I0 first.
    @inlinable public static func address(_ inputs: [Bool]) -> Int {
        var k = 0
        for (i, bit) in inputs.enumerated() where bit { k |= 1 << i }
        return k
    }

    /// O6 for an address 0..63.
    @inlinable public func o6(address k: Int) -> Bool { (bits >> UInt64(k)) & 1 == 1 }
    /// O5 for an address 0..63 (only I0..I4 matter).
    @inlinable public func o5(address k: Int) -> Bool { (bits >> UInt64(k & 31)) & 1 == 1 }

    /// Sixteen upper-case hexadecimal digits, most significant first.
    public var hex: String {
        let s = String(bits, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    public var description: String { hex }
}
