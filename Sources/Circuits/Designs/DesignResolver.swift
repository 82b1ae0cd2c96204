import Foundation
import TableFormat

/// Turns a design argument into a `Design`: a path to a design file, or a built-in name.
public enum DesignResolver {
    /// A path if the argument contains "/" or ends in ".axd"; otherwise a built-in name.
    public static func resolve(_ nameOrPath: String) throws(DesignError) -> Design {
        if isPath(nameOrPath) || isFile(nameOrPath) { return try load(path: nameOrPath, including: []) }
        return try BuiltinDesigns.design(named: nameOrPath)
    }

    /// True when the argument is spelled as a file path (a "/" or the design extension), so that a
    /// missing file is reported as one rather than as an unknown built-in name.
    public static func isPath(_ s: String) -> Bool {
        s.contains("/") || s.hasSuffix("." + DesignParser.fileExtension)
    }

    /// True when the argument names a file that exists (a file in the current folder needs no "./").
    public static func isFile(_ s: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: s, isDirectory: &isFolder) && !isFolder.boolValue
    }

    /// Reads and parses a design file; `compose` blocks given as paths are relative to its folder.
    public static func load(path: String) throws(DesignError) -> Design {
        try load(path: path, including: [])
    }

    private static func load(path: String, including stack: [String]) throws(DesignError) -> Design {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if stack.contains(url.path) {
            throw .invalidValue(what: "compose block", value: path,
                                rule: "a design cannot contain itself (\((stack + [url.path]).joined(separator: " -> ")))", location: nil)
        }
        let text: String
        do {
            text = try InputFile.text(url.path, limit: 64 << 20)
        } catch {
            if let line = error.line {
                throw .syntax(expected: "UTF-8 text", found: error.reason, location: SourceLocation(file: path, line: line, column: error.column ?? 1))
            }
            throw .io(path: path, reason: error.reason)
        }
        let folder = url.deletingLastPathComponent()
        return try DesignParser.parse(text, file: path) { (block: String) throws(DesignError) -> Design in
            guard isPath(block) else { return try BuiltinDesigns.design(named: block) }
            let blockPath = block.hasPrefix("/") ? block : folder.appendingPathComponent(block).path
            return try load(path: blockPath, including: stack + [url.path])
        }
    }
}
