import Foundation
import Testing
@testable import Circuits

/// Loads the SMApprox 4x4 netlists and tables copied from the specification
/// (Fixtures/verilog/netlists.json and truth_tables.json, from shared/specs/smapprox/).
struct FixtureMissing: Error, CustomStringConvertible {
    var what: String
    var description: String { "fixture value missing: \(what)" }
}

/// Unwraps a fixture value, failing the test with the source line when it is absent.
func need<T>(_ value: T?, _ line: Int = #line) throws -> T {
    guard let value else { throw FixtureMissing(what: "VerilogFixturesTests.swift:\(line)") }
    return value
}

enum VerilogFixtures {
    static func url(_ name: String) throws -> URL {
        let base = try need(Bundle.module.resourceURL)
        return base.appendingPathComponent("Fixtures/verilog/\(name)")
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: try url(name), encoding: .utf8)
    }

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: try url(name))
        return try need(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The spec's table of design d: rows a, columns b.
    static func specTable(_ d: Int) throws -> [[Int]] {
        let design = try need(try json("truth_tables.json")["design\(d)"] as? [String: Any])
        return try need(design["table"] as? [[Int]])
    }

    /// The LUT6_2/CARRY4 netlist of SMApprox design d, built from the JSON cell list.
    static func smapprox(_ d: Int) throws -> Netlist {
        let design = try need(try json("netlists.json")["design\(d)"] as? [String: Any])
        var names = ["const0", "const1"]
        var ids = ["const0": 0, "const1": 1]
        func net(_ name: String?) -> NetID? {
            guard let name else { return nil }
            if let id = ids[name] { return id }
            names.append(name)
            ids[name] = names.count - 1
            return names.count - 1
        }
        let a = (0..<4).compactMap { net("a\($0)") }, b = (0..<4).compactMap { net("b\($0)") }
        var cells: [Cell] = []
        for case let c as [String: Any] in try need(design["cells"] as? [Any]) {
            let name = try need(c["name"] as? String)
            let ins = try need(c["inputs"] as? [String: Any]), outs = try need(c["outputs"] as? [String: Any])
            if c["type"] as? String == "LUT6_2" {
                let lut = try need(LUTInit(hex: try need(c["init"] as? String)))
                let i = try (0..<6).map { try need(net(ins["I\($0)"] as? String)) }
                cells.append(Cell(name: name, kind: .lut6_2(lut), inputs: i,
                                  outputs: [net(outs["O5"] as? String), net(outs["O6"] as? String)]))
            } else {
                let di = try need(ins["DI"] as? [String]), s = try need(ins["S"] as? [String])
                let o = try need(outs["O"] as? [Any]), co = try need(outs["CO"] as? [Any])
                let i = try ([ins["CI"], ins["CYINIT"]].map { try need($0 as? String) } + di + s).map { try need(net($0)) }
                cells.append(Cell(name: name, kind: .carry4, inputs: i, outputs: (o + co).map { net($0 as? String) }))
            }
        }
        let outputs = try need(design["outputs"] as? [String: String])
        let p = try (0..<8).map { try need(net(outputs["p\($0)"])) }
        return try Netlist(netNames: names, operandA: Port(name: "a", nets: a), operandB: Port(name: "b", nets: b),
                           product: Port(name: "p", nets: p), cells: cells).validated()
    }

    /// A LUT-mapped design around SMApprox netlist d.
    static func smapproxDesign(_ d: Int) throws -> Design {
        Design(name: "smapprox4x4-\(d)", body: .netlists(NetlistViews(lut: try smapprox(d), gates: nil)))
    }
}

@Suite struct VerilogFixturesTests {
    /// The fixture loader must reproduce the specification's tables, or every later test is moot.
    @Test(arguments: 0..<4) func smapproxFixtureMatchesSpecTable(d: Int) throws {
        let table = try VerilogFixtures.smapprox(d).truthTable()
        let spec = try VerilogFixtures.specTable(d)
        for a in 0..<16 {
            for b in 0..<16 { #expect(Int(table[a, b]) == spec[a][b], "design \(d) a=\(a) b=\(b)") }
        }
    }
}
