import Foundation
import TableFormat

/// Formats for exchanging truth tables with other tools (`axmul export-lut` / `import-lut`).
public enum TableExchangeFormat: String, Sendable, CaseIterable {
    /// NumPy .npy, little-endian uint32, shape (2^wa, 2^wb), row = first operand.
    case npy
    /// TFApprox: 65,536 little-endian uint16 values, index a·256 + b (8x8 only).
    case tfapprox
    /// CSV text: one line per first operand, 2^wb comma-separated values.
    case text
}

public enum TableExchange {
    /// The file contents of `table` in `format`.
    public static func export(_ table: TruthTable, format: TableExchangeFormat) throws(DesignError) -> Data {
        switch format {
        case .npy: return table.npyData()
        case .text: return Data(table.csvText().utf8)
        case .tfapprox:
            guard table.widthA == 8, table.widthB == 8 else {
                throw .unsupported(what: "tfapprox export of a \(table.widthA)x\(table.widthB) table (the format is 8x8 only)", location: nil)
            }
            if let i = table.values.firstIndex(where: { $0 > UInt32(UInt16.max) }) {
                throw .invalidValue(what: "product at a=\(i >> 8), b=\(i & 255)", value: "\(table.values[i])",
                                    rule: "tfapprox stores uint16 values (at most 65535)", location: nil)
            }
            var bytes = [UInt8](repeating: 0, count: 131_072)
            for (i, v) in table.values.enumerated() {
                bytes[2 * i] = UInt8(v & 0xFF)
                bytes[2 * i + 1] = UInt8(v >> 8)
            }
            return Data(bytes)
        }
    }

    /// Writes an export atomically.
    public static func export(_ table: TruthTable, format: TableExchangeFormat, to path: String) throws(DesignError) {
        try write(try export(table, format: format), to: path)
    }

    /// Writes exported bytes atomically.
    public static func write(_ data: Data, to path: String) throws(DesignError) {
        try AtomicFileWriter.write(data, to: path)
    }

    /// A table design read from another tool's file. With `signed` set, the file holds signed int8 × int8
    /// products (npy or text, 256 × 256 in that order) and the design is two's complement.
    public static func importDesign(path: String, format: TableExchangeFormat, name: String,
                                    signed: SignedTableOrder? = nil) throws(DesignError) -> Design {
        let data: Data
        do { data = Data(try InputFile.bytes(path)) } catch {
            throw .io(path: path, reason: error.reason)
        }
        if let order = signed {
            let table: TruthTable
            switch format {
            case .npy: table = try SignedTableImport.npy([UInt8](data), path: path, order: order)
            case .text: table = try SignedTableImport.text(String(decoding: data, as: UTF8.self), path: path, order: order)
            case .tfapprox: throw .unsupported(what: "a signed tfapprox table (TFApprox tables are unsigned uint16; use npy or text)", location: nil)
            }
            return Design(name: name, summary: "imported from \(path) (\(format.rawValue), signed, \(order.rawValue) order)",
                          body: .table(table), operands: .twosComplement)
        }
        let table: TruthTable
        switch format {
        case .tfapprox: table = try TableImport.tfapprox([UInt8](data), path: path)
        case .npy: table = try TableImport.npy([UInt8](data), path: path)
        case .text: table = try TableImport.text(String(decoding: data, as: UTF8.self), path: path)
        }
        return Design(name: name, summary: "imported from \(path) (\(format.rawValue))", body: .table(table))
    }
}

extension TableExchange {
    /// Writes `design` as a design file (the text of `DesignWriter`), atomically.
    public static func writeDesignFile(_ design: Design, to path: String) throws(DesignError) {
        try AtomicFileWriter.write(Data(DesignWriter.checkedText(for: design, output: path).utf8), to: path)
    }
}
