import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way commands write an output file: the target is checked first (not a folder, its folder
/// exists), the bytes go to a temporary file in the same folder (so the rename is atomic), and the
/// temporary file is removed on every failure path, a full disk included. `Lock` keeps two processes
/// from writing the same output at once.
public enum OutputFile {
    /// Why an output could not be written: the path and one sentence with the cause.
    public struct Failure: Error, CustomStringConvertible, Equatable, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Refuses a target that is a folder, or whose folder does not exist or is not writable.
    public static func checkTarget(_ path: String) throws(Failure) {
        guard !path.isEmpty else { throw Failure(path: path, reason: "the output path is empty") }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw Failure(path: path, reason: "the output is a folder; give a file name inside it")
        }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw Failure(path: path, reason: "the folder '\(folder)' does not exist")
        }
        guard access(folder, W_OK) == 0 else { throw Failure(path: path, reason: "the folder '\(folder)' is not writable") }
    }

    /// Writes `bytes` to `path` atomically; on any failure nothing new is left in the folder.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(Failure) {
        try checkTarget(path)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temp = folder + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, reason: "cannot create a temporary file in '\(folder)' (\(errnoText()))") }
        let data = ContiguousArray(bytes)
        var failure: String?
        data.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { failure = "writing failed (\(errnoText()))"; return }
                done += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = "fsync failed (\(errnoText()))" }
        if close(fd) != 0, failure == nil { failure = "closing failed (\(errnoText()))" }
        if failure == nil, rename(temp, path) != 0 { failure = "cannot move the new file into place (\(errnoText()))" }
        if let failure {
            unlink(temp)
            throw Failure(path: path, reason: failure)
        }
    }

    /// An exclusive lock on `<folder>/.<name>.lock` for one writer of `path`; `release()` removes it.
    public final class Lock {
        let lockPath: String
        private var fd: Int32

        /// Takes the lock without waiting; throws when another process holds it.
        public init(for path: String) throws(Failure) {
            let url = URL(fileURLWithPath: path)
            lockPath = url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).lock"
            while true {
                fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw Failure(path: path, reason: "cannot create the lock file '\(lockPath)' (\(errnoText()))") }
                guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                    close(fd)
                    throw Failure(path: path, reason: "another process is writing this file (lock '\(lockPath)' is held); wait for it to finish")
                }
                // The holder before us may have removed the file between our open and flock: retry on the new one.
                var held = stat(), current = stat()
                if fstat(fd, &held) == 0, stat(lockPath, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                    return
                }
                close(fd)
            }
        }

        /// Removes the lock file and releases the lock (idempotent).
        public func release() {
            guard fd >= 0 else { return }
            unlink(lockPath)
            close(fd)
            fd = -1
        }

        deinit { release() }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
