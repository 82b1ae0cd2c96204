/// A parsed right-hand side, with signal references already resolved to nets (least significant first).
indirect enum VerilogExpression {
    case bits([NetID])
    case not(VerilogExpression)
    case binary(CellKind, VerilogExpression, VerilogExpression, SourceLocation)
    /// Parts in source order, most significant part first.
    case concat([VerilogExpression])

    var width: Int {
        switch self {
        case .bits(let b): b.count
        case .not(let x): x.width
        case .binary(_, let l, _, _): l.width
        case .concat(let parts): parts.reduce(0) { $0 + $1.width }
        }
    }
}

extension VerilogParser {
    // MARK: parsing, lowest precedence first: |  then ^ ~^  then &  then unary ~

    mutating func parseExpression() throws(VerilogError) -> VerilogExpression {
        var left = try parseXor()
        while isSymbol("|") {
            let loc = location(); advance()
            left = try binary(.or, left, try parseXor(), loc)
        }
        try rejectOperator()
        return left
    }

    mutating func parseXor() throws(VerilogError) -> VerilogExpression {
        var left = try parseAnd()
        while isSymbol("^") || isSymbol("~^") || isSymbol("^~") {
            let kind: CellKind = isSymbol("^") ? .xor : .xnor
            let loc = location(); advance()
            left = try binary(kind, left, try parseAnd(), loc)
        }
        return left
    }

    mutating func parseAnd() throws(VerilogError) -> VerilogExpression {
        var left = try parseUnary()
        while isSymbol("&") {
            let loc = location(); advance()
            left = try binary(.and, left, try parseUnary(), loc)
        }
        return left
    }

    mutating func parseUnary() throws(VerilogError) -> VerilogExpression {
        if accept("~") { return .not(try parseUnary()) }
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

    func binary(_ kind: CellKind, _ l: VerilogExpression, _ r: VerilogExpression,
                _ loc: SourceLocation) throws(VerilogError) -> VerilogExpression {
        guard l.width == r.width else {
            throw .widthMismatch(what: "right operand of '\(kind.keyword.lowercased())'", expected: l.width, found: r.width, location: loc)
        }
        return .binary(kind, l, r, loc)
    }

    mutating func parsePrimary() throws(VerilogError) -> VerilogExpression {
        let loc = location()
        switch current.kind {
        case .symbol("("):
            advance()
            let e = try parseExpression()
            try expect(")", "')'")
            return e
        case .symbol("{"):
            advance()
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
        case .binary(let kind, let l, let r, let opLoc):
            let ls = try elaborate(l, into: nil, location: opLoc)
            let rs = try elaborate(r, into: nil, location: opLoc)
            let outs = targets ?? temporaries(ls.count)
            for k in outs.indices { try addCell(kind, [ls[k], rs[k]], [outs[k]], location: opLoc) }
            return outs
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
