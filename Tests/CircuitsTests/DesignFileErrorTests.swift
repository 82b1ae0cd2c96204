import Testing
@testable import Circuits

/// Broken design files: each gives the expected message at the expected file:line:column.
@Suite struct DesignFileErrorTests {
    /// A one-bit AND multiplier, used as the valid base the broken files are edited from.
    static let header = "design t\ninputs a[2] b[2]\noutput p[4]\n"

    /// The 1-based column of `needle` in line `line` of `text` (found by plain string search).
    private func column(of needle: String, line: Int, in text: String) -> Int {
        let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        guard let range = lineText.range(of: needle) else { return -1 }
        return lineText.distance(from: lineText.startIndex, to: range.lowerBound) + 1
    }

    /// Parses `text`, expects an error at line:column (column of `at` in that line) whose text contains `message`.
    private func expectError(_ text: String, line: Int, at needle: String, _ message: String,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try DesignTestSupport.parse(text)
            Issue.record("parsed without error; expected '\(message)'", sourceLocation: sourceLocation)
        } catch {
            let expected = "t.axd:\(line):\(column(of: needle, line: line, in: text)): "
            #expect(error.description.hasPrefix(expected), "got: \(error.description)", sourceLocation: sourceLocation)
            #expect(error.description.contains(message), "got: \(error.description)", sourceLocation: sourceLocation)
        }
    }

    @Test func missingDesignStatement() {
        expectError("inputs a[4] b[4]\n", line: 1, at: "inputs", "expected 'design <name>' as the first statement, found 'inputs'")
    }

    @Test func unknownStatement() {
        expectError("design t\n  wire x\n", line: 2, at: "wire", "expected a statement")
    }

    @Test func malformedPort() {
        expectError("design t\ninputs a4 b[4]\n", line: 2, at: "a4", "expected a port 'name[width]'")
    }

    @Test func zeroPortWidth() {
        expectError("design t\ninputs a[0] b[4]\n", line: 2, at: "0]", "invalid port width '0'")
    }

    @Test func unterminatedString() {
        expectError("design t\nsummary \"oops\n", line: 2, at: "\"", "closing '\"'")
    }

    @Test func unknownCellType() {
        let text = Self.header + "view gates\n  cell g1 ANDD a0 b0 -> p0\nend\n"
        expectError(text, line: 5, at: "ANDD", "cell 'g1' has unknown type 'ANDD'")
    }

    @Test func badLUTInit() {
        let text = Self.header + "view lut\n  cell l1 LUT6 INIT=XYZ I0=a0 I1=b0 I2=0 I3=0 I4=0 I5=0 O=p0\nend\n"
        expectError(text, line: 5, at: "XYZ", "invalid INIT 'XYZ'")
    }

    @Test func undrivenNet() {
        let text = Self.header + "view gates\n  cell g1 AND a0 q -> x\n  assign p = x 0 0 0\nend\n"
        expectError(text, line: 5, at: "cell", "net 'q' read by cell 'g1' is never driven")
    }

    @Test func combinationalCycle() {
        let text = Self.header + "view gates\n  cell g1 AND a0 y -> x\n  cell g2 AND b0 x -> y\n  assign p = x 0 0 0\nend\n"
        do {
            _ = try DesignTestSupport.parse(text)
            Issue.record("cycle not reported")
        } catch {
            #expect(error.description.contains("combinational cycle through cells"))
            #expect(error.description.hasPrefix("t.axd:5:3: ") || error.description.hasPrefix("t.axd:6:3: "))
        }
    }

    @Test func multipleDrivers() {
        let text = Self.header + "view gates\n  cell g1 AND a0 b0 -> x\n  cell g2 OR a0 b0 -> x\n  assign p = x 0 0 0\nend\n"
        expectError(text, line: 6, at: "cell", "net 'x' is driven by 2 sources (g1, g2)")
    }

    @Test func missingEnd() {
        let text = Self.header + "view gates\n  assign p = x 0 0 0\n  cell g1 AND a0 b0 -> x\n"
        expectError(text, line: 6, at: "x", "expected 'end' closing the 'view gates' opened at line 4, found end of file")
    }

    @Test func unassignedOutputBit() {
        let text = Self.header + "view gates\n  cell g1 AND a0 b0 -> x\n  assign p0 = x\nend\n"
        expectError(text, line: 7, at: "end", "expected 'assign p1 = <net>' or a cell driving p1")
    }

    @Test func wrongArity() {
        let text = Self.header + "view gates\n  cell h HA a0 -> s c\n  assign p = s c 0 0\nend\n"
        expectError(text, line: 5, at: "cell", "cell 'h': HA inputs expects 2 nets, found 1")
    }

    @Test func gateInLUTView() {
        let text = Self.header + "view lut\n  cell g AND a0 b0 -> p0\nend\n"
        expectError(text, line: 5, at: "AND", "in 'view lut'")
    }

    @Test func unknownPin() {
        let text = Self.header + "view lut\n  cell c CARRY4 CI=0 CYINIT=0 DX=a0 S=a0,a1,b0,b1 O=p0,p1,p2,p3\nend\n"
        expectError(text, line: 5, at: "DX", "expected a pin of CARRY4")
    }

    @Test func missingLUTInput() {
        let text = Self.header + "view lut\n  cell l LUT6 INIT=8 I0=a0 I1=b0 O=p0\nend\n"
        expectError(text, line: 5, at: "l LUT6", "expected input pin I2 of cell 'l'")
    }

    @Test func unknownComposeBlock() {
        expectError("design t\ncompose ll=nosuch hl=exact4 lh=exact4 hh=exact4\n", line: 2, at: "nosuch", "unknown design 'nosuch'")
    }

    @Test func mismatchedBlockWidths() {
        expectError("design t\ncompose ll=exact4 hl=exact8 lh=exact4 hh=exact4\n", line: 2, at: "compose", "all four blocks must be NxN")
    }

    @Test func missingComposeBlock() {
        expectError("design t\ncompose ll=exact4 hl=exact4 lh=exact4\n", line: 2, at: "compose", "expected all four blocks ll, hl, lh, hh, found no hh")
    }

    @Test func unknownFormulaFamily() {
        expectError("design t\nformula drumm width=8\n", line: 2, at: "drumm", "expected a formula family")
    }

    @Test func formulaParameterOutOfRange() {
        expectError("design t\nformula drum width=8 k=9\n", line: 2, at: "9", "invalid k '9': k is 1 to the width (8)")
    }

    @Test func twoBodies() {
        expectError("design t\nformula exact width=4\ncompose ll=exact4 hl=exact4 lh=exact4 hh=exact4\n", line: 3,
                    at: "compose", "one body per design")
    }

    @Test func noBody() {
        expectError("design t\nsummary \"x\"\n", line: 2, at: "\"", "expected a body")
    }

    @Test func tableRowTooShort() {
        let text = "design t\ninputs a[1] b[1]\noutput p[2]\ntable\n0 0\n0\nend\n"
        expectError(text, line: 6, at: "0", "expected 2 values in each table row, found 1")
    }

    @Test func tableEntryTooWide() {
        let text = "design t\ninputs a[1] b[1]\noutput p[2]\ntable\n0 0\n0 4\nend\n"
        expectError(text, line: 6, at: "4", "invalid table entry '4'")
    }

    @Test func declaredWidthsDisagreeWithBody() {
        expectError("design t\ninputs a[4] b[4]\noutput p[8]\nformula exact width=8\n", line: 2, at: "inputs", "invalid declared widths")
    }

    @Test func badNetName() {
        let text = Self.header + "view gates\n  cell g AND a0 b-0 -> p0\nend\n"
        expectError(text, line: 5, at: "b-0", "expected a net name")
    }

    @Test func viewBeforePorts() {
        expectError("design t\nview gates\nend\n", line: 2, at: "view", "'inputs' and 'output' declared before the first 'view'")
    }
}
