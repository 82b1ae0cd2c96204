import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way commands read an input file: it must be a regular file (not a folder or a device such
/// as `/dev/zero`) no larger than a limit, and text must be valid UTF-8. Failures name the file, and
/// for a bad byte its line, column and value. Line endings LF, CRLF and CR are all accepted.
public enum InputFile {
    /// Why an input could not be read: the file, the line (nil for the whole file) and the cause.
    public struct Failure: Error, CustomStringConvertible, Equatable, Sendable {
        public var path: String
        public var line: Int?
        public var column: Int?
        public var reason: String
        public init(path: String, line: Int? = nil, column: Int? = nil, reason: String) {
            (self.path, self.line, self.column, self.reason) = (path, line, column, reason)
        }
        public var description: String { path + (line.map { ":\($0)" } ?? "") + (column.map { ":\($0)" } ?? "") + ": " + reason }
    }

    /// Largest input read by default (1 GiB).
    public static let defaultLimit = 1 << 30

    /// Refuses a path that does not exist, is not a regular file, or is larger than `limit`.
    public static func checkReadable(_ path: String, limit: Int = defaultLimit) throws(Failure) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Failure(path: path, reason: "cannot open the file (\(String(cString: strerror(errno)))); check the path")
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what = kind == S_IFDIR ? "a folder" : kind == S_IFCHR ? "a character device" : kind == S_IFBLK ? "a block device"
                : kind == S_IFIFO ? "a pipe" : kind == S_IFSOCK ? "a socket" : "not a regular file"
            throw Failure(path: path, reason: "the input is \(what), not a regular file")
        }
        guard Int(info.st_size) <= limit else {
            throw Failure(path: path, reason: "the file has \(info.st_size) bytes, more than the \(limit) this input may have")
        }
        guard access(path, R_OK) == 0 else { throw Failure(path: path, reason: "the file is not readable (permission denied)") }
    }

    /// The file's bytes, after `checkReadable`.
    public static func bytes(_ path: String, limit: Int = defaultLimit) throws(Failure) -> [UInt8] {
        try checkReadable(path, limit: limit)
        return try read(path, offset: 0, length: nil, limit: limit, followLinks: true)
    }

    /// `length` bytes (or the rest) at `offset` of the regular file at `path`. It is opened without blocking
    /// (a FIFO never blocks the reader) and checked again once open, then read with pread: no Foundation
    /// reader, whose text and whose buffers (an empty file leaked one) never reach the caller.
    static func read(_ path: String, offset: Int, length: Int?, limit: Int, followLinks: Bool) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { throw Failure(path: path, reason: "cannot open the file (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(path: path, reason: "stopped being a regular file while it was opened; only regular files are read")
        }
        let size = Int(info.st_size)
        let count = length ?? max(0, size - offset)
        guard offset <= size, count <= size - offset else {
            throw Failure(path: path, reason: "the file has \(size) bytes; offset \(offset) + length \(count) runs past its end")
        }
        guard count <= limit else { throw Failure(path: path, reason: "\(count) bytes requested, more than the \(limit) this input may have") }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { buffer in pread(fd, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Failure(path: path, reason: "reading failed (\(n < 0 ? String(cString: strerror(errno)) : "the file ended early"))") }
            done += n
        }
        return out
    }

    /// The file as UTF-8 text; the first byte that is not UTF-8 is reported with its line and column.
    public static func text(_ path: String, limit: Int = defaultLimit) throws(Failure) -> String {
        try decodeUTF8(bytes(path, limit: limit), path: path)
    }

    /// `bytes` as a String, or a failure naming the line, column and value of the first invalid byte.
    public static func decodeUTF8(_ bytes: [UInt8], path: String) throws(Failure) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == 0x0A { line += 1; lineStart = offset + 1 }
                offset += scalar.count
            case .error(let length):
                throw Failure(path: path, line: line, column: offset - lineStart + 1,
                              reason: "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)), not valid UTF-8 (a \(length)-byte invalid sequence); save the file as UTF-8")
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }
}
