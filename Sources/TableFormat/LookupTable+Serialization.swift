#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension LookupTable {
    /// The complete file contents: 48-byte header, name, metadata, data (see docs/table-format.md).
    public func serialized() -> [UInt8] {
        let nameBytes = Array(name.utf8)
        let metaBytes = Array(metadata.keys.sorted().map { "\($0)=\(metadata[$0] ?? "")\n" }.joined().utf8)
        let total = TableFormat.headerSize + nameBytes.count + metaBytes.count + values.count * outputType.byteCount
        var out = [UInt8]()
        out.reserveCapacity(total)
        out += TableFormat.magic
        Self.append(UInt64(TableFormat.version), bytes: 2, to: &out)
        out += [UInt8(widthA), UInt8(widthB), encoding.rawValue, rowOperand.rawValue, outputType.rawValue, 0]
        Self.append(UInt64(nameBytes.count), bytes: 4, to: &out)
        Self.append(UInt64(metaBytes.count), bytes: 4, to: &out)
        Self.append(UInt64(values.count), bytes: 8, to: &out)
        Self.append(UInt64(total), bytes: 8, to: &out)
        Self.append(0, bytes: 8, to: &out)   // checksum placeholder
        out += nameBytes
        out += metaBytes
        out += Self.encodeValues(values, type: outputType)
        let sum = Self.checksum(of: out)
        for k in 0..<8 { out[40 + k] = UInt8(truncatingIfNeeded: sum >> UInt64(8 * k)) }
        return out
    }

    /// Parses file contents; `path` only labels errors. Never traps on bad input.
    public init(bytes: [UInt8], path: String = "<memory>") throws(TableFileError) {
        guard bytes.count >= 8, Array(bytes[0..<8]) == TableFormat.magic else { throw .notATableFile(path: path) }
        guard bytes.count >= TableFormat.headerSize else {
            throw .truncated(path: path, expectedBytes: TableFormat.headerSize, foundBytes: bytes.count)
        }
        let version = Int(bytes[8]) | Int(bytes[9]) << 8
        guard TableFormat.readableVersions.contains(version) else { throw .unsupportedVersion(path: path, found: version) }
        let declared = Self.readUInt64(bytes, at: 32)
        guard declared <= UInt64(Int.max) else {
            throw .invalidHeader(path: path, field: "file size", value: "\(declared)", rule: "must fit the platform")
        }
        if Int(declared) > bytes.count {
            throw .truncated(path: path, expectedBytes: Int(declared), foundBytes: bytes.count)
        }
        if Int(declared) < bytes.count {
            throw .trailingBytes(path: path, expectedBytes: Int(declared), foundBytes: bytes.count)
        }
        let stored = Self.readUInt64(bytes, at: 40)
        let computed = Self.checksum(of: bytes)
        guard stored == computed else { throw .checksumMismatch(path: path, stored: stored, computed: computed) }
        try self.init(checkedBytes: bytes, version: version, path: path)
    }

    /// Parses a file whose size and checksum are already verified.
    private init(checkedBytes bytes: [UInt8], version: Int, path: String) throws(TableFileError) {
        let wa = Int(bytes[10]), wb = Int(bytes[11])
        try Self.checkWidths(wa, wb, path: path)
        guard let enc = OperandEncoding(rawValue: bytes[12]) else {
            throw .invalidHeader(path: path, field: "encoding", value: "\(bytes[12])", rule: "must be 0, 1 or 2")
        }
        guard let row = RowOperand(rawValue: bytes[13]) else {
            throw .invalidHeader(path: path, field: "row operand", value: "\(bytes[13])", rule: "must be 0 or 1")
        }
        guard let type = OutputType(rawValue: bytes[14]) else {
            throw .invalidHeader(path: path, field: "output type", value: "\(bytes[14])", rule: "must be 1...5")
        }
        let nameLength = Int(Self.readUInt32(bytes, at: 16)), metaLength = Int(Self.readUInt32(bytes, at: 20))
        let count = Self.readUInt64(bytes, at: 24)
        guard count == UInt64(1) << UInt64(wa + wb) else {
            throw .invalidHeader(path: path, field: "value count", value: "\(count)",
                                 rule: "a \(wa)x\(wb) table holds exactly \(1 << (wa + wb)) values")
        }
        let expected = TableFormat.headerSize + nameLength + metaLength + Int(count) * type.byteCount
        guard expected == bytes.count else {
            throw .invalidHeader(path: path, field: "section lengths", value: "\(expected) bytes",
                                 rule: "header, name, metadata and data must add up to the file size \(bytes.count)")
        }
        var o = TableFormat.headerSize
        guard let name = String(validating: bytes[o..<o + nameLength], as: UTF8.self),
              let meta = String(validating: bytes[o + nameLength..<o + nameLength + metaLength], as: UTF8.self) else {
            throw .invalidHeader(path: path, field: "name/metadata", value: "(bytes)", rule: "must be valid UTF-8")
        }
        o += nameLength + metaLength
        var metadata: [String: String] = [:]
        for line in meta.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else {
                throw .invalidHeader(path: path, field: "metadata", value: String(line), rule: "each line is key=value")
            }
            metadata[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        let values = Self.decodeValues(bytes, from: o, count: Int(count), type: type)
        try self.init(name: name, widthA: wa, widthB: wb, encoding: enc, rowOperand: row, outputType: type,
                      metadata: metadata, values: values)
        formatVersion = version
        if version >= 2 { try TableCost.validate(metadata, path: path) }
    }

    /// Reads and validates a table file.
    public init(contentsOf path: String) throws(TableFileError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .io(path: path, reason: "cannot read the table file: \(error.localizedDescription)")
        }
        try self.init(bytes: [UInt8](data), path: path)
    }

    /// Writes the file atomically (temporary file in the same directory, then rename).
    public func write(to path: String) throws(TableFileError) {
        try Self.writeAtomically(serialized(), to: path)
    }

    /// Writes `bytes` to a temporary sibling of `path` and renames it into place.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(TableFileError) {
        do {
            try OutputFile.write(bytes, to: path)
        } catch {
            throw .io(path: path, reason: error.reason)
        }
    }

    /// FNV-1a 64 over every byte except the checksum field (bytes 40..<48).
    static func checksum(of bytes: [UInt8]) -> UInt64 {
        var h = FNV1a64()
        h.update(bytes[0..<40])
        h.update(bytes[TableFormat.headerSize...])
        return h.value
    }

    /// Little-endian element bytes (values were range-checked at construction).
    private static func encodeValues(_ values: [Int64], type: OutputType) -> [UInt8] {
        let w = type.byteCount
        return [UInt8](unsafeUninitializedCapacity: values.count * w) { out, n in
            values.withUnsafeBufferPointer { v in
                for i in 0..<v.count {
                    var u = UInt64(bitPattern: v[i])
                    for k in 0..<w {
                        out[i * w + k] = UInt8(truncatingIfNeeded: u)
                        u >>= 8
                    }
                }
            }
            n = values.count * w
        }
    }

    private static func decodeValues(_ b: [UInt8], from o: Int, count: Int, type: OutputType) -> [Int64] {
        b.withUnsafeBytes { raw in
            let base = raw.baseAddress.map { UnsafeRawPointer($0 + o) }
            return [Int64](unsafeUninitializedCapacity: count) { out, n in
                guard let base else { n = 0; return }
                switch type {
                case .uint16: for i in 0..<count { out[i] = Int64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) }
                case .int16: for i in 0..<count { out[i] = Int64(Int16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self))) }
                case .uint32: for i in 0..<count { out[i] = Int64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
                case .int32: for i in 0..<count { out[i] = Int64(Int32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))) }
                case .int64: for i in 0..<count { out[i] = Int64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)) }
                }
                n = count
            }
        }
    }

    static func readUInt32(_ b: [UInt8], at o: Int) -> UInt32 {
        UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
    }

    private static func append(_ v: UInt64, bytes: Int, to out: inout [UInt8]) {
        for k in 0..<bytes { out.append(UInt8(truncatingIfNeeded: v >> UInt64(8 * k))) }
    }
}
