import Circuits
import Foundation
import TableFormat

/// What a multiplier argument names. A file that exists is classified by its content, whatever its name:
/// the `.axlut` magic, the `.npy` magic, a TFApprox table's size (131,072 bytes of binary). Content that is
/// none of these is read as its extension says (so a broken `x.axlut` gets the table reader's error), and
/// as design text otherwise. An argument that names no file is classified by its spelling: a table
/// extension or a path (a "/" or `.axd`) is a file that is missing, anything else a built-in name.
public enum MultiplierArgument: Equatable, Sendable {
    case builtin(String)
    case designFile(String)
    case compiledTable(String)
    case npyTable(String)
    case tfapproxTable(String)

    /// The bytes of a TFApprox table: 256 × 256 little-endian uint16 products.
    static let tfapproxSize = 131_072

    public static func classify(_ spec: String) -> MultiplierArgument {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: spec, isDirectory: &isFolder), !isFolder.boolValue {
            return byContent(spec)
        }
        return byExtension(spec) ?? (DesignResolver.isPath(spec) ? .designFile(spec) : .builtin(spec))
    }

    /// The table kind a file's extension names, if any.
    static func byExtension(_ path: String) -> MultiplierArgument? {
        switch (path as NSString).pathExtension.lowercased() {
        case "axlut": .compiledTable(path)
        case "npy": .npyTable(path)
        case "bin": .tfapproxTable(path)
        default: nil
        }
    }

    /// An existing file by its first bytes and size, else by its extension; a file it cannot open goes to
    /// the reader its name suggests, which reports why.
    static func byContent(_ path: String) -> MultiplierArgument {
        guard let handle = FileHandle(forReadingAtPath: path) else { return byExtension(path) ?? .designFile(path) }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        if head.starts(with: TableFormat.magic) { return .compiledTable(path) }
        if head.starts(with: [0x93] + Array("NUMPY".utf8)) { return .npyTable(path) }
        let size = (try? handle.seekToEnd()).map(Int.init) ?? -1
        // Design text never holds a NUL byte; a TFApprox table starts with 512 zero bytes (0 × b).
        if size == tfapproxSize, head.contains(0) { return .tfapproxTable(path) }
        return byExtension(path) ?? .designFile(path)
    }

    /// The path or name as given.
    public var spec: String {
        switch self {
        case .builtin(let s), .designFile(let s), .compiledTable(let s), .npyTable(let s), .tfapproxTable(let s): s
        }
    }
}
