import Testing
@testable import Report

@Suite struct ReportSmokeTests {
    @Test func moduleLinks() { #expect(String(describing: Report.self) == "Report") }
}
