import Foundation

/// Writing NumPy .npy files (format version 1.0): a C-order array of little-endian elements.
public enum NPYFile {
    /// The file's bytes: header for `shape` of element type `descr` (e.g. "<f4", "<u4", "<i2", "<i8"),
    /// then `body`, the elements' little-endian bytes in C order.
    public static func data(descr: String, shape: [Int], body: [UInt8]) -> Data {
        let dims = shape.count == 1 ? "\(shape[0])," : shape.map(String.init).joined(separator: ", ")
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(dims)), }"
        let unpadded = 10 + header.utf8.count + 1            // magic+version+length, header, "\n"
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        data.append(contentsOf: body)
        return data
    }

    /// A float32 (rows, columns) array.
    public static func float32(rows: Int, columns: Int, values: [Float]) -> Data {
        var body = [UInt8]()
        body.reserveCapacity(values.count * 4)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { body.append(contentsOf: $0) } }
        return data(descr: "<f4", shape: [rows, columns], body: body)
    }
}
