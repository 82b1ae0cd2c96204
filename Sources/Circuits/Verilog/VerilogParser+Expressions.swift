/// A parsed right-hand side, with signal references already resolved to nets (least significant first).
///
/// A run of one precedence level (`a & b & c & …`) is one flat `.chain`, not a left-leaning tree, so a
/// long expression costs linear time and constant stack; nesting (parentheses, `~`, concatenation) is
/// limited to `VerilogParser.maxNesting` levels, so parsing, elaboration and deallocation recurse at most that deep.
enum VerilogExpression {
    /// One operator and its right operand in a chain.
    struct Link {
        var kind: CellKind
        var operand: VerilogExpression
        var location: SourceLocation
    }

    case bits([NetID])
    indirect case not(VerilogExpression)
    /// `first op1 x1 op2 x2 …`, evaluated left to right; every operand has `width` bits.
    indirect case chain(VerilogExpression, [Link], width: Int)
    /// Parts in source order, most significant part first.
    case concat([VerilogExpression])

    var width: Int {
        switch self {
        case .bits(let b): b.count
        case .not(let x): x.width
        case .chain(_, _, let width): width
        case .concat(let parts): parts.reduce(0) { $0 + $1.width }
        }
    }
}

extension VerilogParser {
    // MARK: parsing, lowest precedence first: |  then ^ ~^  then &  then unary ~

    mutating func parseExpression() throws(VerilogError) -> VerilogExpression {
        let first = try parseXor()
        var links: [VerilogExpression.Link] = []
        while isSymbol("|") {
            let loc = location(); advance()
            links.append(try link(.or, first, try parseXor(), loc))
        }
        try rejectOperator()
        return chain(first, links)
    }

    mutating func parseXor() throws(VerilogError) -> VerilogExpression {
        let first = try parseAnd()
        var links: [VerilogExpression.Link] = []
        while isSymbol("^") || isSymbol("~^") || isSymbol("^~") {
            let kind: CellKind = isSymbol("^") ? .xor : .xnor
            let loc = location(); advance()
            links.append(try link(kind, first, try parseAnd(), loc))
        }
        return chain(first, links)
    }

    mutating func parseAnd() throws(VerilogError) -> VerilogExpression {
        let first = try parseUnary()
        var links: [VerilogExpression.Link] = []
        while isSymbol("&") {
            let loc = location(); advance()
            links.append(try link(.and, first, try parseUnary(), loc))
        }
        return chain(first, links)
    }

    func chain(_ first: VerilogExpression, _ links: [VerilogExpression.Link]) -> VerilogExpression {
        links.isEmpty ? first : .chain(first, links, width: first.width)
    }

    /// Enters one level of nesting (`(`, `{`, `~`); refuses input nested deeper than `maxNesting`.
    mutating func enterNesting(_ loc: SourceLocation) throws(VerilogError) {
        nesting += 1
        if nesting > Self.maxNesting {
            throw .tooDeep(limit: Self.maxNesting, location: loc)
        }
    }

    mutating func parseUnary() throws(VerilogError) -> VerilogExpression {
        if isSymbol("~") {
            try enterNesting(location()); advance()
            defer { nesting -= 1 }
            return .not(try parseUnary())
        }
        for op in ["&", "|", "^", "~&", "~|", "~^", "^~"] where isSymbol(op) {
            throw .unsupportedConstruct(construct: "reduction operator '\(op)'", location: location())
        }
        let e = try parsePrimary()
        try rejectOperator()
        return e
    }

    /// Operators outside the subset get a named error rather than a generic syntax error.
    func rejectOperator() throws(VerilogError) {
        let names = ["?": "conditional operator '?:'", "!": "logical operator '!'", "&&": "logical operator '&&'",
                     "||": "logical operator '||'", "==": "equality operator '=='", "!=": "equality operator '!='",
                     "+": "arithmetic operator '+'", "-": "arithmetic operator '-'", "*": "arithmetic operator '*'",
                     "/": "arithmetic operator '/'", "<<": "shift operator '<<'", ">>": "shift operator '>>'",
                     "<": "relational operator '<'", ">": "relational operator '>'"]
        if case .symbol(let s) = current.kind, let name = names[s] {
            throw .unsupportedConstruct(construct: name, location: location())
        }
    }

    /// One link of a chain whose first operand is `first`; the widths must agree.
    func link(_ kind: CellKind, _ first: VerilogExpression, _ r: VerilogExpression,
              _ loc: SourceLocation) throws(VerilogError) -> VerilogExpression.Link {
        guard first.width == r.width else {
            throw .widthMismatch(what: "right operand of '\(kind.keyword.lowercased())'", expected: first.width, found: r.width, location: loc)
        }
        return .init(kind: kind, operand: r, location: loc)
    }

