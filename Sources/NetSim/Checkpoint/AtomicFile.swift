import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Crash-safe file output. `write` replaces a file atomically: readers see the old file or the
/// new one, never a mix. `append(line:to:)` adds one JSONL record; a crash can leave at most a
/// partial last line, which the next append cuts off and `completeLines` ignores.
public enum AtomicFile {
    /// Writes `data` to a temporary file in the same folder, fsyncs it, renames it over `url`,
    /// then fsyncs the folder so the rename itself survives a power cut.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ioError(url, "cannot create a temporary file in \(folder.path)") }
        do {
            try writeAll(fd, data, url: url)
            guard fsync(fd) == 0 else { throw ioError(url, "fsync failed") }
            close(fd)
        } catch {
            close(fd)
            unlink(temp.path)
            throw error
        }
        guard rename(temp.path, url.path) == 0 else {
            let failure = ioError(url, "cannot rename the temporary file into place")
            unlink(temp.path)
            throw failure
        }
        syncFolder(folder)
    }

    /// Appends `line` plus a newline as one record. A partial last line left by an earlier crash
    /// is removed first, so the file always consists of whole lines after this returns.
    public static func append(line: String, to url: URL) throws {
        guard !line.contains("\n") else {
            throw DataError(.invalidArgument, file: url.path, "a JSONL record must not contain a newline.")
        }
        let created = access(url.path, F_OK) != 0
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ioError(url, "cannot open the file for appending") }
        defer { close(fd) }
        try dropPartialLastLine(fd, url: url)
        guard lseek(fd, 0, SEEK_END) >= 0 else { throw ioError(url, "cannot seek to the end") }
        try writeAll(fd, Data((line + "\n").utf8), url: url)
        guard fsync(fd) == 0 else { throw ioError(url, "fsync failed") }
        if created { syncFolder(url.deletingLastPathComponent()) }  // the new directory entry must survive too
    }

    /// Deletes temporary files that `write` left next to `url` when its process was killed mid-write
    /// (`.<name>.tmp-<pid>-<n>` whose process no longer exists); returns how many were removed.
    @discardableResult
    public static func removeStaleTemporaries(for url: URL) -> Int {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).split(separator: "-").first ?? ""),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            if unlink(folder.appendingPathComponent(name).path) == 0 { removed += 1 }
        }
        return removed
    }

    /// The complete (newline-terminated) lines of a JSONL file; a partial last line is skipped.
    public static func completeLines(at url: URL) throws -> [String] {
        let data = try Gzip.readFile(url)
        guard let end = data.lastIndex(of: 0x0A) else { return [] }
        return String(decoding: data[data.startIndex..<end], as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Truncates the file after its last newline if it does not end with one.
    private static func dropPartialLastLine(_ fd: Int32, url: URL) throws {
        var size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return }
        var byte: UInt8 = 0
        guard pread(fd, &byte, 1, size - 1) == 1 else { throw ioError(url, "cannot read the file") }
        guard byte != 0x0A else { return }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while size > 0 {
            let start = max(0, size - off_t(chunk.count))
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, Int(size - start), start) }
            guard n == Int(size - start) else { throw ioError(url, "cannot read the file") }
            if let last = chunk[0..<n].lastIndex(of: 0x0A) {
                size = start + off_t(last) + 1
                break
            }
            size = start
        }
        guard ftruncate(fd, size) == 0 else { throw ioError(url, "cannot cut off a partial last line") }
    }

    private static func writeAll(_ fd: Int32, _ data: Data, url: URL) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw ioError(url, "writing failed") }
                done += n
            }
        }
    }

    private static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)  // best effort: some file systems refuse fsync on folders
        close(fd)
    }

    private static func ioError(_ url: URL, _ what: String) -> DataError {
        let reason = String(cString: strerror(errno))
        return DataError(.io, file: url.path, "\(what) (\(reason)).", hint: "check that the folder exists, is writable and has free space")
    }
}
