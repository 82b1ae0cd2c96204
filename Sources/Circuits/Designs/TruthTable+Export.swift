import Foundation
import TableFormat

extension TruthTable {
    /// CSV text: one line per first operand a (row), 2^widthB comma-separated values (column = b).
    public func csvText() -> String {
        var out = ""
        out.reserveCapacity(values.count * 6)
        for a in 0..<rows {
            out += (0..<columns).map { String(self[a, $0]) }.joined(separator: ",")
            out += "\n"
        }
        return out
    }

    /// A NumPy .npy (version 1.0) file: little-endian uint32 array of shape (2^widthA, 2^widthB), C order.
    public func npyData() -> Data {
        var bytes = [UInt8](repeating: 0, count: values.count * 4)
        for (i, v) in values.enumerated() {
            bytes[4 * i] = UInt8(v & 0xFF)
            bytes[4 * i + 1] = UInt8((v >> 8) & 0xFF)
            bytes[4 * i + 2] = UInt8((v >> 16) & 0xFF)
            bytes[4 * i + 3] = UInt8(v >> 24)
        }
        return Self.npy(descr: "<u4", rows: rows, columns: columns, body: bytes)
    }

    /// A NumPy .npy file of a C-order (rows, columns) array of `descr` elements (`NPYFile`).
    static func npy(descr: String, rows: Int, columns: Int, body: [UInt8]) -> Data {
        NPYFile.data(descr: descr, shape: [rows, columns], body: body)
    }

    /// Writes the table to `path` atomically: `.npy` if the name ends in .npy, else CSV.
    public func write(to path: String) throws(DesignError) {
        let data = path.lowercased().hasSuffix(".npy") ? npyData() : Data(csvText().utf8)
        try AtomicFileWriter.write(data, to: path)
    }
}

/// Writes a design-side output through `OutputFile` (checked target, temporary file, rename, cleanup).
enum AtomicFileWriter {
    static func write(_ data: Data, to path: String) throws(DesignError) {
        do {
            try OutputFile.write(data, to: path)
        } catch {
            throw .io(path: path, reason: error.reason)
        }
    }
}