    mutating func parsePrimary() throws(VerilogError) -> VerilogExpression {
        let loc = location()
        switch current.kind {
        case .symbol("("):
            try enterNesting(loc); advance()
            defer { nesting -= 1 }
            let e = try parseExpression()
            try expect(")", "')'")
            return e
        case .symbol("{"):
            try enterNesting(loc); advance()
            defer { nesting -= 1 }
            if case .number = current.kind { throw .unsupportedConstruct(construct: "replication {n{...}}", location: loc) }
            var parts = [try parseExpression()]
            while accept(",") { parts.append(try parseExpression()) }
            try expect("}", "'}' closing the concatenation")
            return .concat(parts)
        case .constant(let bits):
            advance()
            return .bits(bits.map { $0 ? NetID.const1 : NetID.const0 })
        case .number(let n):
            throw .unsupportedConstruct(construct: "unsized constant '\(n)' (write 1'b0 or 1'b1)", location: loc)
        case .identifier:
            let nets = try parseReference()
            return .bits(nets)
        default:
            throw .syntax(expected: "an expression", found: current.text, location: loc)
        }
    }

    /// `name`, `name[i]` or `name[m:l]`, as nets least significant first.
    mutating func parseReference() throws(VerilogError) -> [NetID] {
        let loc = location()
        let name = try identifier("a signal name")
        guard accept("[") else { return try signalBits(name, msb: nil, lsb: nil, location: loc) }
        let first = try number("a constant index")
        var second = first
        if accept(":") { second = try number("a constant index") }
        try expect("]", "']'")
        return try signalBits(name, msb: first, lsb: second, location: loc)
    }

    /// The nets of `name[msb:lsb]` (all bits when no range is given), least significant first.
    func signalBits(_ name: String, msb: Int?, lsb: Int?, location loc: SourceLocation) throws(VerilogError) -> [NetID] {
        guard let s = signals[name] else { throw .undeclared(name: name, location: loc) }
        guard let msb, let lsb else { return s.nets }
        guard let hi = s.offset(of: msb) else { throw .indexOutOfRange(name: name, index: msb, range: s.rangeText, location: loc) }
        guard let lo = s.offset(of: lsb) else { throw .indexOutOfRange(name: name, index: lsb, range: s.rangeText, location: loc) }
        return lo <= hi ? Array(s.nets[lo...hi]) : Array(s.nets[hi...lo].reversed())
    }

    /// An assignment target: a reference or a concatenation of references.
    mutating func parseLValue() throws(VerilogError) -> [NetID] {
        if accept("{") {
            var parts = [try parseReference()]
            while accept(",") { parts.append(try parseReference()) }
            try expect("}", "'}' closing the concatenation")
            return parts.reversed().flatMap { $0 }
        }
        return try parseReference()
    }

    // MARK: elaboration

    /// Drives `target` (least significant first) with `e`, creating one gate per operator and bit.
    mutating func assign(_ target: [NetID], _ e: VerilogExpression, location loc: SourceLocation) throws(VerilogError) {
        guard target.count == e.width else {
            throw .widthMismatch(what: "assignment", expected: target.count, found: e.width, location: loc)
        }
        _ = try elaborate(e, into: target, location: loc)
    }

    /// The nets carrying `e`, written into `targets` when given (through BUF cells for plain references).
    mutating func elaborate(_ e: VerilogExpression, into targets: [NetID]?,
                            location loc: SourceLocation) throws(VerilogError) -> [NetID] {
        switch e {
        case .bits(let nets):
            guard let targets else { return nets }
            for (source, target) in zip(nets, targets) { try addCell(.buf, [source], [target], location: loc) }
            return targets
        case .not(let x):
            let xs = try elaborate(x, into: nil, location: loc)
            let outs = targets ?? temporaries(xs.count)
            for (source, target) in zip(xs, outs) { try addCell(.not, [source], [target], location: loc) }
            return outs
        case .chain(let first, let links, _):
            var acc = try elaborate(first, into: nil, location: links[0].location)
            for (i, link) in links.enumerated() {
                let rs = try elaborate(link.operand, into: nil, location: link.location)
                var outs: [NetID]
                if i == links.count - 1, let targets { outs = targets } else { outs = temporaries(acc.count) }
                for k in outs.indices { try addCell(link.kind, [acc[k], rs[k]], [outs[k]], location: link.location) }
                acc = outs
            }
            return acc
        case .concat(let parts):
            var result: [NetID] = []
            var offset = 0
            for part in parts.reversed() {
                let slice = targets.map { Array($0[offset..<offset + part.width]) }
                result += try elaborate(part, into: slice, location: loc)
                offset += part.width
            }
            return result
        }
    }

    mutating func temporaries(_ count: Int) -> [NetID] {
        (0..<count).map { _ in
            tempCounter += 1
            return newNet("_t\(tempCounter)", drivenAt: nil)
        }
    }

    /// Appends a cell, recording its reads and checking that each output has no other driver.
    mutating func addCell(_ kind: CellKind, _ inputs: [NetID], _ outputs: [NetID?], name: String? = nil,
                          location loc: SourceLocation) throws(VerilogError) {
        for net in outputs.compactMap({ $0 }) {
            if net <= NetID.const1 {
                throw .syntax(expected: "a wire to drive", found: "a constant", location: loc)
            }
            if let previous = driver[net] {
                let what = previous.line == 0 ? "" : " (first driven at line \(previous.line))"
                throw .multipleDrivers(name: netNames[net] + what, location: loc)
            }
            driver[net] = loc
        }
        for net in inputs where firstRead[net] == nil { firstRead[net] = loc }
        let cellName = name ?? "_g\(cells.count + 1)"
        cells.append(Cell(name: cellName, kind: kind, inputs: inputs, outputs: outputs, location: loc))
    }
}
