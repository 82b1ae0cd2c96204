import Testing
@testable import Circuits

@Suite struct CharacterisationReportTests {
    @Test func paretoFlagsByHand() {
        // (power, error): (1, 5) and (2, 1) are optimal; (2, 5) is dominated by both; (3, 1) by (2, 1); nil never.
        let flags = ParetoFront.flags([(1, 5), (2, 1), (2, 5), (3, 1), nil, (1, 5)])
        #expect(flags == [true, true, false, false, false, true])
    }

    @Test func sortKeysAndTable() throws {
        let m2 = Design(name: "k2", body: .formula(.kulkarni(width: 4)))
        let ex = Design(name: "ex", body: .formula(.exact(width: 4)))
        let results = try [m2, ex].map { try Characteriser().characterise($0) }
        #expect(CharacterisationReport.isValidSortKey("unsigned.mae"))
        #expect(CharacterisationReport.isValidSortKey("power_rel"))
        #expect(!CharacterisationReport.isValidSortKey("speed"))
        let sorted = CharacterisationReport.rows(results, sortKey: "mre_pct").map(\.0.name)
        #expect(sorted == ["ex", "k2"])
        let text = CharacterisationReport.text(results, sortKey: "name")
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("ex ") && lines[2].hasPrefix("k2 "))
        #expect(Set(lines.map(\.count)).count == 1)   // aligned columns
    }
}
