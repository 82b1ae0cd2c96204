/// Reads one flat gate-level Verilog module and builds a `Netlist` from it as it goes.
///
/// The subset (documented in docs/verilog.md): ANSI or non-ANSI port lists, `input`/`output`/`wire`
/// declarations with optional ranges, `assign` with `~ & ^ ~^ |`, parentheses, concatenation and sized
/// constants, Verilog gate primitives, and the cells AND2 OR2 XOR2 NAND2 NOR2 XNOR2 INV BUF HA FA with
/// named ports. Anything else is reported with its file:line and name.
struct VerilogParser {
    /// A declared scalar or vector signal; `nets[k]` is bit k counted from the least significant end.
    struct Signal {
        enum Direction { case input, output, wire }
        var name: String
        var direction: Direction
        var msb: Int
        var lsb: Int
        var nets: [NetID]
        var location: SourceLocation
        var width: Int { nets.count }
        /// The position in `nets` of Verilog index `i`, or nil when out of range.
        func offset(of i: Int) -> Int? {
            let k = msb >= lsb ? i - lsb : lsb - i
            return k >= 0 && k < width ? k : nil
        }
        var rangeText: String { "[\(msb):\(lsb)]" }
    }

    let file: String
    var tokens: [VerilogToken]
    var index = 0
    var moduleName = ""
    var portOrder: [String] = []
    /// Where a port was declared `signed` (accepted only by an import with `signed: true`).
    var signedPort: SourceLocation?
    var signals: [String: Signal] = [:]
    var netNames = ["const0", "const1"]
    /// Where each net is driven (inputs and constants count as driven).
    var driver: [SourceLocation?]
    /// The first place each net is read, for "never driven" errors.
    var firstRead: [NetID: SourceLocation] = [:]
    var cells: [Cell] = []
    var cellNames: Set<String> = []
    var tempCounter = 0
    /// Current depth of `(`, `{` and `~` in the expression being parsed.
    var nesting = 0
    /// The deepest expression nesting accepted; deeper input is refused with `VerilogError.tooDeep`.
    static let maxNesting = 256

    init(text: String, file: String) throws(VerilogError) {
        self.file = file
        var lexer = VerilogLexer(text: text, file: file)
        tokens = try lexer.tokens()
        let here = SourceLocation(file: file, line: 0, column: 0)
        driver = [here, here]
    }

    // MARK: tokens

