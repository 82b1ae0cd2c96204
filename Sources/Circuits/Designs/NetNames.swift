/// Spelling rules for net and port names in design files, shared by the parser and the writer.
enum NetNames {
    /// A letter or `_`, then letters, digits, `_`, `$` or `.`.
    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_$.".contains($0)) }
    }

    /// Rewrites a bit reference `x[3]` to its canonical spelling `x3`; other names are unchanged.
    static func canonical(_ s: String) -> String {
        guard s.hasSuffix("]"), let open = s.firstIndex(of: "[") else { return s }
        let digits = s[s.index(after: open)..<s.index(before: s.endIndex)]
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return s }
        return String(s[..<open]) + digits
    }

    /// The constant a name denotes (`0`/`const0`, `1`/`const1`), if any.
    static func constant(_ s: String) -> NetID? {
        switch s {
        case "0", "const0": NetID.const0
        case "1", "const1": NetID.const1
        default: nil
        }
    }
}
