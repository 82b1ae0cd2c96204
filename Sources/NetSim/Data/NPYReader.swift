import Foundation

/// A NumPy `.npy` array (format versions 1–3, little-endian, C order), read into Float32 or Int64.
///
/// NetSim's own reader of the format (Circuits has a table-specific one in `TableImport.npy`; NetSim
/// cannot depend on Circuits). Shapes are checked against the file size before anything is allocated.
public struct NPYArray: Sendable, Equatable {
    /// Element types the reader accepts.
    public enum DType: String, Sendable {
        case f4 = "<f4", f8 = "<f8", i1 = "|i1", u1 = "|u1", i2 = "<i2", u2 = "<u2", i4 = "<i4", u4 = "<u4", i8 = "<i8", u8 = "<u8"
        var size: Int { switch self { case .i1, .u1: 1; case .i2, .u2: 2; case .f4, .i4, .u4: 4; case .f8, .i8, .u8: 8 } }
        var isFloat: Bool { self == .f4 || self == .f8 }
    }

    public var dtype: DType
    public var shape: [Int]
    /// The raw little-endian element bytes, `shape.product × dtype.size` of them.
    public var payload: [UInt8]

    public var count: Int { shape.reduce(1, *) }

    /// Parses a whole `.npy` file; `path` names it in errors.
    public static func parse(_ data: Data, path: String) throws -> NPYArray {
        let b = [UInt8](data)
        guard b.count >= 10, b[0] == 0x93, Array(b[1..<6]) == Array("NUMPY".utf8), (1...3).contains(b[6]) else {
            throw DataError(.wrongMagic, file: path, "the file does not start with \\x93NUMPY and a version 1, 2 or 3; it is not a .npy array.")
        }
        let wide = b[6] >= 2
        let start = wide ? 12 : 10
        guard b.count >= start else { throw DataError(.truncated, file: path, "the .npy header is cut short (\(b.count) bytes).") }
        let length = wide ? Int(b[8]) | Int(b[9]) << 8 | Int(b[10]) << 16 | Int(b[11]) << 24 : Int(b[8]) | Int(b[9]) << 8
        guard length <= b.count - start else {
            throw DataError(.truncated, file: path, "the .npy header claims \(length) bytes but the file holds \(b.count - start) after the preamble.")
        }
        let header = String(decoding: b[start..<start + length], as: UTF8.self)
        guard let descr = field("descr", in: header).map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\" ")) }),
              let dtype = DType(rawValue: descr == "<i1" ? "|i1" : descr == "<u1" ? "|u1" : descr) else {
            throw DataError(.unsupported, file: path, "the .npy dtype in header \(header.trimmingCharacters(in: .whitespacesAndNewlines)) is not supported; expected little-endian float32/float64 or an integer type.")
        }
        guard field("fortran_order", in: header)?.trimmingCharacters(in: .whitespaces) == "False" else {
            throw DataError(.unsupported, file: path, "the .npy array is not in C order (fortran_order must be False).",
                            hint: "save it with np.save(path, np.ascontiguousarray(a))")
        }
        guard let shape = shape(in: header) else {
            throw DataError(.malformed, file: path, "the .npy header has no readable 'shape' tuple: \(header.trimmingCharacters(in: .whitespacesAndNewlines)).")
        }
        let available = b.count - start - length
        var bytes = dtype.size
        for d in shape {   // checked product: never overflows, never exceeds the file
            let (p, overflow) = bytes.multipliedReportingOverflow(by: d)
            guard !overflow, p <= available || d == 0 else {
                throw DataError(.truncated, file: path, "the .npy shape \(shape) of \(dtype.rawValue) needs more bytes than the \(available) the file holds.")
            }
            bytes = p
        }
        guard bytes == available else {
            throw DataError(.countMismatch, file: path, "the .npy shape \(shape) of \(dtype.rawValue) needs \(bytes) data bytes; the file holds \(available).")
        }
        return NPYArray(dtype: dtype, shape: shape, payload: Array(b[(start + length)...]))
    }

    /// Reads and parses the file at `url`.
    public static func read(_ url: URL) throws -> NPYArray {
        try parse(Gzip.readFile(url), path: url.path)
    }

    /// The elements as Float32 (float types only: f8 is rounded once to Float32).
    public func floats(path: String) throws -> [Float] {
        guard dtype.isFloat else {
            throw DataError(.unsupported, file: path, "inputs must be float32 (or float64); this array is \(dtype.rawValue).",
                            hint: "save x with x.astype(np.float32)")
        }
        var out = [Float](repeating: 0, count: count)
        for i in 0..<count { out[i] = dtype == .f4 ? Float(bitPattern: UInt32(word(i))) : Float(Double(bitPattern: word(i))) }
        return out
    }

    /// The elements as integers (integer types only).
    public func integers(path: String) throws -> [Int64] {
        guard !dtype.isFloat else {
            throw DataError(.unsupported, file: path, "labels must be an integer type; this array is \(dtype.rawValue).",
                            hint: "save y with y.astype(np.int64)")
        }
        let bits = UInt64(dtype.size * 8)
        let signed = dtype.rawValue.contains("i")
        return (0..<count).map { i in
            let u = word(i)
            guard signed, bits < 64, (u >> (bits - 1)) & 1 == 1 else { return Int64(bitPattern: u) }
            return Int64(bitPattern: u | ~((1 << bits) - 1))
        }
    }

    /// Element `i` as its raw little-endian bits.
    private func word(_ i: Int) -> UInt64 {
        let n = dtype.size, o = i * n
        var u: UInt64 = 0
        for k in 0..<n { u |= UInt64(payload[o + k]) << UInt64(8 * k) }
        return u
    }

    /// The text after `'key':` up to the next top-level comma or closing brace.
    private static func field(_ key: String, in header: String) -> String? {
        guard let r = header.range(of: "'\(key)':") ?? header.range(of: "\"\(key)\":") else { return nil }
        let rest = header[r.upperBound...]
        let end = rest.firstIndex(where: { $0 == "," || $0 == "}" }) ?? rest.endIndex
        return String(rest[..<end])
    }

    private static func shape(in header: String) -> [Int]? {
        guard let r = header.range(of: "'shape':"), let open = header[r.upperBound...].firstIndex(of: "("),
              let close = header[open...].firstIndex(of: ")") else { return nil }
        var dims: [Int] = []
        for part in header[header.index(after: open)..<close].split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let d = Int(text), d >= 0 else { return nil }
            dims.append(d)
        }
        return dims
    }
}
