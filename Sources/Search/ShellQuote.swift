import Foundation

/// The one quoting of text written into the shell scripts AxMul generates (the Slurm batch scripts).
/// Every value that comes from a user or a file (the binary's path, a set folder, the sbatch
/// arguments shown in a comment) goes through `quote`, which refuses what no script line can carry.
public enum ShellQuote {
    /// The first control character of `text` (Unicode category Cc: C0, DEL, C1) and its position
    /// (in Unicode scalars, from 0), or nil. A newline in a value would end a script line.
    public static func controlCharacter(in text: String) -> (position: Int, scalar: Unicode.Scalar)? {
        for (i, s) in text.unicodeScalars.enumerated() where s.properties.generalCategory == .control { return (i, s) }
        return nil
    }

    /// `text` with control characters shown as `\n`, `\t`, `\r` or `\u{XX}`, for error messages.
    public static func visible(_ text: String) -> String {
        text.unicodeScalars.map { s -> String in
            guard s.properties.generalCategory == .control else { return String(s) }
            switch s {
            case "\n": return "\\n"
            case "\t": return "\\t"
            case "\r": return "\\r"
            default: return "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            }
        }.joined()
    }

    /// Refuses `text` when it holds a control character; `what` names its source (a flag, a path).
    public static func check(_ text: String, what: String) throws {
        guard let found = controlCharacter(in: text) else { return }
        throw SearchError(.invalidArgument,
                          "\(what) '\(visible(text))' contains the control character U+\(hex4(found.scalar.value)) at position \(found.position): "
                          + "no control character (newline, tab, …) may reach a batch script or a command line",
                          hint: "choose a value without control characters")
    }

    /// `text` as one bash word: single-quoted, each `'` written as `'\''`. Inside single quotes bash
    /// expands nothing (`$`, backquotes, `\`, `!`, `#`, spaces, globs are literal). Refuses control
    /// characters (`check`).
    public static func quote(_ text: String, what: String) throws -> String {
        try check(text, what: what)
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
