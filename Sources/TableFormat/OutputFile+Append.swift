import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// JSONL records through the one writer: `append(line:to:)` adds one record under the same target
/// rules as `write` (a regular file or nothing; read-only only with `--force`). A crash can leave at
/// most a partial last line, which the next append cuts off and readers ignore.
extension OutputFile {
    /// Appends `line` plus a newline as one record. A partial last line left by an earlier crash
    /// is removed first, so the file always consists of whole lines after this returns.
    public static func append(line: String, to path: String) throws(Failure) {
        guard !line.contains("\n") else {
            throw Failure(.invalidArgument, path: path, reason: "a JSONL record must not contain a newline")
        }
        let target = try checkTarget(path)
        // O_NONBLOCK: a FIFO swapped in after the check never blocks the open; fstat then refuses it.
        let fd = open(target.file, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o666)
        guard fd >= 0 else { throw ioFailure(path, "cannot open the file for appending") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(.notRegular, path: path, reason: "the output stopped being a regular file; nothing was appended")
        }
        try dropPartialLastLine(fd, path: path)
        guard lseek(fd, 0, SEEK_END) >= 0 else { throw ioFailure(path, "cannot seek to the end") }
        let bytes = Array((line + "\n").utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in Glibc.write(fd, buffer.baseAddress.map { $0 + done }, bytes.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw ioFailure(path, "writing failed") }
            done += n
        }
        guard fsync(fd) == 0 else { throw ioFailure(path, "fsync failed") }
        if target.mode == nil { syncFolder(target.folder) }  // the new directory entry must survive too
    }

    /// `append(line:to: url.path)`.
    public static func append(line: String, to url: URL) throws(Failure) {
        try append(line: line, to: url.path)
    }

    /// Truncates the file after its last newline if it does not end with one.
    private static func dropPartialLastLine(_ fd: Int32, path: String) throws(Failure) {
        var size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return }
        var byte: UInt8 = 0
        guard pread(fd, &byte, 1, size - 1) == 1 else { throw ioFailure(path, "cannot read the file") }
        guard byte != 0x0A else { return }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while size > 0 {
            let start = max(0, size - off_t(chunk.count))
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, Int(size - start), start) }
            guard n == Int(size - start) else { throw ioFailure(path, "cannot read the file") }
            if let last = chunk[0..<n].lastIndex(of: 0x0A) {
                size = start + off_t(last) + 1
                break
            }
            size = start
        }
        guard ftruncate(fd, size) == 0 else { throw ioFailure(path, "cannot cut off a partial last line") }
    }

    static func ioFailure(_ path: String, _ what: String) -> Failure {
        Failure(.io, path: path, reason: "\(what) (\(errnoText()))", hint: "check that the folder exists, is writable and has free space")
    }
}
