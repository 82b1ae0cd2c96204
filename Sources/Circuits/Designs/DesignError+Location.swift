extension DesignError {
    /// The same error, placed at `location` when it does not carry a location of its own yet.
    ///
    /// Used when a library call that knows nothing about files (e.g. `Composition.init`) fails
    /// while a design file is being read, so the user still gets file:line:column.
    public func located(at location: SourceLocation) -> DesignError {
        switch self {
        case .undrivenNet(let net, let cell, nil): .undrivenNet(net: net, cell: cell, location: location)
        case .multipleDrivers(let net, let cells, nil): .multipleDrivers(net: net, cells: cells, location: location)
        case .combinationalCycle(let path, nil): .combinationalCycle(path: path, location: location)
        case .widthMismatch(let cell, let what, let expected, let found, nil):
            .widthMismatch(cell: cell, what: what, expected: expected, found: found, location: location)
        case .unknownCellType(let cell, let type, nil): .unknownCellType(cell: cell, type: type, location: location)
        case .invalidValue(let what, let value, let rule, nil):
            .invalidValue(what: what, value: value, rule: rule, location: location)
        case .duplicateName(let name, nil): .duplicateName(name: name, location: location)
        case .unknownDesign(let name, nil): .unknownDesign(name: name, location: location)
        case .unsupported(let what, nil): .unsupported(what: what, location: location)
        default: self
        }
    }
}
