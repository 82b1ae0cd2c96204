import Foundation
import Testing
@testable import NetSim

@Suite("CSV reader")
struct CSVReaderTests {
    private func parse(_ text: String, classCount: Int? = nil) throws -> LabeledData {
        try CSVReader.parse(Data(text.utf8), path: "t.csv", classCount: classCount)
    }

    @Test func readsHeaderFeaturesAndLabels() throws {
        let data = try parse("a,b,label\r\n1,2,0\r\n3, 4.5 ,1\r\n\n-1e2,0.25,1\n")
        #expect(data.sampleShape == [2])
        #expect(data.values == [1, 2, 3, 4.5, -100, 0.25])
        #expect(data.labels == [0, 1, 1])
        #expect(data.classCount == 2)
    }

    @Test func readsTableWithoutHeader() throws {
        let data = try parse("1,2,3\n4,5,0")
        #expect(data.values == [1, 2, 4, 5])
        #expect(data.labels == [3, 0])
        #expect(data.classCount == 4)
    }

    @Test func raggedRowIsRejectedWithLine() {
        let error = dataError { _ = try parse("a,b,label\n1,2,0\n3,1\n") }
        #expect(error?.kind == .raggedRow)
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("t.csv:3: the row has 2 columns but the table has 3.") == true)
    }

    @Test func nonNumericCellIsRejectedWithLineAndValue() {
        let error = dataError { _ = try parse("a,b,label\n1,2,0\n3,x7,1\n") }
        #expect(error?.kind == .notNumeric)
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("t.csv:3: column 2 holds 'x7'") == true)
        #expect(dataError { _ = try parse("1,2,0\n3,4abc,1\n") }?.kind == .notNumeric)
        #expect(dataError { _ = try parse("1,,0\n") }?.kind == .notNumeric)
        #expect(dataError { _ = try parse("1,2,0\n1,2,\n3,4,0\n") }?.line == 2)
        #expect(dataError { _ = try parse("1,nan,0\n") }?.kind == .notNumeric)
    }

    @Test func labelOutOfRangeIsRejected() {
        #expect(dataError { _ = try parse("1,2,-1\n") }?.kind == .labelOutOfRange)
        #expect(dataError { _ = try parse("1,2,0.5\n") }?.kind == .labelOutOfRange)
        let error = dataError { _ = try parse("1,2,0\n1,2,2\n", classCount: 2) }
        #expect(error?.kind == .labelOutOfRange)
        #expect(error?.line == 2)
    }

    @Test func emptyTableIsRejected() {
        #expect(dataError { _ = try parse("a,b,label\n") }?.kind == .malformed)
        #expect(dataError { _ = try parse("") }?.kind == .malformed)
    }

    @Test func readsGzipFile() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let plain = try folder.file("t.csv", text: "x,label\n0.5,1\n2,0\n")
        let data = try CSVReader.read(folder.gzip(plain))
        #expect(data.values == [0.5, 2])
        #expect(data.labels == [1, 0])
    }
}
