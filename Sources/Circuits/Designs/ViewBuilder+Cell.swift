extension ViewBuilder {
    /// Parses `cell NAME KIND ...` in either form:
    /// positional `cell g AND x y -> z` (outputs after `->`), or named pins `cell l LUT6_2 INIT=.. I0=x .. O6=y`.
    mutating func addCell(_ line: DesignLine) throws(DesignError) {
        let t = line.tokens
        guard t.count >= 3 else {
            throw .syntax(expected: "'cell <name> <type> ...'", found: "end of line", location: t[t.count - 1].location(file))
        }
        let name = t[1].text, location = t[0].location(file)
        guard NetNames.isIdentifier(name) else {
            throw .syntax(expected: "a cell name (a letter or '_', then letters, digits, '_', '$' or '.')",
                          found: "'\(name)'", location: t[1].location(file))
        }
        guard !cellNames.contains(name) else { throw .duplicateName(name: "cell \(name)", location: t[1].location(file)) }
        let keyword = t[2].text.uppercased()
        guard let base = Self.baseKind(keyword) else {
            throw .unknownCellType(cell: name, type: t[2].text, location: t[2].location(file))
        }
        try checkViewAllows(base, cell: name, at: t[2])
        var rest = Array(t[3...])
        let initToken = rest.firstIndex { $0.text.uppercased().hasPrefix("INIT=") }.map { rest.remove(at: $0) }
        let kind = try finalKind(base, keyword: keyword, cell: name, initToken: initToken, at: t[2])
        let (inputs, outputs) = rest.contains { $0.text == "->" }
            ? try positionalPins(rest)
            : try namedPins(rest, kind: kind, cell: name, at: t[1])
        cellNames.insert(name)
        driven.formUnion(outputs.compactMap { $0 })
        cells.append(Cell(name: name, kind: kind, inputs: inputs, outputs: outputs, location: location))
    }

    /// The kind for a type keyword, with a placeholder INIT for LUTs (filled in by `finalKind`).
    private static func baseKind(_ keyword: String) -> CellKind? {
        switch keyword {
        case "LUT6": .lut6(LUTInit(0))
        case "LUT6_2": .lut6_2(LUTInit(0))
        case "CARRY4": .carry4
        case "CARRY8": .carry8
        default: CellKind.gatesByKeyword[keyword]
        }
    }

    private func checkViewAllows(_ kind: CellKind, cell: String, at token: DesignToken) throws(DesignError) {
        if view == "lut" && !kind.isFPGAPrimitive {
            throw .unsupported(what: "gate \(kind.keyword) (cell '\(cell)') in 'view lut', which holds LUT6, LUT6_2, CARRY4 and CARRY8 cells only; put gates in 'view gates'",
                               location: token.location(file))
        }
        if view == "gates" && kind.isFPGAPrimitive {
            throw .unsupported(what: "FPGA primitive \(kind.keyword) (cell '\(cell)') in 'view gates'; put LUTs and carry chains in 'view lut'",
                               location: token.location(file))
        }
    }

    private func finalKind(_ base: CellKind, keyword: String, cell: String, initToken: DesignToken?,
                           at token: DesignToken) throws(DesignError) -> CellKind {
        guard base.isLUT else {
            if let initToken {
                throw .syntax(expected: "pins of \(keyword) (INIT is a LUT parameter)", found: "'\(initToken.text)'",
                              location: initToken.location(file))
            }
            return base
        }
        guard let initToken, let (_, value) = initToken.keyValue() else {
            throw .syntax(expected: "INIT=<16 hex digits> for LUT cell '\(cell)'", found: "no INIT", location: token.location(file))
        }
        guard let lutInit = LUTInit(hex: value.text) else {
            throw .invalidValue(what: "INIT", value: value.text, rule: "INIT is 1 to 16 hexadecimal digits, most significant first",
                                location: value.location(file))
        }
        return keyword == "LUT6" ? .lut6(lutInit) : .lut6_2(lutInit)
    }

    private mutating func positionalPins(_ tokens: [DesignToken]) throws(DesignError) -> ([NetID], [NetID?]) {
        var inputs: [NetID] = [], outputs: [NetID?] = []
        var afterArrow = false
        for token in tokens {
            if token.text == "->" {
                if afterArrow { throw .syntax(expected: "output nets", found: "a second '->'", location: token.location(file)) }
                afterArrow = true
            } else if afterArrow {
                outputs.append(try net(token, isOutput: true))
            } else if let id = try net(token) {
                inputs.append(id)
            }
        }
        return (inputs, outputs)
    }

    /// `PIN=net` or, for a pin bus, `PIN=n0,n1,...` (DI, S, O, CO). Missing outputs are unused.
    private mutating func namedPins(_ tokens: [DesignToken], kind: CellKind, cell: String,
                                    at nameToken: DesignToken) throws(DesignError) -> ([NetID], [NetID?]) {
        let inputPins = kind.inputPins(count: kind.inputArity.upperBound), outputPins = kind.outputPins
        var inputs: [String: NetID] = [:], outputs: [String: NetID?] = [:]
        for token in tokens {
            guard let (key, value) = token.keyValue() else {
                throw .syntax(expected: "PIN=net, or 'inputs -> outputs' for a gate", found: "'\(token.text)'",
                              location: token.location(file))
            }
            let pin = key.text.uppercased()
            let isBus = !inputPins.contains(pin) && !outputPins.contains(pin)
            let names = isBus ? value.commaList().indices.map { "\(pin)\($0)" } : [pin]
            let values = isBus ? value.commaList() : [value]
            for (pinName, v) in zip(names, values) {
                if inputs[pinName] != nil || outputs[pinName] != nil {
                    throw .duplicateName(name: "pin \(pinName) of cell \(cell)", location: key.location(file))
                }
                if inputPins.contains(pinName) {
                    inputs[pinName] = try net(v)
                } else if outputPins.contains(pinName) {
                    outputs[pinName] = .some(try net(v, isOutput: true))
                } else {
                    throw .syntax(expected: "a pin of \(kind.keyword): \(Self.pinSummary(kind))", found: "'\(key.text)'",
                                  location: key.location(file))
                }
            }
        }
        let count = kind.inputArity.lowerBound == kind.inputArity.upperBound ? inputPins.count : inputs.count
        var inputNets: [NetID] = []
        for pin in inputPins.prefix(count) {
            guard let id = inputs[pin] else {
                throw .syntax(expected: "input pin \(pin) of cell '\(cell)'", found: "no \(pin)=", location: nameToken.location(file))
            }
            inputNets.append(id)
        }
        return (inputNets, outputPins.map { outputs[$0] ?? nil })
    }

    private static func pinSummary(_ kind: CellKind) -> String {
        switch kind {
        case .carry4: "CI CYINIT DI=4 nets S=4 nets O=4 nets CO=4 nets"
        case .carry8: "CI CI_TOP DI=8 nets S=8 nets O=8 nets CO=8 nets"
        case .lut6, .lut6_2: "INIT I0..I5 " + kind.outputPins.joined(separator: " ")
        default: (kind.inputPins(count: 2) + kind.outputPins).joined(separator: " ")
        }
    }
}
