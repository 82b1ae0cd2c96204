/// One whitespace-separated word of a design file, with where it starts (1-based line and column).
struct DesignToken: Sendable, Hashable {
    var text: String
    var line: Int
    var column: Int

    func location(_ file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// Splits `KEY=VALUE` into its two parts, the value keeping its own column; nil without `=`.
    func keyValue() -> (key: DesignToken, value: DesignToken)? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        let key = String(text[..<eq]), value = String(text[text.index(after: eq)...])
        return (DesignToken(text: key, line: line, column: column),
                DesignToken(text: value, line: line, column: column + key.count + 1))
    }

    /// Splits a comma-separated list (`n1,n2,-`), each element keeping its own column.
    func commaList() -> [DesignToken] {
        var result: [DesignToken] = []
        var col = column
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            result.append(DesignToken(text: String(part), line: line, column: col))
            col += part.count + 1
        }
        return result
    }
}

/// A non-empty source line split into tokens; comments (`#` to end of line) removed.
struct DesignLine: Sendable {
    var number: Int
    var tokens: [DesignToken]
    /// The text of a double-quoted string on this line, if any (used by `summary`).
    var quoted: String?
    var keyword: DesignToken { tokens[0] }
}

/// Splits a design file into lines of tokens. Quoted strings (`"..."`) may contain spaces and `#`.
enum DesignLexer {
    static func lines(_ text: String, file: String) throws(DesignError) -> [DesignLine] {
        var result: [DesignLine] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = index + 1
            var tokens: [DesignToken] = []
            var quoted: String?
            var current = "", start = 0, column = 0
            var inQuote = false, quoteStart = 0
            func flush() {
                if !current.isEmpty { tokens.append(DesignToken(text: current, line: number, column: start)) }
                current = ""
            }
            for ch in raw where ch != "\r" {
                column += 1
                if inQuote {
                    if ch == "\"" { inQuote = false; quoted = current; current = "" } else { current.append(ch) }
                    continue
                }
                if ch == "#" { break }
                if ch == "\"" {
                    flush()
                    inQuote = true
                    quoteStart = column
                    tokens.append(DesignToken(text: "\"", line: number, column: column))
                } else if ch == " " || ch == "\t" {
                    flush()
                } else {
                    if current.isEmpty { start = column }
                    current.append(ch)
                }
            }
            if inQuote {
                throw .syntax(expected: "a closing '\"' for the string opened here", found: "end of line",
                              location: SourceLocation(file: file, line: number, column: quoteStart))
            }
            flush()
            if !tokens.isEmpty { result.append(DesignLine(number: number, tokens: tokens, quoted: quoted)) }
        }
        return result
    }
}
