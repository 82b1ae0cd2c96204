import Foundation
import Testing
@testable import TableFormat

/// The cost keys of version-2 files, and reading version-1 files (docs/table-format.md, "Cost keys").
@Suite struct TableCostTests {
    func table() throws -> LookupTable {
        try LookupTable(name: "m", widthA: 2, widthB: 2, outputType: .uint16, values: (0..<16).map { Int64(($0 >> 2) * ($0 & 3)) })
    }

    /// Bytes of `t` relabelled as `version`, with the checksum recomputed (what an older or newer writer makes).
    func bytes(_ t: LookupTable, version: UInt8) -> [UInt8] {
        var b = t.serialized()
        b[8] = version
        let sum = LookupTable.checksum(of: b)
        for k in 0..<8 { b[40 + k] = UInt8(truncatingIfNeeded: sum >> UInt64(8 * k)) }
        return b
    }

    @Test func costRoundTripsBitIdentically() throws {
        var t = try table()
        // 0.1 + 0.2 is not 0.3: the shortest round-trip text must still give the same bits back.
        let cost = TableCost(luts: 48, carryCells: 3, lutLevels: 4, delayNs: 2.15, powerMw: 0.1 + 0.2, powerRel: 0.6153846153846154,
                             source: "lut-mapping")
        t.setCost(cost, unknownReason: "", sourceHash: 0x0123_4567_89AB_CDEF)
        let back = try LookupTable(bytes: t.serialized())
        #expect(back.cost == cost)
        #expect(back.cost?.powerMw.bitPattern == (0.1 + 0.2).bitPattern)
        #expect(back.sourceHash == 0x0123_4567_89AB_CDEF)
        #expect(back.costUnknownReason == nil)
        #expect(back.metadata["cost_luts"] == "48" && back.metadata["source_hash"] == "0x0123456789abcdef")
    }

    @Test func missingCostCarriesItsReason() throws {
        var t = try table()
        t.setCost(nil, unknownReason: "an imported table has no circuit", sourceHash: nil)
        let back = try LookupTable(bytes: t.serialized())
        #expect(back.cost == nil)
        #expect(back.costUnknownReason == "an imported table has no circuit")
    }

    @Test func versionOneFilesAreReadWithoutCost() throws {
        let v1 = try LookupTable(bytes: bytes(try table(), version: 1))
        #expect(v1.formatVersion == 1)
        #expect(v1.values == (try table()).values)
        #expect(v1.cost == nil)
        #expect(v1.costUnknownReason?.contains("version 1") == true)
        let v3 = bytes(try table(), version: 3)
        do { _ = try LookupTable(bytes: v3); Issue.record("accepted version 3") } catch {
            guard case .unsupportedVersion(_, 3) = error else { Issue.record("wrong error \(error)"); return }
        }
    }

    @Test func malformedCostKeysAreRejected() throws {
        for (key, value) in [("cost_luts", "-1"), ("cost_power_mw", "nan"), ("cost_delay_ns", "fast"), ("source_hash", "0x12")] {
            var t = try table()
            t.setCost(TableCost(luts: 1, carryCells: 0, lutLevels: 1, delayNs: 0.4, powerMw: 0.1, powerRel: nil, source: "x"),
                      unknownReason: "", sourceHash: 1)
            t.metadata[key] = value
            do { _ = try LookupTable(bytes: t.serialized()); Issue.record("accepted \(key)=\(value)") } catch {
                guard case .invalidHeader(_, let field, _, _) = error, field.contains(key) else { Issue.record("wrong error \(error)"); return }
            }
        }
        var partial = try table()
        partial.metadata["cost_luts"] = "5"
        #expect(throws: TableFileError.self) { try LookupTable(bytes: partial.serialized()) }
    }
}
