import Testing
@testable import Circuits

/// Features of the design-file format and the writer's round trip.
@Suite struct DesignFormatTests {
    /// A 2x2 exact multiplier written with every gate-view convenience: bit refs, implicit outputs, per-bit assign.
    static let twoByTwo = """
    # 2x2 exact multiplier
    design m2
    summary "two by two"   # trailing comment
    inputs x[2] y[2]
    output q[4]
    view gates
      cell g0 AND x[0] y[0] -> q0           # drives output bit q0 directly
      cell g1 AND x1 y0 -> t1
      cell g2 AND x0 y1 -> t2
      cell h1 HA t1 t2 -> s1 c1
      cell g3 AND x[1] y[1] -> t3
      cell h2 HA t3 c1 -> q2 q3
      assign q[1] = s1
    end
    """

    @Test func gateViewConveniences() throws {
        let design = try DesignTestSupport.parse(Self.twoByTwo)
        #expect(design.name == "m2" && design.summary == "two by two" && design.kind == "gates")
        #expect(design.gateNetlist?.operandA.name == "x")
        for a in 0..<4 {
            for b in 0..<4 { #expect(try design.truthTable()[a, b] == UInt32(a * b)) }
        }
    }

    /// LUT6 named pins: INIT 0x8 is 1 only at address 3 (I0 = I1 = 1): an AND of a0 and b0.
    @Test func lutNamedPinsFollowInitBitOrder() throws {
        let text = "design l\ninputs a[1] b[1]\noutput p[1]\nview lut\n  cell l LUT6 INIT=0000000000000008 I0=a0 I1=b0 I2=0 I3=0 I4=0 I5=0 O=p0\nend\n"
        let table = try DesignTestSupport.parse(text).truthTable()
        #expect(table.values == [0, 0, 0, 1])
    }

    @Test func tableBodyReadsRowsAsFirstOperand() throws {
        let text = "design t\ninputs a[1] b[2]\noutput p[3]\ntable\n0 1 2 3\n4 5 6 7\nend\n"
        let table = try DesignTestSupport.parse(text).truthTable()
        #expect(table[0, 3] == 3 && table[1, 0] == 4 && table[1, 2] == 6)
    }

    /// Writer output parses back to the same function and is a fixed point (write ∘ parse ∘ write = write).
    @Test(arguments: ["smapprox4x4-0", "smapprox4x4-1", "smapprox4x4-2", "smapprox4x4-3", "exact4", "exact8",
                      "smapprox8x8-3330", "mitchell8", "drum8-k3", "truncated8-t5", "kulkarni8"])
    func writerRoundTripsBuiltins(name: String) throws {
        let design = try BuiltinDesigns.design(named: name)
        let text = DesignWriter.text(for: design)
        let reparsed = try DesignTestSupport.parse(text)
        #expect(reparsed.name == design.name && reparsed.kind == design.kind && reparsed.summary == design.summary)
        #expect(try reparsed.truthTable() == design.truthTable())
        if let lut = design.lutNetlist, let lut2 = reparsed.lutNetlist {
            #expect(lut.cells.map(\.kind) == lut2.cells.map(\.kind))
        }
        #expect(DesignWriter.text(for: reparsed) == text)
    }

    @Test func writerRoundTripsTablesAndOddNetNames() throws {
        let table = TruthTable(widthA: 2, widthB: 3, outputWidth: 5) { a, b in (a * 7 + b * 3) % 32 }
        let tableDesign = Design(name: "imported", summary: "from \"elsewhere\"", body: .table(table))
        let back = try DesignTestSupport.parse(DesignWriter.text(for: tableDesign))
        #expect(back.body == .table(table))
        // Net names that are not identifiers, collide with operand bits or look like constants get renamed.
        let names = ["const0", "const1", "in a", "in b", "a0", "1", "x[2]", "x[2]"]
        let cells = [Cell(name: "u 1", kind: .and, inputs: [2, 3], outputs: [4]),
                     Cell(name: "u 1", kind: .xor, inputs: [2, 3], outputs: [5]),
                     Cell(name: "u3", kind: .halfAdder, inputs: [4, 5], outputs: [6, 7])]
        let netlist = Netlist(netNames: names, operandA: Port(name: "A", nets: [2]), operandB: Port(name: "B", nets: [3]),
                              product: Port(name: "P", nets: [6, 7]), cells: cells)
        let design = Design(name: "odd", body: .netlists(NetlistViews(lut: nil, gates: netlist)))
        let text = DesignWriter.text(for: design)
        let reparsed = try DesignTestSupport.parse(text)
        #expect(try reparsed.truthTable() == design.truthTable(), "\(text)")
    }

    @Test func designCheckReportsFirstDifferingPair() throws {
        // lut view: AND (INIT 8); gates view: XOR. They first differ at a=0, b=1 (AND 0, XOR 1).
        let text = """
        design bad
        inputs a[1] b[1]
        output p[1]
        view lut
          cell l LUT6 INIT=8 I0=a0 I1=b0 I2=0 I3=0 I4=0 I5=0 O=p0
        end
        view gates
          cell g XOR a0 b0 -> p0
        end
        """
        let report = try DesignCheck.check(try DesignTestSupport.parse(text))
        #expect(!report.passed)
        #expect(report.mismatch == CheckReport.Mismatch(a: 0, b: 1, lut: 0, gates: 1))
        let good = try DesignCheck.check(try BuiltinDesigns.design(named: "smapprox4x4-3"))
        #expect(good.passed && good.pairs == 256 && good.views == ["lut", "gates"])
    }

    @Test func npyHeaderIsAlignedAndLittleEndian() throws {
        let table = TruthTable(widthA: 1, widthB: 1, outputWidth: 9) { a, b in a == 1 && b == 1 ? 258 : 0 }
        let data = [UInt8](table.npyData())
        #expect(Array(data[0..<8]) == [0x93, 78, 85, 77, 80, 89, 1, 0])     // \x93NUMPY v1.0
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: data[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.contains("'descr': '<u4'") && header.contains("'shape': (2, 2)") && header.hasSuffix("\n"))
        #expect(Array(data[(10 + headerLength + 12)...]) == [2, 1, 0, 0])     // entry (1,1) = 258 = 0x0102
    }
}
