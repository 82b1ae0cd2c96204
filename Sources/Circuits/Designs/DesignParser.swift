/// Resolves the block named in a `compose` statement: a built-in name or a path relative to the file.
public typealias BlockResolver = (String) throws(DesignError) -> Design

/// Reads the `.axd` design-file format (see docs/design-format.md) into a `Design`.
///
/// Every error carries file:line:column and says what was expected there.
public enum DesignParser {
    /// The file extension of design files.
    public static let fileExtension = "axd"

    /// Parses design-file text; `file` names the source in error messages.
    public static func parse(_ text: String, file: String = "<text>",
                             resolveBlock: BlockResolver) throws(DesignError) -> Design {
        var parser = DesignFileParser(file: file, lines: try DesignLexer.lines(text, file: file))
        return try parser.parse(resolveBlock: resolveBlock)
    }
}

/// A declared port: `a[4]`.
struct PortDeclaration: Sendable {
    var name: String
    var width: Int
}

/// The state of one parse: statements seen so far and the body being built.
struct DesignFileParser {
    let file: String
    let lines: [DesignLine]
    var index = 0
    var nameToken: DesignToken?
    var summary = ""
    var operands: DesignToken?
    var inputs: [PortDeclaration]?
    var output: PortDeclaration?
    var lutView: Netlist?
    var gateView: Netlist?
    var otherBody: Design.Body?
    var firstBodyLine: Int?

    init(file: String, lines: [DesignLine]) {
        self.file = file
        self.lines = lines
    }

    func syntax(_ expected: String, found: String, at token: DesignToken) -> DesignError {
        .syntax(expected: expected, found: found, location: token.location(file))
    }

    mutating func parse(resolveBlock: BlockResolver) throws(DesignError) -> Design {
        while index < lines.count {
            let line = lines[index]
            index += 1
            let keyword = line.keyword
            if nameToken == nil && keyword.text != "design" {
                throw syntax("'design <name>' as the first statement", found: "'\(keyword.text)'", at: keyword)
            }
            try statement(line, resolveBlock: resolveBlock)
        }
        return try finish()
    }

    private mutating func statement(_ line: DesignLine, resolveBlock: BlockResolver) throws(DesignError) {
        let keyword = line.keyword
        switch keyword.text {
        case "design": try parseName(line)
        case "summary": try parseSummary(line)
        case "operands": try parseOperands(line)
        case "inputs": try parseInputs(line)
        case "output": try parseOutput(line)
        case "view": try parseView(line)
        case "compose": try setBody(parseCompose(line, resolveBlock: resolveBlock), line)
        case "formula": try setBody(.formula(parseFormula(line)), line)
        case "table": try setBody(.table(parseTable(line)), line)
        case "end":
            throw syntax("a statement", found: "'end' with no open 'view' or 'table'", at: keyword)
        default:
            throw syntax("a statement (design, summary, operands, inputs, output, view, compose, formula or table)",
                         found: "'\(keyword.text)'", at: keyword)
        }
    }

    private mutating func parseName(_ line: DesignLine) throws(DesignError) {
        if let previous = nameToken {
            throw syntax("one 'design' statement per file (the first is at line \(previous.line))",
                         found: "a second 'design'", at: line.keyword)
        }
        guard line.tokens.count == 2 else {
            throw syntax("'design <name>'", found: "\(line.tokens.count - 1) words after 'design'", at: line.keyword)
        }
        let token = line.tokens[1]
        guard DesignFileParser.isDesignName(token.text) else {
            throw .invalidValue(what: "design name", value: token.text,
                                rule: "use letters, digits, '-', '_' and '.' only", location: token.location(file))
        }
        nameToken = token
    }

