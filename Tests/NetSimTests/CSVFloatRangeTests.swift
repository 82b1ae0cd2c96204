import Foundation
import Testing
@testable import NetSim

/// Issue 16, class 7: a CSV value beyond Float32 (1e39) is refused at its line and column instead of
/// surfacing later as −Inf in layer 0.
@Suite struct CSVFloatRangeTests {
    @Test func valueOutsideFloatRangeNamesLineAndColumn() {
        do {
            _ = try CSVReader.parse(Data("a,b,label\n1,2,0\n3,-1e39,1\n".utf8), path: "big.csv")
            Issue.record("accepted 1e39")
        } catch let error as DataError {
            #expect(error.line == 3)
            #expect(error.message.contains("column 2"), "\(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
