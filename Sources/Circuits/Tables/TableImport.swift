import Foundation

/// Parsers for foreign table files; every failure names the file and the broken rule.
enum TableImport {
    static func tfapprox(_ b: [UInt8], path: String) throws(DesignError) -> TruthTable {
        guard b.count == 131_072 else {
            throw .invalidValue(what: "tfapprox file size", value: "\(b.count) bytes", rule: "must be 131072 bytes (65536 uint16 values)",
                                location: SourceLocation(file: path, line: 0, column: 0))
        }
        let values = (0..<65_536).map { (i: Int) -> UInt32 in
            let low = UInt32(b[2 * i]), high = UInt32(b[2 * i + 1])
            return low | high << 8
        }
        return TruthTable(widthA: 8, widthB: 8, outputWidth: 16, values: values)
    }

    static func text(_ s: String, path: String) throws(DesignError) -> TruthTable {
        let lines = s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .filter { !$0.element.allSatisfy(\.isWhitespace) }
        var rows: [[UInt32]] = []
        for (k, line) in lines {
            var row: [UInt32] = []
            for field in line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
                guard let v = UInt32(field) else {
                    throw .invalidValue(what: "table entry", value: String(field), rule: "entries are non-negative integers below 2^32",
                                        location: SourceLocation(file: path, line: k + 1, column: 1))
                }
                row.append(v)
            }
            if let first = rows.first, row.count != first.count {
                throw .invalidValue(what: "table row", value: "\(row.count) entries", rule: "every row needs \(first.count) entries, as the first has",
                                    location: SourceLocation(file: path, line: k + 1, column: 1))
            }
            rows.append(row)
        }
        return try shaped(rows, path: path)
    }

    static func npy(_ b: [UInt8], path: String) throws(DesignError) -> TruthTable {
        let loc = SourceLocation(file: path, line: 0, column: 0)
        let (shape, entries) = try npyEntries(b, path: path)
        var rows: [[UInt32]] = []
        for r in 0..<shape[0] {
            var row: [UInt32] = []
            for c in 0..<shape[1] {
                let v = entries[r * shape[1] + c]
                guard v >= 0, v <= Int64(UInt32.max) else {
                    throw .invalidValue(what: "npy entry [\(r), \(c)]", value: "\(v)", rule: "products must be in 0..2^32−1", location: loc)
                }
                row.append(UInt32(v))
            }
            rows.append(row)
        }
        return try shaped(rows, path: path)
    }

    /// The shape and the entries (C order, as Int64; u8 values above Int64.max are refused) of a 2-D npy array.
    static func npyEntries(_ b: [UInt8], path: String) throws(DesignError) -> (shape: [Int], entries: [Int64]) {
        let loc = SourceLocation(file: path, line: 0, column: 0)
        guard b.count >= 10, b[0] == 0x93, Array(b[1..<6]) == Array("NUMPY".utf8), b[6] == 1 || b[6] == 2 else {
            throw .invalidValue(what: "npy header", value: "(magic)", rule: "file must start with \\x93NUMPY version 1 or 2", location: loc)
        }
        let v2 = b[6] == 2
        let headerStart = v2 ? 12 : 10
        guard b.count >= headerStart else { throw .invalidValue(what: "npy header", value: "(short)", rule: "file is truncated", location: loc) }
        let headerLength = v2 ? Int(b[8]) | Int(b[9]) << 8 | Int(b[10]) << 16 | Int(b[11]) << 24 : Int(b[8]) | Int(b[9]) << 8
        guard b.count >= headerStart + headerLength else {
            throw .invalidValue(what: "npy header", value: "\(headerLength) bytes", rule: "file is truncated", location: loc)
        }
        let header = String(decoding: b[headerStart..<headerStart + headerLength], as: UTF8.self)
        // The header as one short line for messages (it ends in a newline and may be padded).
        let shown = String(header.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ").prefix(120))
        let descrs: [String: (Int, Bool)] = ["<u2": (2, false), "<u4": (4, false), "<i4": (4, true), "<u8": (8, false),
                                             "<i8": (8, true), "|u1": (1, false), "<i2": (2, true)]
        guard let (size, signed) = descrs.first(where: { header.contains("'\($0.key)'") })?.value else {
            throw .invalidValue(what: "npy dtype", value: shown, rule: "supported: little-endian u1/u2/u4/u8/i2/i4/i8", location: loc)
        }
        guard header.contains("'fortran_order': False") else {
            throw .invalidValue(what: "npy order", value: shown, rule: "arrays must be C order", location: loc)
        }
        let shape = npyShape(header)
        guard shape.count == 2 else { throw .invalidValue(what: "npy shape", value: shown, rule: "must be 2-D (rows = first operand)", location: loc) }
        // A table has at least 2 × 2 entries; a zero dimension would let the other one be anything
        // (shape (10^17, 0) holds no data yet would build 10^17 empty rows).
        guard shape.allSatisfy({ $0 >= 2 }) else {
            throw .invalidValue(what: "npy shape", value: "\(shape)", rule: "need 2^wa rows of 2^wb entries each (both at least 2)", location: loc)
        }
        let product = shape[0].multipliedReportingOverflow(by: shape[1])  // checked: no overflow, no huge allocation
        guard !product.overflow, product.partialValue <= b.count else {
            throw .invalidValue(what: "npy shape", value: "\(shape)", rule: "the entry count cannot exceed the file size (\(b.count) bytes)", location: loc)
        }
        let data = headerStart + headerLength, count = shape[0] * shape[1]
        guard b.count == data + count * size else {
            throw .invalidValue(what: "npy data", value: "\(b.count - data) bytes", rule: "shape \(shape) needs \(count * size) bytes", location: loc)
        }
        var entries = [Int64](repeating: 0, count: count)
        for i in 0..<count {
            let o = data + i * size
            var u: UInt64 = 0
            for k in 0..<size { u |= UInt64(b[o + k]) << UInt64(8 * k) }
            let bits = UInt64(8 * size)
            if signed && (u >> (bits - 1)) & 1 == 1 {
                entries[i] = bits == 64 ? Int64(bitPattern: u) : Int64(u) - (Int64(1) << bits)
            } else {
                guard u <= UInt64(Int64.max) else {
                    throw .invalidValue(what: "npy entry [\(i / shape[1]), \(i % shape[1])]", value: "\(u)", rule: "products must be below 2^63", location: loc)
                }
                entries[i] = Int64(u)
            }
        }
        return (shape, entries)
    }

    private static func npyShape(_ header: String) -> [Int] {
        guard let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")") else { return [] }
        return header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Rows of equal power-of-two length, a power-of-two number of rows.
    private static func shaped(_ rows: [[UInt32]], path: String) throws(DesignError) -> TruthTable {
        let loc = SourceLocation(file: path, line: 0, column: 0)
        let r = rows.count, c = rows.first?.count ?? 0
        guard r >= 2, c >= 2, r & (r - 1) == 0, c & (c - 1) == 0, rows.allSatisfy({ $0.count == c }) else {
            throw .invalidValue(what: "table shape", value: "\(r) rows × \(c) columns", rule: "need 2^wa rows of 2^wb entries each", location: loc)
        }
        let wa = r.trailingZeroBitCount, wb = c.trailingZeroBitCount
        guard wa + wb <= TruthTable.maxTotalWidth else {
            throw .invalidValue(what: "table shape", value: "\(wa)x\(wb)", rule: "at most \(TruthTable.maxTotalWidth) input bits", location: loc)
        }
        let maxValue = rows.joined().max() ?? 0
        let outWidth = max(wa + wb, 32 - maxValue.leadingZeroBitCount)
        return TruthTable(widthA: wa, widthB: wb, outputWidth: outWidth, values: Array(rows.joined()))
    }
}
