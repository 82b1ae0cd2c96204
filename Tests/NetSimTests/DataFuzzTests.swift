import Foundation
import Testing
import TestSupport
@testable import NetSim

/// Mutated and truncated inputs must give a value or a `DataError`, never a trap or another error.
@Suite("Data readers on corrupted input")
struct DataFuzzTests {
    /// `count` variants of `valid`: random bytes overwritten, or the input cut at a random length.
    private func mutations(of valid: [UInt8], count: Int, seed: UInt64) -> [[UInt8]] {
        var rng = DatasetRNG(seed: seed)
        return (0..<count).map { i in
            if i % 3 == 0 { return Array(valid.prefix(rng.below(valid.count))) }
            var copy = valid
            for _ in 0...rng.below(4) { copy[rng.below(copy.count)] = UInt8(truncatingIfNeeded: rng.next()) }
            return copy
        }
    }

    /// Runs `body` on every mutation and counts how many were rejected with a `DataError`.
    private func rejected(_ inputs: [[UInt8]], _ body: (Data) throws -> Void) -> Int {
        var count = 0
        for input in inputs {
            do { try body(Data(input)) } catch is DataError { count += 1 } catch {
                Issue.record("unexpected error type: \(error)")
            }
        }
        return count
    }

    @Test func idxReaderSurvivesCorruption() {
        let valid: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2] + (1...8).map { UInt8($0) }
        #expect(rejected(mutations(of: valid, count: 300, seed: 1)) { _ = try IDXReader.parse($0, path: "f") } > 100)
    }

    @Test func safeTensorsReaderSurvivesCorruption() throws {
        let valid = [UInt8](try SafeTensors.encode([("a", [2], [1, 2]), ("b", [1, 1], [3])], metadata: ["k": "v"]))
        #expect(rejected(mutations(of: valid, count: 300, seed: 2)) { _ = try SafeTensors.decode($0, path: "f") } > 100)
    }

    @Test func npyArrayReaderSurvivesCorruption() {
        var header = Array("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }".utf8)
        while (10 + header.count + 1) % 16 != 0 { header.append(0x20) }
        header.append(0x0A)
        let valid = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header + [UInt8](repeating: 0x3F, count: 24)
        #expect(rejected(mutations(of: valid, count: 300, seed: 5)) {
            let a = try NPYArray.parse($0, path: "f")
            _ = try a.floats(path: "f")
        } > 100)
    }

    @Test(.needs(.python)) func pngDecoderSurvivesCorruption() throws {
        let folder = try pythonArrayFixtures()
        defer { folder.cleanUp() }
        let valid = [UInt8](try Data(contentsOf: folder.url.appendingPathComponent("png/type6.png")))
        #expect(rejected(mutations(of: valid, count: 300, seed: 6)) { _ = try PNGDecoder.decode($0, path: "f") } > 200)
    }

    @Test func csvReaderSurvivesCorruption() {
        let valid = Array("a,b,label\n1.5,-2,0\n3,4e1,1\n".utf8)
        #expect(rejected(mutations(of: valid, count: 300, seed: 3)) { _ = try CSVReader.parse($0, path: "f") } > 50)
    }

    @Test func gzipReaderSurvivesCorruption() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let valid = [UInt8](try Data(contentsOf: folder.gzip(folder.file("x", Array(repeating: 7, count: 500)))))
        let count = rejected(mutations(of: valid, count: 300, seed: 4)) { _ = try Gzip.decompress($0, limit: 1000, path: "f") }
        #expect(count > 50)
    }
}
