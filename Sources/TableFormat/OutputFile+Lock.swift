import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension OutputFile {
    /// An exclusive lock on `<folder>/.<name>.lock` for one writer of `path`; `release()` removes it.
    public final class Lock {
        let lockPath: String
        private var fd: Int32

        /// Takes the lock without waiting; throws when another process holds it.
        public init(for path: String) throws(Failure) {
            let url = URL(fileURLWithPath: path)
            lockPath = url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).lock"
            while true {
                fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
                guard fd >= 0 else { throw Failure(.io, path: path, reason: "cannot create the lock file '\(lockPath)' (\(errnoText()))") }
                var held = stat()
                guard fstat(fd, &held) == 0, (held.st_mode & S_IFMT) == S_IFREG else {
                    close(fd)
                    throw Failure(.notRegular, path: path, reason: "the lock file '\(lockPath)' is not a regular file; remove it")
                }
                guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                    close(fd)
                    throw Failure(.locked, path: path, reason: "another process is writing this file (lock '\(lockPath)' is held); wait for it to finish")
                }
                // The holder before us may have removed the file between our open and flock: retry on the new one.
                var current = stat()
                if stat(lockPath, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
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
}