    static func isDesignName(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    private mutating func parseSummary(_ line: DesignLine) throws(DesignError) {
        guard let text = line.quoted, line.tokens.count == 2 else {
            let found = line.tokens.count > 1 ? "'\(line.tokens[1].text)'" : "end of line"
            throw syntax("a double-quoted string after 'summary'", found: found, at: line.tokens.last ?? line.keyword)
        }
        summary = text
    }

    /// `operands unsigned|twos-complement`: how operand and product bits are read.
    private mutating func parseOperands(_ line: DesignLine) throws(DesignError) {
        guard operands == nil else { throw .duplicateName(name: "operands", location: line.keyword.location(file)) }
        guard line.tokens.count == 2 else {
            throw syntax("'operands unsigned' or 'operands twos-complement'", found: "\(line.tokens.count - 1) words after 'operands'", at: line.keyword)
        }
        guard Design.Operands(rawValue: line.tokens[1].text) != nil else {
            throw .invalidValue(what: "operand encoding", value: line.tokens[1].text,
                                rule: "must be 'unsigned' or 'twos-complement'", location: line.tokens[1].location(file))
        }
        operands = line.tokens[1]
    }

    private mutating func parseInputs(_ line: DesignLine) throws(DesignError) {
        guard inputs == nil else { throw .duplicateName(name: "inputs", location: line.keyword.location(file)) }
        guard line.tokens.count == 3 else {
            throw syntax("two operand ports, first operand first, e.g. 'inputs a[4] b[4]'",
                         found: "\(line.tokens.count - 1) ports", at: line.keyword)
        }
        let a = try parsePort(line.tokens[1]), b = try parsePort(line.tokens[2])
        if a.name == b.name { throw .duplicateName(name: b.name, location: line.tokens[2].location(file)) }
        inputs = [a, b]
    }

    private mutating func parseOutput(_ line: DesignLine) throws(DesignError) {
        guard output == nil else { throw .duplicateName(name: "output", location: line.keyword.location(file)) }
        guard line.tokens.count == 2 else {
            throw syntax("one product port, e.g. 'output p[8]'", found: "\(line.tokens.count - 1) ports", at: line.keyword)
        }
        let port = try parsePort(line.tokens[1])
        if inputs?.contains(where: { $0.name == port.name }) == true {
            throw .duplicateName(name: port.name, location: line.tokens[1].location(file))
        }
        output = port
    }

    /// Parses `name[width]`, width 1...32.
    func parsePort(_ token: DesignToken) throws(DesignError) -> PortDeclaration {
        let text = token.text
        guard text.hasSuffix("]"), let open = text.firstIndex(of: "[") else {
            throw syntax("a port 'name[width]', e.g. a[4]", found: "'\(text)'", at: token)
        }
        let name = String(text[..<open])
        let digits = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard NetNames.isIdentifier(name) else {
            throw syntax("a port name (a letter, then letters, digits or '_')", found: "'\(name)'", at: token)
        }
        guard let width = Int(digits), (1...32).contains(width) else {
            throw .invalidValue(what: "port width", value: String(digits), rule: "a port is 1 to 32 bits wide",
                                location: DesignToken(text: "", line: token.line, column: token.column + name.count + 1).location(file))
        }
        return PortDeclaration(name: name, width: width)
    }

    private mutating func setBody(_ body: Design.Body, _ line: DesignLine) throws(DesignError) {
        try claimBody(line)
        otherBody = body
    }

    /// Records that `line` starts the body; a second body (other than a second view) is an error.
    mutating func claimBody(_ line: DesignLine, isView: Bool = false) throws(DesignError) {
        if let first = firstBodyLine, !(isView && otherBody == nil) {
            throw syntax("one body per design (the body starts at line \(first)); use 'view', 'compose', 'formula' or 'table' once",
                         found: "'\(line.keyword.text)'", at: line.keyword)
        }
        if firstBodyLine == nil { firstBodyLine = line.number }
    }

    private func finish() throws(DesignError) -> Design {
        guard let nameToken else {
            let location = SourceLocation(file: file, line: 1, column: 1)
            throw .syntax(expected: "'design <name>' as the first statement", found: "an empty file", location: location)
        }
        let body: Design.Body
        if lutView != nil || gateView != nil {
            body = .netlists(NetlistViews(lut: lutView, gates: gateView))
        } else if let otherBody {
            body = otherBody
        } else {
            let last = lines.last?.tokens.last ?? nameToken
            throw syntax("a body: 'view lut', 'view gates', 'compose', 'formula' or 'table'", found: "end of file", at: last)
        }
        let encoding = operands.flatMap { Design.Operands(rawValue: $0.text) } ?? .unsigned
        if let operands, encoding == .twosComplement {
            switch body {
            case .netlists, .table: break
            case .composition, .formula:
                throw .invalidValue(what: "operand encoding", value: operands.text,
                                    rule: "only a netlist or table design can be two's complement (compositions and formulas are unsigned)",
                                    location: operands.location(file))
            }
        }
        let design = Design(name: nameToken.text, summary: summary, body: body, operands: encoding)
        try checkDeclaredWidths(design)
        return design
    }

    /// Compositions and formulas may declare their ports; if they do, the widths must agree.
    private func checkDeclaredWidths(_ design: Design) throws(DesignError) {
        let line = lines.first { $0.keyword.text == "inputs" || $0.keyword.text == "output" }
        guard let line else { return }
        let declared = (inputs?.map(\.width) ?? [design.widthA, design.widthB]) + [output?.width ?? design.outputWidth]
        let actual = [design.widthA, design.widthB, design.outputWidth]
        if declared != actual {
            throw .invalidValue(what: "declared widths", value: "\(declared[0])x\(declared[1]) -> \(declared[2])",
                                rule: "the body computes \(actual[0])x\(actual[1]) -> \(actual[2]); fix 'inputs'/'output' or leave them out",
                                location: line.keyword.location(file))
        }
    }
}
