import Foundation
import Testing
@testable import TableFormat

@Suite struct LookupTableTests {
    /// A 3x2 table whose values are a·b − 3 (so negatives appear), rows = first operand.
    func sample(type: OutputType = .int32) throws -> LookupTable {
        var values: [Int64] = []
        for a in 0..<8 { for b in 0..<4 { values.append(Int64(a * b - 3)) } }
        return try LookupTable(name: "sample", widthA: 3, widthB: 2, encoding: .twosComplement, outputType: type,
                               metadata: ["route": "block4", "source": "test"], values: values)
    }

    @Test func fnvMatchesPublishedVectors() {
        // Reference values from the FNV specification's test suite (FNV-1a, 64 bit).
        #expect(FNV1a64.hash([UInt8]()) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    @Test func roundTripPreservesEverything() throws {
        for type in [OutputType.int16, .int32, .int64] {
            let t = try sample(type: type)
            let back = try LookupTable(bytes: t.serialized())
            #expect(back == t)
            #expect(back[5, 3] == 12)
            #expect(back.metadata["route"] == "block4")
        }
    }

    @Test func headerLayoutIsAsDocumented() throws {
        let bytes = try sample().serialized()
        #expect(Array(bytes[0..<5]) == Array("AXLUT".utf8))
        #expect(bytes[8] == 2 && bytes[9] == 0)          // version 2, little-endian
        #expect(bytes[10] == 3 && bytes[11] == 2)        // widths
        #expect(bytes[12] == 2 && bytes[13] == 0 && bytes[14] == 4)
        // 48 header + 6 name + "route=block4\nsource=test\n" (25) + 32 values × 4 bytes
        #expect(bytes.count == 48 + 6 + 25 + 128)
        // value index 1 = a0·b1 − 3 = −3 as int32 LE
        let o = 48 + 6 + 25 + 4
        #expect(Array(bytes[o..<o + 4]) == [0xFD, 0xFF, 0xFF, 0xFF])
    }

    @Test func secondOperandRowsIndexTransposed() throws {
        var values = [Int64](repeating: 0, count: 32)
        for a in 0..<8 { for b in 0..<4 { values[b << 3 | a] = Int64(10 * a + b) } }
        let t = try LookupTable(name: "t", widthA: 3, widthB: 2, rowOperand: .second, outputType: .uint16, values: values)
        #expect(t[6, 1] == 61)
    }

    @Test func corruptionIsDetected() throws {
        var bytes = try sample().serialized()
        bytes[bytes.count - 3] ^= 0x10
        #expect(throws: TableFileError.self) { try LookupTable(bytes: bytes) }
        do { _ = try LookupTable(bytes: bytes); Issue.record("accepted a corrupted file") } catch {
            guard case .checksumMismatch = error else { Issue.record("wrong error \(error)"); return }
        }
    }

    @Test func truncationIsRejected() throws {
        let bytes = try sample().serialized()
        for cut in [0, 7, 20, 47, 60, bytes.count - 1] {
            do { _ = try LookupTable(bytes: Array(bytes[0..<cut])); Issue.record("accepted \(cut) bytes") } catch {
                switch error {
                case .truncated, .notATableFile: break
                default: Issue.record("cut \(cut): unexpected \(error)")
                }
            }
        }
        do { _ = try LookupTable(bytes: bytes + [0]); Issue.record("accepted trailing byte") } catch {
            guard case .trailingBytes = error else { Issue.record("unexpected \(error)"); return }
        }
    }

    @Test func mismatchAndRangeErrors() throws {
        let t = try sample()
        #expect(throws: TableFileError.self) { try t.require(widthA: 8, widthB: 8, encoding: .twosComplement, path: "x") }
        #expect(throws: TableFileError.self) { try t.require(widthA: 3, widthB: 2, encoding: .unsigned, path: "x") }
        #expect(throws: TableFileError.self) {
            try LookupTable(name: "n", widthA: 1, widthB: 1, outputType: .uint16, values: [0, 1, 2, -1])
        }
    }

    @Test func fileWriteIsAtomicAndReadable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axlut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.axlut").path
        let t = try sample()
        try t.write(to: path)
        #expect(try LookupTable(contentsOf: path) == t)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["t.axlut"])
        #expect(throws: TableFileError.self) { try LookupTable(contentsOf: dir.appendingPathComponent("none").path) }
    }
}
