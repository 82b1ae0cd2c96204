import Circuits
import Foundation
import TableFormat
import Testing

/// Two's-complement designs (issue 18, part 5): the `operands` statement, signed table import in both
/// orders, compile to a two's-complement table, and signed-domain metrics.
@Suite struct SignedDesignTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-signed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Text of a 256 × 256 table in `order` (offset: row x + 128; pattern: row x & 255).
    static func text(order: SignedTableOrder, _ p: (Int, Int) -> Int) -> String {
        let values = order == .offset ? Array(-128...127) : Array(0...127) + Array(-128...(-1))
        return values.map { x in values.map { w in String(p(x, w)) }.joined(separator: ",") }.joined(separator: "\n")
    }

    /// A made-up signed multiplier: x·w + 3 when x is odd, as int16.
    static func odd(_ x: Int, _ w: Int) -> Int { x * w + (x & 1 == 1 ? 3 : 0) }

    /// `odd` written as a text table (offset order) and imported with --signed.
    static func oddDesign() throws -> Design {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("odd.txt")
        try text(order: .offset, odd).write(to: path, atomically: true, encoding: .utf8)
        return try TableExchange.importDesign(path: path.path, format: .text, name: "odd", signed: .offset)
    }

    @Test func bothOrdersImportToTheSameTwosComplementDesign() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var designs: [Design] = []
        for order in SignedTableOrder.allCases {
            let path = dir.appendingPathComponent("\(order.rawValue).txt")
            try Self.text(order: order, Self.odd).write(to: path, atomically: true, encoding: .utf8)
            designs.append(try TableExchange.importDesign(path: path.path, format: .text, name: "odd", signed: order))
        }
        #expect(designs[0].body == designs[1].body && designs[0].isSigned)
        guard case .table(let t) = designs[0].body else { Issue.record("not a table design"); return }
        // Row = pattern of x, value = 16-bit pattern of P: P(−1, 5) = −5 + 3 = −2 → 0xFFFE; P(2, −3) = −6 → 0xFFFA.
        #expect(t[255, 5] == 0xFFFE && t[2, 253] == 0xFFFA && t[128, 128] == 16_384 + 0)
        // The design file round-trips with its `operands` statement.
        let text = DesignWriter.text(for: designs[0])
        #expect(text.contains("operands twos-complement"))
        #expect(try DesignTestSupport.parse(text) == designs[0])
    }

    @Test func compiledSignedDesignStoresSignedProducts() throws {
        let design = try Self.oddDesign()
        let table = try TableCompiler.compile(design)   // the default sign-magnitude request yields two's complement
        #expect(table.encoding == .twosComplement)
        for x in -128...127 {
            for w in -128...127 where table[x & 255, w & 255] != Int64(Self.odd(x, w)) {
                Issue.record("P(\(x), \(w)) = \(table[x & 255, w & 255]), want \(Self.odd(x, w))")
                return
            }
        }
    }

    @Test func operandsStatementErrors() throws {
        let bad = "design d\noperands ones-complement\nformula exact width=4\n"
        #expect(throws: DesignError.self) { try DesignTestSupport.parse(bad) }
        do { _ = try DesignTestSupport.parse(bad) } catch {
            #expect("\(error)".contains("ones-complement"))
        }
        // Compositions and formulas are unsigned.
        #expect(throws: DesignError.self) { try DesignTestSupport.parse("design d\noperands twos-complement\nformula exact width=4\n") }
        #expect(try DesignTestSupport.parse("design d\noperands unsigned\nformula exact width=4\n").operands == .unsigned)
    }

    /// Signed-domain metrics of the made-up multiplier, from its formula: e = 3 for the 128 odd x (all w),
    /// so EP = 50 %, MAE = bias = 1.5, WCE = 3, SD = 1.5; MRE = mean over x·w ≠ 0 of 3·[x odd]/|x·w|.
    @Test func signedMetricsFollowTheFormula() throws {
        let design = try Self.oddDesign()
        let c = try Characteriser().characterise(design)
        let m = try #require(c.signed)
        #expect(m.epPct == 50 && m.mae == 1.5 && m.bias == 1.5 && m.wce == 3 && m.sd == 1.5)
        var rel = 0.0, pairs = 0
        for x in -128...127 where x != 0 {
            for w in -128...127 where w != 0 {
                pairs += 1
                if x & 1 == 1 { rel += 3 / Double(abs(x * w)) }
            }
        }
        #expect(abs(m.mrePct - 100 * rel / Double(pairs)) < 1e-12 * m.mrePct)
        #expect(c.magnitude == m && c.unsigned == m)
    }

    /// Sampled characterisation of a signed design samples two's-complement pairs: every estimate lies
    /// within four half-widths of its 95% interval of the exhaustive signed metric (seeded, so the check
    /// is deterministic), and read as unsigned patterns the errors would be thousands, not 3.
    @Test func sampledSignedMetricsEstimateTheExhaustiveOnes() throws {
        let design = try Self.oddDesign()
        let exact = try #require(try Characteriser().characterise(design).signed)
        let sampled = try Characteriser().characteriseSampled(design, samples: 20_000)
        let s = try #require(sampled.signed)
        #expect(sampled.unsigned == s && sampled.magnitude == s)
        for (name, e, x) in [("ep_pct", s.epPct, exact.epPct), ("mae", s.mae, exact.mae), ("mse", s.mse, exact.mse),
                             ("bias", s.bias, exact.bias), ("mre_pct", s.mrePct, exact.mrePct)] {
            let half = (e.high - e.low) / 2
            #expect(abs(e.estimate - x) <= 4 * half + 1e-12, "\(name): sampled \(e.estimate) ± \(half), exhaustive \(x)")
        }
        #expect(s.wceLowerBound == 3 && s.wceLowerBound <= exact.wce && s.wcrePctLowerBound <= exact.wcrePct)
    }

    /// export-lut's signed layout: npy int16 [a + 128, b + 128] (and text) that import-lut --signed reads
    /// back to the same table, in both orders.
    @Test func signedExportRoundTrips() throws {
        let design = try Self.oddDesign()
        guard case .table(let t) = design.body else { Issue.record("not a table design"); return }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in [TableExchangeFormat.npy, .text] {
            for order in SignedTableOrder.allCases {
                let data = try TableExchange.exportSigned(t, format: format, order: order)
                let path = dir.appendingPathComponent("odd-\(order.rawValue).\(format.rawValue)").path
                try data.write(to: URL(fileURLWithPath: path))
                let back = try TableExchange.importDesign(path: path, format: format, name: "odd", signed: order)
                #expect(back.body == design.body && back.isSigned, "\(format) \(order)")
            }
        }
        // npy, offset order: '<i2', entry [x + 128, w + 128] = odd(x, w) as int16.
        let npy = [UInt8](try TableExchange.exportSigned(t, format: .npy))
        let headerLength = Int(npy[8]) | Int(npy[9]) << 8
        #expect(String(decoding: npy[10..<(10 + headerLength)], as: UTF8.self).contains("'descr': '<i2'"))
        #expect(npy.count == 10 + headerLength + 2 * 65_536)
        for (x, w) in [(-1, 5), (2, -3), (-128, -128), (127, -128), (0, 0)] {
            let i = 10 + headerLength + 2 * ((x + 128) * 256 + (w + 128))
            #expect(Int(Int16(bitPattern: UInt16(npy[i]) | UInt16(npy[i + 1]) << 8)) == Self.odd(x, w), "P(\(x), \(w))")
        }
        #expect(throws: DesignError.self) { try TableExchange.exportSigned(t, format: .tfapprox) }
    }

    /// AdaPT's C header as its LUT_convert tool writes it (tools/LUT_convert.ipynb): `const int16_t lut [256][256]
    /// = {{…},` one row per line, rows and columns in two's-complement pattern order (its kernels index
    /// `lut[(uint8_t)a][(uint8_t)b]`, a = activation): `--format text --signed --order pattern` reads it.
    @Test func adaptHeaderImportsInPatternOrder() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let patterns = Array(0...127) + Array(-128...(-1))
        let rows = patterns.map { x in "{" + patterns.map { w in String(Self.odd(x, w)) }.joined(separator: ", ") + "}" }
        let header = "#include <stdint.h>\n\nconst int16_t lut [256][256] = {" + rows.joined(separator: ",\n") + "};\n"
        let path = dir.appendingPathComponent("odd.h")
        try header.write(to: path, atomically: true, encoding: .utf8)
        let adapt = try TableExchange.importDesign(path: path.path, format: .text, name: "odd", signed: .pattern)
        #expect(adapt.body == (try Self.oddDesign()).body)
    }
}
