/// A compiled multiplier: one stored product per operand pair, plus what is needed to index it.
///
/// Element order: with `rowOperand == .first`, `values[a << widthB | b]`; with `.second`,
/// `values[b << widthA | a]`. Encoding semantics are in docs/table-format.md.
public struct LookupTable: Sendable, Equatable {
    public var name: String
    public var widthA: Int
    public var widthB: Int
    public var encoding: OperandEncoding
    public var rowOperand: RowOperand
    public var outputType: OutputType
    /// Extensible key/value section, e.g. "route" = "block4" or "design" = the design text digest.
    public var metadata: [String: String]
    public var values: [Int64]
    /// The format version the table was read from (`TableFormat.version` for tables made in memory).
    /// Not part of equality: the same table read from a version-1 and a version-2 file is equal.
    public var formatVersion = Int(TableFormat.version)

    public static func == (l: LookupTable, r: LookupTable) -> Bool {
        l.name == r.name && l.widthA == r.widthA && l.widthB == r.widthB && l.encoding == r.encoding
            && l.rowOperand == r.rowOperand && l.outputType == r.outputType && l.metadata == r.metadata && l.values == r.values
    }

    /// Checks sizes, widths and value ranges; throws the first problem.
    public init(name: String, widthA: Int, widthB: Int, encoding: OperandEncoding = .unsigned,
                rowOperand: RowOperand = .first, outputType: OutputType, metadata: [String: String] = [:],
                values: [Int64]) throws(TableFileError) {
        try Self.checkWidths(widthA, widthB, path: "<memory>")
        guard values.count == 1 << (widthA + widthB) else {
            throw .invalidHeader(path: "<memory>", field: "value count", value: "\(values.count)",
                                 rule: "a \(widthA)x\(widthB) table holds exactly \(1 << (widthA + widthB)) values")
        }
        let range = outputType.range
        if let i = Self.firstOutOfRange(values, range) {
            throw .valueOutOfRange(index: i, value: values[i], type: outputType.name)
        }
        for (k, v) in metadata where k.contains("=") || k.contains("\n") || v.contains("\n") || k.isEmpty {
            throw .invalidHeader(path: "<memory>", field: "metadata", value: "\(k)=\(v)",
                                 rule: "keys must be non-empty without '=' or newlines; values without newlines")
        }
        self.name = name
        self.widthA = widthA
        self.widthB = widthB
        self.encoding = encoding
        self.rowOperand = rowOperand
        self.outputType = outputType
        self.metadata = metadata
        self.values = values
    }

    /// The stored value for first operand index `a` and second operand index `b`.
    @inlinable public subscript(a: Int, b: Int) -> Int64 {
        rowOperand == .first ? values[a << widthB | b] : values[b << widthA | a]
    }

    /// The FNV-1a 64 checksum that `serialized()` stores in the header.
    public var checksum: UInt64 {
        let bytes = serialized()
        return Self.readUInt64(bytes, at: 40)
    }

    /// Throws `.mismatch` unless the table has the given widths and encoding.
    public func require(widthA: Int, widthB: Int, encoding: OperandEncoding, path: String) throws(TableFileError) {
        if self.widthA != widthA || self.widthB != widthB {
            throw .mismatch(path: path, what: "operand widths", expected: "\(widthA)x\(widthB)",
                            found: "\(self.widthA)x\(self.widthB)")
        }
        if self.encoding != encoding {
            throw .mismatch(path: path, what: "operand encoding", expected: encoding.name, found: self.encoding.name)
        }
    }

    static func checkWidths(_ wa: Int, _ wb: Int, path: String) throws(TableFileError) {
        guard (1...TableFormat.maxTotalWidth).contains(wa), (1...TableFormat.maxTotalWidth).contains(wb),
              wa + wb <= TableFormat.maxTotalWidth else {
            throw .invalidHeader(path: path, field: "operand widths", value: "\(wa)x\(wb)",
                                 rule: "each width must be at least 1 and the sum at most \(TableFormat.maxTotalWidth)")
        }
    }

    /// The first index whose value is outside `range` (a plain loop: this runs on every load).
    static func firstOutOfRange(_ values: [Int64], _ range: ClosedRange<Int64>) -> Int? {
        let lo = range.lowerBound, hi = range.upperBound
        return values.withUnsafeBufferPointer { v in
            var i = 0
            while i < v.count {
                if v[i] < lo || v[i] > hi { return i }
                i += 1
            }
            return nil
        }
    }

    static func readUInt64(_ b: [UInt8], at o: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(b[o + k]) << UInt64(8 * k) }
        return v
    }
}
