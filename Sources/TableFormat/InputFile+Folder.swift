import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files named relative to a folder (ONNX external data next to its model, PNG files in class folders):
/// the one place that decides whether such a name may be read.
///
/// The name is joined to the folder and every symbolic link in the result is resolved (`realpath`);
/// the resolved path must lie inside the folder (itself resolved), and must be a regular file. So a
/// link, a chain of links or a `..` that leads out of the folder is refused, and a FIFO or device is
/// refused before it is opened (it would block or never end). The file is then opened without
/// following links and without blocking, and checked again on the open descriptor, so swapping in a
/// FIFO after the check cannot block the reader either.
extension InputFile {
    /// The resolved path of `relative` inside `folder`, or a failure naming the name and the rule.
    public static func resolve(_ relative: String, inside folder: String) throws(Failure) -> String {
        guard !relative.isEmpty, !relative.contains("\0") else {
            throw Failure(path: folder, reason: "the file name '\(relative)' is empty or holds a NUL byte; give a file inside the folder")
        }
        guard !relative.hasPrefix("/") else {
            throw Failure(path: relative, reason: "is an absolute path; it must be a path relative to the folder '\(folder)'")
        }
        guard let base = realPath(folder) else {
            throw Failure(path: folder, reason: "cannot open the folder (\(String(cString: strerror(errno))))")
        }
        let joined = (folder.hasSuffix("/") ? folder : folder + "/") + relative
        guard let resolved = realPath(joined) else {
            throw Failure(path: joined, reason: "cannot open the file (\(String(cString: strerror(errno)))); check the name '\(relative)'")
        }
        guard isInside(resolved, base) else {
            throw Failure(path: joined, reason: "resolves to '\(resolved)', outside the folder '\(base)'; a file named here must stay inside its folder")
        }
        var info = stat()
        guard stat(resolved, &info) == 0 else { throw Failure(path: joined, reason: "cannot examine the file (\(String(cString: strerror(errno))))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(path: joined, reason: "is \(OutputFile.kindName(info.st_mode & S_IFMT)), not a regular file; only regular files are read")
        }
        return resolved
    }

    /// Bytes `offset ..< offset + length` (to the end when `length` is nil) of `relative` inside
    /// `folder`, after `resolve`. A range beyond the end of the file is a failure naming both sizes.
    public static func bytes(_ relative: String, inside folder: String, offset: Int = 0, length: Int? = nil,
                             limit: Int = defaultLimit) throws(Failure) -> [UInt8] {
        let path = try resolve(relative, inside: folder)
        guard offset >= 0, (length ?? 0) >= 0 else {
            throw Failure(path: path, reason: "the offset \(offset) and length \(length.map(String.init) ?? "none") must not be negative")
        }
        return try read(path, offset: offset, length: length, limit: limit, followLinks: false)
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// True if `path` is `base` or below it (both resolved).
    static func isInside(_ path: String, _ base: String) -> Bool {
        base == "/" || path == base || path.hasPrefix(base + "/")
    }
}