    var current: VerilogToken { tokens[index] }
    func location(_ t: VerilogToken? = nil) -> SourceLocation {
        let t = t ?? current
        return SourceLocation(file: file, line: t.line, column: t.column)
    }
    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }
    func isKeyword(_ s: String) -> Bool { current.kind == .identifier(s) }

    mutating func accept(_ s: String) -> Bool {
        if isSymbol(s) { advance(); return true }
        return false
    }

    mutating func expect(_ s: String, _ what: String? = nil) throws(VerilogError) {
        guard accept(s) else { throw .syntax(expected: what ?? "'\(s)'", found: current.text, location: location()) }
    }

    mutating func identifier(_ what: String) throws(VerilogError) -> String {
        guard case .identifier(let s) = current.kind else {
            throw .syntax(expected: what, found: current.text, location: location())
        }
        if VerilogIdentifiers.keywords.contains(s) {
            throw .syntax(expected: what, found: "keyword '\(s)'", location: location())
        }
        advance()
        return s
    }

    mutating func number(_ what: String) throws(VerilogError) -> Int {
        guard case .number(let n) = current.kind else { throw .syntax(expected: what, found: current.text, location: location()) }
        advance()
        return n
    }

    // MARK: module structure

    /// Parses the whole file (exactly one module).
    mutating func parseModule() throws(VerilogError) {
        guard isKeyword("module") else {
            if case .identifier(let s) = current.kind, s != "module" {
                throw .unsupportedConstruct(construct: s, location: location())
            }
            throw .syntax(expected: "'module'", found: current.text, location: location())
        }
        advance()
        moduleName = try identifier("a module name")
        if isSymbol("#") { throw .unsupportedConstruct(construct: "parameter list #(...)", location: location()) }
        if accept("(") {
            if !accept(")") {
                try parsePortList()
                try expect(")", "')' closing the port list")
            }
        }
        try expect(";", "';' after the module header")
        while !isKeyword("endmodule") {
            if current.kind == .end { throw .syntax(expected: "'endmodule'", found: "end of file", location: location()) }
            try parseItem()
        }
        advance()
        while isKeyword("module") && skipLibraryCellModule() {}
        if current.kind != .end {
            if isKeyword("module") { throw .unsupportedConstruct(construct: "a second module (flatten the netlist first)", location: location()) }
            throw .syntax(expected: "end of file after 'endmodule'", found: current.text, location: location())
        }
    }

    /// Skips a trailing `module PDKGEN…X1 … endmodule`: EvoApproxLib files define the generic cells they
    /// instantiate after the top module, and the importer has its own definition of each
    /// (`VerilogCellSpec.library`). Any other second module is left for the caller to refuse.
    mutating func skipLibraryCellModule() -> Bool {
        guard index + 1 < tokens.count, case .identifier(let name) = tokens[index + 1].kind,
              name.hasPrefix("PDKGEN"), VerilogCellSpec.library[name] != nil else { return false }
        while current.kind != .end && !isKeyword("endmodule") { advance() }
        if isKeyword("endmodule") { advance() }
        return true
    }

    /// Port list: names only (non-ANSI) or declarations (ANSI).
    mutating func parsePortList() throws(VerilogError) {
        if isKeyword("input") || isKeyword("output") || isKeyword("inout") {
            repeat {
                if isKeyword("input") || isKeyword("output") || isKeyword("inout") {
                    try parseDeclarationHead()
                } else {
                    try declareAgain()
                }
            } while accept(",")
        } else {
            repeat { portOrder.append(try identifier("a port name")) } while accept(",")
        }
    }

    /// In an ANSI port list, a bare name after a declaration shares its direction and range.
    mutating func declareAgain() throws(VerilogError) {
        guard let last = portOrder.last, let previous = signals[last] else {
            throw .syntax(expected: "'input' or 'output'", found: current.text, location: location())
        }
        let loc = location()
        let name = try identifier("a port name")
        try declare(name, direction: previous.direction, msb: previous.msb, lsb: previous.lsb, location: loc)
        portOrder.append(name)
    }

    /// `input|output [wire] [range] name` (ANSI form, one name).
    mutating func parseDeclarationHead() throws(VerilogError) {
        let (direction, msb, lsb) = try parseDirectionAndRange()
        let loc = location()
        let name = try identifier("a port name")
        try declare(name, direction: direction, msb: msb, lsb: lsb, location: loc)
        portOrder.append(name)
    }

    mutating func parseDirectionAndRange() throws(VerilogError) -> (Signal.Direction, Int, Int) {
        let direction: Signal.Direction
        if isKeyword("inout") { throw .unsupportedConstruct(construct: "inout", location: location()) }
        direction = isKeyword("input") ? .input : .output
        advance()
        if isKeyword("reg") || isKeyword("integer") {
            throw .unsupportedConstruct(construct: "\(current.text.dropFirst().dropLast()) port", location: location())
        }
        if isKeyword("wire") { advance() }
        if isKeyword("signed") {
            if signedPort == nil { signedPort = location() }
            advance()
        }
        let (msb, lsb) = try parseOptionalRange()
        return (direction, msb, lsb)
    }

    mutating func parseOptionalRange() throws(VerilogError) -> (Int, Int) {
        guard accept("[") else { return (0, 0) }
        let msb = try number("a constant range bound")
        try expect(":", "':' in a range")
        let lsb = try number("a constant range bound")
        try expect("]", "']' closing the range")
        guard abs(msb - lsb) < 4096 else {
            throw .unsupportedConstruct(construct: "a vector of \(abs(msb - lsb) + 1) bits (at most 4096)", location: location())
        }
        return (msb, lsb)
    }

    /// One module item.
    mutating func parseItem() throws(VerilogError) {
        guard case .identifier(let word) = current.kind else {
            throw .syntax(expected: "a declaration, 'assign', an instance or 'endmodule'", found: current.text, location: location())
        }
        switch word {
        case "input", "output", "inout":
            let (direction, msb, lsb) = try parseDirectionAndRange()
            repeat {
                let loc = location()
                let name = try identifier("a signal name")
                try declare(name, direction: direction, msb: msb, lsb: lsb, location: loc)
            } while accept(",")
            try expect(";", "';' after the declaration")
        case "wire":
            advance()
            let (msb, lsb) = try parseOptionalRange()
            repeat {
                let loc = location()
                let name = try identifier("a wire name")
                if let existing = signals[name], existing.direction != .wire, existing.msb == msb, existing.lsb == lsb {
                    // `output [7:0] p; wire [7:0] p;` is allowed
                } else {
                    try declare(name, direction: .wire, msb: msb, lsb: lsb, location: loc)
                }
                if accept("=") {
                    let target = try signalBits(name, msb: nil, lsb: nil, location: loc)
                    try assign(target, try parseExpression(), location: loc)
                }
            } while accept(",")
            try expect(";", "';' after the wire declaration")
        case "assign":
            advance()
            repeat {
                let loc = location()
                let target = try parseLValue()
                try expect("=", "'=' in the assignment")
                try assign(target, try parseExpression(), location: loc)
            } while accept(",")
            try expect(";", "';' after the assignment")
        case "and", "or", "xor", "nand", "nor", "xnor", "not", "buf":
            try parsePrimitive(word)
        case _ where Self.unsupportedKeywords.contains(word) || VerilogIdentifiers.keywords.contains(word):
            throw .unsupportedConstruct(construct: word, location: location())
        default:
            try parseInstance(type: word)
        }
    }

    static let unsupportedKeywords: Set<String> = [
        "reg", "always", "initial", "parameter", "localparam", "defparam", "generate", "genvar", "function",
        "task", "integer", "supply0", "supply1", "tri", "specify", "real", "time", "begin", "if", "case",
    ]

    /// Declares a signal and allocates its nets (inputs are driven by definition).
    mutating func declare(_ name: String, direction: Signal.Direction, msb: Int, lsb: Int,
                          location loc: SourceLocation) throws(VerilogError) {
        if let existing = signals[name] {
            throw .syntax(expected: "a new name", found: "'\(name)', already declared at line \(existing.location.line)", location: loc)
        }
        let width = abs(msb - lsb) + 1
        var nets: [NetID] = []
        for k in 0..<width {
            let i = msb >= lsb ? lsb + k : lsb - k
            nets.append(newNet(msb == 0 && lsb == 0 ? name : "\(name)\(i)", drivenAt: direction == .input ? loc : nil))
        }
        signals[name] = Signal(name: name, direction: direction, msb: msb, lsb: lsb, nets: nets, location: loc)
    }

    mutating func newNet(_ name: String, drivenAt: SourceLocation?) -> NetID {
        netNames.append(name)
        driver.append(drivenAt)
        return netNames.count - 1
    }
}
