import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The temporary files of `OutputFile.write`, and their removal after a writer was killed.
///
/// A temporary is named `.<name>.tmp-<pid>@<host>-<n>`. A writer killed with SIGKILL leaves it behind;
/// `removeStaleTemporaries` deletes those whose writer is gone: on this host, when no process has the
/// pid; from another host (a shared file system, Slurm tasks on other nodes), only when it is older
/// than `foreignAge`, because a live writer there cannot be seen from here. Names without a host (the
/// form before hosts were recorded) count as this host's.
extension OutputFile {
    /// Temporaries from another host are removed once they are this old (seconds); no write takes that long.
    public static let foreignAge: TimeInterval = 3600

    /// This host's name as it appears in temporary names ('-' and '/' kept out, so the name parses).
    static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(cString: buffer).map { $0 == "-" || $0 == "/" || $0 == "@" ? "_" : $0 }
        return name.isEmpty ? "localhost" : String(name)
    }()

    /// A fresh temporary path next to `file`.
    static func temporaryPath(for file: String) -> String {
        let url = URL(fileURLWithPath: file)
        return url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).tmp-\(getpid())@\(hostName)-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Deletes the stale temporaries of `url` (`.<name>.tmp-…` next to it); returns how many were removed.
    @discardableResult
    public static func removeStaleTemporaries(for url: URL) -> Int {
        let folder = url.deletingLastPathComponent().path
        return removeStale(in: folder, depth: 0) { $0.hasPrefix(".\(url.lastPathComponent).tmp-") }
    }

    /// Deletes the stale temporaries of every file in `folder` and, down to `depth` levels, in its
    /// sub-folders (symbolic links are not followed); returns how many were removed. Every resume path
    /// (training, search, shard, sweep, experiment) calls this on its output folder.
    @discardableResult
    public static func removeStaleTemporaries(inFolder folder: URL, depth: Int = 0) -> Int {
        removeStale(in: folder.path, depth: depth) { _ in true }
    }

    private static func removeStale(in folder: String, depth: Int, _ accept: (String) -> Bool) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        var removed = 0
        for name in names {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if depth > 0 { removed += removeStale(in: path, depth: depth - 1, accept) }
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFREG, accept(name), isStale(name, modified: info.st_mtim.tv_sec) else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        return removed
    }

    /// True for `.<name>.tmp-<pid>[@<host>]-<n>` whose writer is gone (see the type's comment).
    static func isStale(_ name: String, modified: Int, now: Int = Int(Date().timeIntervalSince1970)) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return false }
        let tail = name[marker.upperBound...]
        guard let dash = tail.lastIndex(of: "-"), UInt32(tail[tail.index(after: dash)...]) != nil else { return false }
        let writer = tail[..<dash].split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let pid = Int32(writer[0]), pid > 0 else { return false }
        if writer.count == 2, writer[1] != hostName { return now - modified > Int(foreignAge) }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
