/// How a foreign signed int8 × int8 table orders its 256 rows and columns.
public enum SignedTableOrder: String, Sendable, CaseIterable {
    /// Numeric order: row a + 128, column b + 128 for a, b in −128...127 (the npy convention, and
    /// ApproxTorch's 256 × 256 text file, whose first row is A = −128 and first column B = −128).
    case offset
    /// Two's-complement bit-pattern order: row a & 255, column b & 255 (TorchApprox's signed look-up tables:
    /// "ordered by the numerical order of the unsigned two's-complement equivalent of each index").
    case pattern

    /// The row (or column) holding operand value `v` (−128...127).
    func index(of v: Int) -> Int { self == .offset ? v + 128 : v & 255 }
}

/// Readers of signed int8 × int8 → int16 product tables; the result is a two's-complement truth table:
/// row = first operand's 8-bit pattern, column = second operand's, value = the product's 16-bit pattern.
enum SignedTableImport {
    /// npy, 256 × 256, any integer dtype the unsigned reader accepts (int16 and int32 are the usual ones).
    static func npy(_ b: [UInt8], path: String, order: SignedTableOrder) throws(DesignError) -> TruthTable {
        let (shape, entries) = try TableImport.npyEntries(b, path: path)
        return try table(rows: shape[0], columns: shape[1], path: path, order: order) { r, c in entries[r * shape[1] + c] }
    }

    /// Text: 256 lines of 256 integers separated by commas, spaces or tabs (ApproxTorch's `.txt` LUT), or
    /// AdaPT's C header (`const int16_t lut [256][256] = {{…},` one row per line `…}};`, read in `pattern` order).
    static func text(_ s: String, path: String, order: SignedTableOrder) throws(DesignError) -> TruthTable {
        let s = cArrayBody(s) ?? s
        let lines = s.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
        var values: [Int64] = []
        values.reserveCapacity(65_536)
        var widths: [Int] = []
        for (k, line) in lines.enumerated() {
            let fields = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            for field in fields {
                guard let v = Int64(field) else {
                    throw .invalidValue(what: "table entry", value: String(field), rule: "entries of a signed table are integers",
                                        location: SourceLocation(file: path, line: k + 1, column: 1))
                }
                values.append(v)
            }
            widths.append(fields.count)
            guard widths.count <= 256 else { break }
        }
        let columns = widths.first ?? 0
        guard widths.allSatisfy({ $0 == columns }) else {
            throw .invalidValue(what: "table shape", value: "rows of \(Set(widths).sorted()) entries", rule: "every row needs the same number of entries",
                                location: SourceLocation(file: path, line: 0, column: 0))
        }
        return try table(rows: lines.count, columns: columns, path: path, order: order) { r, c in values[r * columns + c] }
    }

    /// The initialiser of a C array declaration (`… lut [256][256] = {{1, 2},\n{3, 4}};`) without its braces
    /// and semicolon, one row per line as written; nil for text that is not a C declaration.
    static func cArrayBody(_ s: String) -> String? {
        guard s.contains("{"), let eq = s.firstIndex(of: "=") else { return nil }
        return String(s[s.index(after: eq)...].filter { !"{};".contains($0) })
    }

    /// Checks the shape (256 × 256) and the int16 range, and reorders into bit-pattern order.
    private static func table(rows: Int, columns: Int, path: String, order: SignedTableOrder,
                              _ entry: (Int, Int) -> Int64) throws(DesignError) -> TruthTable {
        let loc = SourceLocation(file: path, line: 0, column: 0)
        guard rows == 256, columns == 256 else {
            throw .invalidValue(what: "signed table shape", value: "\(rows) rows × \(columns) columns",
                                rule: "a signed int8 × int8 table has 256 rows of 256 entries", location: loc)
        }
        var values = [UInt32](repeating: 0, count: 65_536)
        for a in -128...127 {
            for b in -128...127 {
                let v = entry(order.index(of: a), order.index(of: b))
                guard v >= -32_768, v <= 32_767 else {
                    throw .invalidValue(what: "signed product P(\(a), \(b))", value: "\(v)",
                                        rule: "int8 × int8 products are int16 (−32768...32767)", location: loc)
                }
                values[(a & 255) << 8 | (b & 255)] = UInt32(UInt16(bitPattern: Int16(v)))
            }
        }
        return TruthTable(widthA: 8, widthB: 8, outputWidth: 16, values: values)
    }
}
