import Foundation

extension VerilogExport {
    /// Writes every file into `directory` (created if needed), each atomically: a temporary file in
    /// the same directory, then a rename.
    public func write(to directory: String) throws(VerilogError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, reason: "cannot create the output directory \(directory): \(error.localizedDescription)")
        }
        for file in files {
            try Self.writeAtomically(file.contents, to: "\(directory)/\(file.name)")
        }
    }

    /// Writes `text` to `path` through a temporary file in the same directory and a rename.
    public static func writeAtomically(_ text: String, to path: String) throws(VerilogError) {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temp)
            guard rename(temp.path, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw .io(path: path, reason: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
