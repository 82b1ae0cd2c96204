extension Netlist {
    /// Checks arity, drivers and acyclicity, and returns the netlist with its cells in topological order.
    ///
    /// Throws the first problem found, naming the cell and the net.
    public func validated() throws(DesignError) -> Netlist {
        try checkArity()
        let driver = try driverTable()
        var result = self
        result.cells = try topologicallySorted(driver: driver)
        return result
    }

    private func checkArity() throws(DesignError) {
        for cell in cells {
            if !cell.kind.inputArity.contains(cell.inputs.count) {
                let r = cell.kind.inputArity
                var expected = "\(r.lowerBound) to \(r.upperBound)"
                if r.lowerBound == r.upperBound { expected = "\(r.lowerBound)" } else if r.upperBound >= Int.max / 2 { expected = "\(r.lowerBound) or more" }
                throw .widthMismatch(cell: cell.name, what: "\(cell.kind.keyword) inputs", expected: expected,
                                     found: cell.inputs.count, location: cell.location)
            }
            if cell.outputs.count != cell.kind.outputCount {
                throw .widthMismatch(cell: cell.name, what: "\(cell.kind.keyword) outputs",
                                     expected: "\(cell.kind.outputCount)", found: cell.outputs.count, location: cell.location)
            }
            for net in cell.inputs + cell.outputs.compactMap({ $0 }) where net < 0 || net >= netCount {
                throw .invalidValue(what: "net index", value: "\(net)", rule: "net ids must be below \(netCount)",
                                    location: cell.location)
            }
        }
    }

    /// Maps each net to the index of the cell driving it (-1: primary input or constant, -2: undriven).
    private func driverTable() throws(DesignError) -> [Int] {
        var driver = [Int](repeating: -2, count: netCount)
        driver[NetID.const0] = -1
        driver[NetID.const1] = -1
        for net in inputs.flatMap(\.nets) {
            if driver[net] == -1 && net > 1 {
                throw .multipleDrivers(net: netNames[net], cells: ["input", "input"], location: nil)
            }
            driver[net] = -1
        }
        for (index, cell) in cells.enumerated() {
            for net in cell.outputs.compactMap({ $0 }) {
                if driver[net] != -2 {
                    let other = driver[net] >= 0 ? cells[driver[net]].name : (net <= 1 ? "constant" : "primary input")
                    throw .multipleDrivers(net: netNames[net], cells: [other, cell.name], location: cell.location)
                }
                driver[net] = index
            }
        }
        for cell in cells {
            for net in cell.inputs where driver[net] == -2 {
                throw .undrivenNet(net: netNames[net], cell: cell.name, location: cell.location)
            }
        }
        for net in product.nets where driver[net] == -2 {
            throw .undrivenNet(net: netNames[net], cell: "output \(product.name)", location: nil)
        }
        return driver
    }

    /// Kahn-free depth-first ordering; reports the cycle path when one exists.
    private func topologicallySorted(driver: [Int]) throws(DesignError) -> [Cell] {
        var state = [UInt8](repeating: 0, count: cells.count)   // 0 new, 1 on stack, 2 done
        var order: [Int] = []
        order.reserveCapacity(cells.count)
        for root in cells.indices where state[root] == 0 {
            // Iterative DFS: stack of (cell, next input position).
            var stack: [(Int, Int)] = [(root, 0)]
            state[root] = 1
            while let (cell, position) = stack.last {
                let inputs = cells[cell].inputs
                if position < inputs.count {
                    stack[stack.count - 1].1 += 1
                    let d = driver[inputs[position]]
                    guard d >= 0 else { continue }
                    if state[d] == 1 {
                        let start = stack.firstIndex { $0.0 == d } ?? 0
                        let path = stack[start...].map { cells[$0.0].name } + [cells[d].name]
                        throw .combinationalCycle(path: path, location: cells[d].location)
                    }
                    if state[d] == 0 {
                        state[d] = 1
                        stack.append((d, 0))
                    }
                } else {
                    state[cell] = 2
                    order.append(cell)
                    stack.removeLast()
                }
            }
        }
        return order.map { cells[$0] }
    }
}
