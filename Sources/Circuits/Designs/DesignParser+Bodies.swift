extension DesignFileParser {
    /// `compose ll=X hl=Y lh=Z hh=W`: each block a built-in name or a path relative to this file.
    func parseCompose(_ line: DesignLine, resolveBlock: BlockResolver) throws(DesignError) -> Design.Body {
        let order = ["ll", "hl", "lh", "hh"]
        var blocks: [String: Design] = [:]
        for token in line.tokens.dropFirst() {
            guard let (key, value) = token.keyValue(), order.contains(key.text) else {
                throw syntax("a block 'll=', 'hl=', 'lh=' or 'hh=' followed by a design name or path", found: "'\(token.text)'", at: token)
            }
            guard blocks[key.text] == nil else { throw .duplicateName(name: "block \(key.text)", location: key.location(file)) }
            guard !value.text.isEmpty else {
                throw syntax("a design name or path after '\(key.text)='", found: "nothing", at: value)
            }
            do {
                blocks[key.text] = try resolveBlock(value.text)
            } catch {
                throw error.located(at: value.location(file))
            }
        }
        let missing = order.filter { blocks[$0] == nil }
        guard missing.isEmpty, let ll = blocks["ll"], let hl = blocks["hl"], let lh = blocks["lh"], let hh = blocks["hh"] else {
            throw syntax("all four blocks ll, hl, lh, hh", found: "no \(missing.joined(separator: ", "))", at: line.keyword)
        }
        do {
            return .composition(try Composition(ll: ll, hl: hl, lh: lh, hh: hh))
        } catch {
            throw error.located(at: line.keyword.location(file))
        }
    }

    /// `formula <family> width=W [k=K | t=T]`, families drum, mitchell, kulkarni, truncated, exact.
    func parseFormula(_ line: DesignLine) throws(DesignError) -> Formula {
        let families = "drum, mitchell, kulkarni, truncated or exact"
        guard line.tokens.count >= 2 else { throw syntax("a formula family (\(families))", found: "end of line", at: line.keyword) }
        let family = line.tokens[1]
        let allowed: [String: [String]] = ["drum": ["width", "k"], "mitchell": ["width"], "kulkarni": ["width"],
                                           "truncated": ["width", "t"], "exact": ["width"]]
        guard let keys = allowed[family.text] else { throw syntax("a formula family (\(families))", found: "'\(family.text)'", at: family) }
        var values: [String: (Int, DesignToken)] = [:]
        for token in line.tokens.dropFirst(2) {
            guard let (key, value) = token.keyValue(), keys.contains(key.text) else {
                throw syntax("a parameter of \(family.text): " + keys.map { "\($0)=<integer>" }.joined(separator: " "),
                             found: "'\(token.text)'", at: token)
            }
            guard values[key.text] == nil else { throw .duplicateName(name: "parameter \(key.text)", location: key.location(file)) }
            guard let number = Int(value.text) else { throw syntax("an integer after '\(key.text)='", found: "'\(value.text)'", at: value) }
            values[key.text] = (number, value)
        }
        for key in keys where values[key] == nil {
            throw syntax("parameter \(key)=<integer> for formula \(family.text)", found: "end of line", at: line.tokens.last ?? family)
        }
        return try makeFormula(family.text, values)
    }

    private func makeFormula(_ family: String, _ values: [String: (Int, DesignToken)]) throws(DesignError) -> Formula {
        func check(_ key: String, _ range: ClosedRange<Int>, _ rule: String) throws(DesignError) -> Int {
            guard let (v, token) = values[key] else { return 0 }
            guard range.contains(v) else {
                throw .invalidValue(what: key, value: "\(v)", rule: rule, location: token.location(file))
            }
            return v
        }
        let isKulkarni = family == "kulkarni"
        let width = try check("width", isKulkarni ? 2...32 : 1...32,
                              isKulkarni ? "width is a power of two from 2 to 32" : "width is 1 to 32 bits")
        if isKulkarni && width & (width - 1) != 0 {
            throw .invalidValue(what: "width", value: "\(width)", rule: "kulkarni width is a power of two (2, 4, 8, 16 or 32)",
                                location: values["width"]?.1.location(file))
        }
        switch family {
        case "drum": return .drum(width: width, k: try check("k", 1...width, "k is 1 to the width (\(width))"))
        case "mitchell": return .mitchell(width: width)
        case "kulkarni": return .kulkarni(width: width)
        case "truncated":
            return .truncated(width: width, t: try check("t", 0...(2 * width - 1), "t is 0 to \(2 * width - 1) for width \(width)"))
        default: return .exact(width: width)
        }
    }

    /// `table`, then one line per first operand a (2^widthA lines) of 2^widthB integers, then `end`.
    mutating func parseTable(_ line: DesignLine) throws(DesignError) -> TruthTable {
        guard let inputs, let output else {
            throw syntax("'inputs' and 'output' declared before 'table'", found: "'table'", at: line.keyword)
        }
        let wa = inputs[0].width, wb = inputs[1].width
        guard wa + wb <= 16, output.width <= 32 else {
            throw .unsupported(what: "a \(wa)x\(wb) table in a design file (at most 16 input bits)", location: line.keyword.location(file))
        }
        var values: [UInt32] = []
        values.reserveCapacity(1 << (wa + wb))
        let limit = UInt64(1) << UInt64(output.width)
        while index < lines.count {
            let row = lines[index]
            index += 1
            if row.keyword.text == "end" {
                guard values.count == 1 << (wa + wb) else {
                    throw syntax("\(1 << wa) table rows (one per value of \(inputs[0].name))",
                                 found: "\(values.count >> wb)", at: row.keyword)
                }
                return TruthTable(widthA: wa, widthB: wb, outputWidth: output.width, values: values)
            }
            guard values.count < 1 << (wa + wb) else {
                throw syntax("'end' after \(1 << wa) table rows", found: "'\(row.keyword.text)'", at: row.keyword)
            }
            guard row.tokens.count == 1 << wb else {
                throw syntax("\(1 << wb) values in each table row", found: "\(row.tokens.count)", at: row.keyword)
            }
            for token in row.tokens {
                guard let v = UInt64(token.text), v < limit else {
                    throw .invalidValue(what: "table entry", value: token.text,
                                        rule: "entries are integers from 0 to \(limit - 1) (\(output.width)-bit output)",
                                        location: token.location(file))
                }
                values.append(UInt32(v))
            }
        }
        throw syntax("'end' closing the table opened at line \(line.number)", found: "end of file",
                     at: lines.last?.tokens.last ?? line.keyword)
    }
}
