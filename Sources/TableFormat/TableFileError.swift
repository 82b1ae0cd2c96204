/// Why a `.axlut` file could not be read or written. Each case names the file and the broken rule.
public enum TableFileError: Error, Equatable, CustomStringConvertible {
    case io(path: String, reason: String)
    case notATableFile(path: String)
    case unsupportedVersion(path: String, found: Int)
    case truncated(path: String, expectedBytes: Int, foundBytes: Int)
    case trailingBytes(path: String, expectedBytes: Int, foundBytes: Int)
    case checksumMismatch(path: String, stored: UInt64, computed: UInt64)
    case invalidHeader(path: String, field: String, value: String, rule: String)
    case valueOutOfRange(index: Int, value: Int64, type: String)
    case mismatch(path: String, what: String, expected: String, found: String)

    /// The file the error refers to, if any.
    public var path: String? {
        switch self {
        case .io(let p, _), .notATableFile(let p), .unsupportedVersion(let p, _), .truncated(let p, _, _),
             .trailingBytes(let p, _, _), .checksumMismatch(let p, _, _), .invalidHeader(let p, _, _, _),
             .mismatch(let p, _, _, _):
            return p
        case .valueOutOfRange:
            return nil
        }
    }

    /// One sentence stating the rule and echoing the bad value.
    public var message: String {
        switch self {
        case .io(_, let reason):
            return reason
        case .notATableFile:
            return "not an .axlut table file: the first 8 bytes are not the magic \"AXLUT\\r\\n\\u{1A}\"; create one with `axmul compile`"
        case .unsupportedVersion(_, let v):
            return "table file version \(v) is not supported: this build reads versions \(TableFormat.readableVersions.lowerBound)...\(TableFormat.readableVersions.upperBound)"
        case .truncated(_, let e, let f):
            return "table file is truncated: its header announces \(e) bytes but the file has \(f); re-create it with `axmul compile`"
        case .trailingBytes(_, let e, let f):
            return "table file has \(f - e) unexpected bytes after the data (\(f) bytes, expected \(e)); the file is damaged"
        case .checksumMismatch(_, let s, let c):
            return "table file is corrupted: stored checksum \(hex(s)) but the contents hash to \(hex(c)); re-create it with `axmul compile`"
        case .invalidHeader(_, let field, let value, let rule):
            return "invalid table header field \(field) = \(value): \(rule)"
        case .valueOutOfRange(let i, let v, let t):
            return "table value \(v) at index \(i) does not fit the output type \(t); choose a wider output type"
        case .mismatch(_, let what, let e, let f):
            return "table \(what) is \(f), but \(e) is required here"
        }
    }

    public var description: String {
        (path.map { "\($0): " } ?? "") + message
    }

    private func hex(_ v: UInt64) -> String { FNV1a64.hex(v) }
}
