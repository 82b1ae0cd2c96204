import Foundation
import TableFormat

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
        do {
            try OutputFile.write(Array(text.utf8), to: path)
        } catch {
            throw .io(path: path, reason: error.reason)
        }
    }
}
