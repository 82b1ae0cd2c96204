/// One token of gate-level Verilog, with its line for error messages.
struct VerilogToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        /// A sized constant such as `1'b0` or `4'hF`: its bits, least significant first.
        case constant([Bool])
        /// An unsized decimal number (ranges and indices).
        case number(Int)
        /// Punctuation or an operator: ( ) [ ] { } , ; : . = & | ^ ~ # ? and the two-character `~^` `^~` `~&` `~|`.
        case symbol(String)
        case end
    }
    var kind: Kind
    var line: Int
    var column: Int

    /// How the token reads in an error message.
    var text: String {
        switch kind {
        case .identifier(let s): "'\(s)'"
        case .constant(let bits): "constant of \(bits.count) bits"
        case .number(let n): "'\(n)'"
        case .symbol(let s): "'\(s)'"
        case .end: "end of file"
        }
    }
}

/// Splits Verilog text into tokens, dropping whitespace and comments; never traps on bad input.
struct VerilogLexer {
    let file: String
    private let chars: [Unicode.Scalar]
    private var pos = 0
    private var line = 1
    private var lineStart = 0

    init(text: String, file: String) {
        self.file = file
        chars = Array(text.unicodeScalars)
    }

    private func location() -> SourceLocation { SourceLocation(file: file, line: line, column: pos - lineStart + 1) }

    /// All tokens, ending with `.end`.
    mutating func tokens() throws(VerilogError) -> [VerilogToken] {
        var result: [VerilogToken] = []
        while true {
            try skipTrivia()
            let column = pos - lineStart + 1
            guard pos < chars.count else {
                result.append(VerilogToken(kind: .end, line: line, column: column))
                return result
            }
            let kind = try next()
            result.append(VerilogToken(kind: kind, line: line, column: column))
        }
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? { pos + offset < chars.count ? chars[pos + offset] : nil }

    private mutating func advance() {
        if chars[pos] == "\n" {
            line += 1
            lineStart = pos + 1
        }
        pos += 1
    }

    private mutating func skipTrivia() throws(VerilogError) {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\r" || c == "\n" {
                advance()
            } else if c == "/" && peek(1) == "/" {
                while let d = peek(), d != "\n" { advance() }
            } else if c == "/" && peek(1) == "*" {
                let start = location()
                advance(); advance()
                while pos < chars.count && !(peek() == "*" && peek(1) == "/") { advance() }
                guard pos < chars.count else { throw .syntax(expected: "'*/' closing the comment", found: "end of file", location: start) }
                advance(); advance()
            } else if c == "(" && peek(1) == "*" && peek(2) != ")" {
                throw .unsupportedConstruct(construct: "(* attribute *)", location: location())
            } else if c == "`" {
                throw .unsupportedConstruct(construct: "compiler directive `" + word(from: pos + 1), location: location())
            } else {
                return
            }
        }
    }

    private func word(from start: Int) -> String {
        var s = "", k = start
        while k < chars.count, VerilogIdentifiers.isWordChar(chars[k]) { s.unicodeScalars.append(chars[k]); k += 1 }
        return s
    }

    private mutating func next() throws(VerilogError) -> VerilogToken.Kind {
        let c = chars[pos]
        if VerilogIdentifiers.isWordChar(c) && !("0"..."9").contains(c) || c == "$" {
            let start = pos
            advance()
            while let d = peek(), VerilogIdentifiers.isWordChar(d) || d == "$" { advance() }
            return .identifier(String(String.UnicodeScalarView(chars[start..<pos])))
        }
        if c == "\\" {
            throw .unsupportedConstruct(construct: "escaped identifier", location: location())
        }
        if ("0"..."9").contains(c) || c == "'" { return try number() }
        let two = peek(1).map { String(c) + String($0) } ?? ""
        if ["~^", "^~", "~&", "~|", "==", "!=", "&&", "||", "<<", ">>"].contains(two) {
            advance(); advance()
            return .symbol(two)
        }
        if "()[]{},;:.=&|^~#?!+-*/<>@\"".unicodeScalars.contains(c) {
            advance()
            return .symbol(String(c))
        }
        throw .syntax(expected: "a Verilog token", found: "character '\(c.escaped(asASCII: true))'", location: location())
    }

    /// A decimal number, or a sized/unsized based constant (`1'b0`, `4'hA`, `'b1`).
    private mutating func number() throws(VerilogError) -> VerilogToken.Kind {
        let start = location()
        var digits = ""
        while let d = peek(), ("0"..."9").contains(d) || d == "_" { if d != "_" { digits.unicodeScalars.append(d) }; advance() }
        guard peek() == "'" else {
            guard let n = Int(digits) else { throw .syntax(expected: "a number", found: "'\(digits)'", location: start) }
            return .number(n)
        }
        advance()
        guard let width = digits.isEmpty ? 32 : Int(digits), (1...64).contains(width) else {
            throw .unsupportedConstruct(construct: "constant width '\(digits)' (use 1 to 64 bits)", location: start)
        }
        if peek() == "s" || peek() == "S" { throw .unsupportedConstruct(construct: "signed constant", location: start) }
        guard let baseChar = peek() else { throw .syntax(expected: "a base (b, o, d, h)", found: "end of file", location: start) }
        advance()
        let radix: Int
        switch baseChar {
        case "b", "B": radix = 2
        case "o", "O": radix = 8
        case "d", "D": radix = 10
        case "h", "H": radix = 16
        default: throw .syntax(expected: "a base (b, o, d, h)", found: "'\(baseChar)'", location: start)
        }
        var body = ""
        while let d = peek(), VerilogIdentifiers.isWordChar(d) || d == "?" { if d != "_" { body.unicodeScalars.append(d) }; advance() }
        if body.lowercased().contains(where: { $0 == "x" || $0 == "z" || $0 == "?" }) {
            throw .unsupportedConstruct(construct: "x/z constant \(digits)'\(baseChar)\(body)", location: start)
        }
        guard !body.isEmpty, body.count <= 64, let value = UInt64(body, radix: radix) else {
            throw .syntax(expected: "digits of base \(radix)", found: "'\(body)'", location: start)
        }
        if width < 64 && value >> UInt64(width) != 0 {
            throw .syntax(expected: "a value that fits in \(width) bits", found: "'\(body)'", location: start)
        }
        return .constant((0..<width).map { (value >> UInt64($0)) & 1 == 1 })
    }
}
