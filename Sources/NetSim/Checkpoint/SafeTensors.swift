import Foundation
import TableFormat

/// The safetensors checkpoint format (huggingface/safetensors): an 8-byte little-endian header
/// length N, N bytes of JSON header (padded with spaces to 8-byte alignment), then the raw
/// little-endian tensor data. Only F32 tensors are written; read validates every field.
public enum SafeTensors {
    /// Largest header accepted on read (as in the reference implementation).
    public static let maximumHeaderBytes = 100_000_000

    /// A named F32 tensor.
    public typealias Tensor = (name: String, shape: [Int], values: [Float])

    /// Writes `tensors` (stored in the given order) and string `metadata` atomically to `url`.
    public static func write(_ tensors: [Tensor], metadata: [String: String] = [:], to url: URL) throws {
        try OutputFile.write(encode(tensors, metadata: metadata, path: url.path), to: url)
    }

    /// Reads and validates a file written by `write` or by any safetensors writer (F32 only).
    public static func read(from url: URL) throws
        -> (tensors: [String: (shape: [Int], values: [Float])], metadata: [String: String]) {
        try decode(Gzip.readFile(url), path: url.path)
    }

    /// The file bytes for `tensors` and `metadata`.
    public static func encode(_ tensors: [Tensor], metadata: [String: String], path: String = "") throws -> Data {
        var entries = [String]()
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0] ?? ""))" }
            entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var seen = Set<String>()
        var offset = 0
        for tensor in tensors {
            let elements = try checkedCount(tensor.shape, path: path, name: tensor.name)
            guard elements == tensor.values.count, tensor.name != "__metadata__", seen.insert(tensor.name).inserted else {
                throw DataError(.invalidArgument, file: path,
                                "tensor '\(tensor.name)' is a duplicate, is named __metadata__, or its shape \(tensor.shape) does not hold \(tensor.values.count) values.")
            }
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(jsonString(tensor.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + 4 * elements)]}")
            offset += 4 * elements
        }
        var header = Data(("{" + entries.joined(separator: ",") + "}").utf8)
        header.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8))
        var file = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(header)
        for tensor in tensors {
            var little = tensor.values.map { $0.bitPattern.littleEndian }
            little.withUnsafeMutableBytes { file.append(contentsOf: $0) }
        }
        return file
    }

    /// Parses and validates safetensors bytes; `path` is only used in error messages.
    public static func decode(_ data: Data, path: String) throws
        -> (tensors: [String: (shape: [Int], values: [Float])], metadata: [String: String]) {
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else {
            throw DataError(.truncated, file: path, "the file has \(bytes.count) bytes, fewer than the 8-byte header length.")
        }
        let headerLength = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard headerLength <= UInt64(min(maximumHeaderBytes, bytes.count - 8)) else {
            throw DataError(.truncated, file: path,
                            "the header length field says \(headerLength) bytes but the file has \(bytes.count - 8) after it.",
                            hint: "the file is cut short or is not a safetensors file")
        }
        let dataStart = 8 + Int(headerLength)
        let entries = try SafeTensorsHeader.parse(bytes[8..<dataStart], path: path, dataLength: bytes.count - dataStart)
        var tensors = [String: (shape: [Int], values: [Float])]()
        for entry in entries.tensors {
            let start = dataStart + entry.begin
            var values = [Float](repeating: 0, count: (entry.end - entry.begin) / 4)
            for i in values.indices {
                let o = start + 4 * i
                let bits = UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
                values[i] = Float(bitPattern: bits)
            }
            tensors[entry.name] = (entry.shape, values)
        }
        return (tensors, entries.metadata)
    }

    /// Product of `shape`, rejecting negative sizes and overflow.
    static func checkedCount(_ shape: [Int], path: String, name: String) throws -> Int {
        var count = 1
        for size in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard size >= 0, !overflow else {
                throw DataError(.malformed, file: path, "tensor '\(name)' has an invalid shape \(shape).")
            }
            count = product
        }
        return count
    }

    /// A JSON string literal for `text`.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
