import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way AxMul writes a file. Every writer in the code (tables, designs, Verilog, checkpoints,
/// logs, error models, reports, ONNX, search and experiment results) goes through it:
///
/// - the target is checked first (`checkTarget`): only a regular file or nothing may be replaced;
///   a device node, FIFO, socket or folder, or a symbolic link to one, is refused, so `-o /dev/null`
///   never replaces `/dev/null`; a symbolic link to a regular file is written through (the link stays);
/// - a file the user cannot write, or one with no write permission bit, is refused unless the command
///   says `--force` (`OutputFile.force`);
/// - the bytes go to a temporary file `.<name>.tmp-<pid>@<host>-<n>` in the target's folder, which is
///   given the mode (and, for root, the owner) of the file it replaces, fsynced and renamed over the
///   target; then the folder is fsynced. On every failure path the temporary file is removed;
/// - temporaries of killed writers are removed by `removeStaleTemporaries` on every resume path.
///
/// `append(line:to:)` adds one JSONL record under the same target rules; `Lock` keeps two processes
/// from writing the same output at once.
public enum OutputFile {
    /// Why an output could not be written: the path, the kind of failure and one sentence with the cause.
    public struct Failure: Error, CustomStringConvertible, Equatable, Sendable {
        public enum Kind: String, Sendable, Equatable {
            /// The target exists and is not a regular file (device, FIFO, socket, folder, or a link to one).
            case notRegular
            /// The target is read-only and `--force` was not given.
            case readOnly
            /// The target's folder is missing or not writable.
            case folder
            /// Another process holds the output's lock.
            case locked
            /// The caller passed something that cannot be written (an empty path, a record with a newline).
            case invalidArgument
            /// The operating system refused a step (create, write, fsync, rename).
            case io
        }
        public var kind: Kind
        public var path: String
        public var reason: String
        public var hint: String?
        public init(_ kind: Kind, path: String, reason: String, hint: String? = nil) {
            (self.kind, self.path, self.reason, self.hint) = (kind, path, reason, hint)
        }
        public var description: String { "\(path): \(reason)" }
    }

    /// Whether a read-only output may be replaced (its mode is kept). The CLI sets it for the run of a
    /// command given `--force`; nothing else sets it.
    @TaskLocal public static var force = false

    /// What a checked target resolves to.
    public struct Target: Sendable, Equatable {
        /// The file actually written: the path, or the regular file a symbolic link at the path points to.
        public var file: String
        /// The folder that holds `file` (where the temporary file goes).
        public var folder: String
        /// The permission bits, owner and group of the file being replaced; nil when it does not exist yet.
        public var mode: mode_t?
        /// The owner and group of the file being replaced (kept when root writes it).
        public var uid: uid_t?, gid: gid_t?
    }

    /// Refuses a target that is not a regular file or absent, a read-only file (unless `force`), and a
    /// target whose folder does not exist or is not writable. Returns where the bytes will go.
    @discardableResult
    public static func checkTarget(_ path: String, force: Bool = OutputFile.force) throws(Failure) -> Target {
        guard !path.isEmpty else { throw Failure(.invalidArgument, path: path, reason: "the output path is empty") }
        var info = stat()
        var file = path
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw Failure(.io, path: path, reason: "cannot examine the output (\(errnoText()))") }
            return try target(file, path: path, existing: nil)
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw Failure(.notRegular, path: path, reason: "the output is a symbolic link to a missing file; remove the link or give another path")
            }
            file = String(cString: resolved)
            free(resolved)
            guard stat(file, &info) == 0 else { throw Failure(.io, path: path, reason: "cannot examine '\(file)' (\(errnoText()))") }
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let via = file == path ? "" : " (through the symbolic link to '\(file)')"
            if kind == S_IFDIR { throw Failure(.notRegular, path: path, reason: "the output is a folder\(via); give a file name inside it") }
            throw Failure(.notRegular, path: path, reason: "the output is \(kindName(kind))\(via); AxMul replaces only regular files, give a file path")
        }
        if (access(file, W_OK) != 0 || info.st_mode & 0o222 == 0) && !force {
            throw Failure(.readOnly, path: path, reason: "the file is read-only (mode \(String(info.st_mode & 0o7777, radix: 8))); give --force to replace it (its mode is kept) or write to another file")
        }
        return try target(file, path: path, existing: info)
    }

    private static func target(_ file: String, path: String, existing: stat?) throws(Failure) -> Target {
        let parent = (file as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw Failure(.folder, path: path, reason: "the folder '\(folder)' does not exist")
        }
        guard access(folder, W_OK) == 0 else { throw Failure(.folder, path: path, reason: "the folder '\(folder)' is not writable") }
        return Target(file: file, folder: folder, mode: existing.map { $0.st_mode & 0o7777 },
                      uid: existing.map(\.st_uid), gid: existing.map(\.st_gid))
    }

    /// Writes `bytes` to `path` atomically; on any failure nothing new is left in the folder.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(Failure) {
        let target = try checkTarget(path)
        let temp = temporaryPath(for: target.file)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard fd >= 0 else {
            throw Failure(.io, path: path, reason: "cannot create a temporary file in '\(target.folder)' (\(errnoText()))",
                          hint: "check that the folder is writable and has free space")
        }
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
        if failure == nil, let mode = target.mode, fchmod(fd, mode) != 0 { failure = "cannot keep the file's mode (\(errnoText()))" }
        if failure == nil, let uid = target.uid, let gid = target.gid, geteuid() == 0 { _ = fchown(fd, uid, gid) }
        if failure == nil, fsync(fd) != 0 { failure = "fsync failed (\(errnoText()))" }
        if close(fd) != 0, failure == nil { failure = "closing failed (\(errnoText()))" }
        if failure == nil, !stillReplaceable(target.file) { failure = "the output stopped being a regular file while it was written; nothing was replaced" }
        if failure == nil, rename(temp, target.file) != 0 { failure = "cannot move the new file into place (\(errnoText()))" }
        if let failure {
            unlink(temp)
            throw Failure(.io, path: path, reason: failure, hint: "check that the folder is writable and has free space")
        }
        syncFolder(target.folder)
    }

    /// `write(bytes, to: url.path)` for `Data` and file URLs.
    public static func write(_ data: Data, to url: URL) throws(Failure) {
        try write(data, to: url.path)
    }

    /// True if `file` is absent or still a regular file (checked again just before the rename).
    static func stillReplaceable(_ file: String) -> Bool {
        var info = stat()
        return lstat(file, &info) != 0 ? errno == ENOENT : (info.st_mode & S_IFMT) == S_IFREG
    }

    static func kindName(_ kind: mode_t) -> String {
        kind == S_IFDIR ? "a folder" : kind == S_IFCHR ? "a character device" : kind == S_IFBLK ? "a block device"
            : kind == S_IFIFO ? "a FIFO (named pipe)" : kind == S_IFSOCK ? "a socket" : "not a regular file"
    }

    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)  // best effort: some file systems refuse fsync on folders
        close(fd)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
