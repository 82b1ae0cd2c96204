import Foundation
import Testing
@testable import Circuits

/// Inputs that crashed a parser under libFuzzer (scripts/fuzz), kept under Tests/CircuitsTests/Regressions/.
/// Each must now be answered with the parser's typed error, never a trap.
@Suite struct FuzzRegressionTests {
    static func regression(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions/\(name)").path
    }

    /// npy header with shape (2999990000000, 2999999000): the entry count overflowed Int and trapped.
    @Test func npyShapeOverflowIsATypedError() throws {
        let path = Self.regression("npy-shape-overflow.npy")
        #expect(FileManager.default.fileExists(atPath: path))
        do {
            _ = try TableExchange.importDesign(path: path, format: .npy, name: "fuzz")
            Issue.record("an npy header promising 9·10^21 entries was accepted")
        } catch {
            #expect(error.description.contains("npy shape"))
        }
    }

    /// npy header with shape (146116787910242758, 0): zero entries passed the size checks and the
    /// row loop allocated 2 GB of empty rows (libFuzzer out-of-memory, CI 2026-11-22).
    @Test func npyZeroDimensionIsATypedError() throws {
        let path = Self.regression("npy-zero-dimension.npy")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count == 128)
        do {
            _ = try TableImport.npy(bytes, path: path)
            Issue.record("an npy shape with a zero dimension was accepted")
        } catch {
            #expect(error.description.contains("npy shape"))
        }
    }

    /// A negative dimension must not reach the row loop.
    @Test func npyNegativeShapeIsATypedError() {
        var header = "{'descr': '<u4', 'fortran_order': False, 'shape': (-4, -4), }"
        header += String(repeating: " ", count: 117 - header.count) + "\n"
        let bytes = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8) + [UInt8](repeating: 0, count: 64)
        #expect(throws: DesignError.self) { try TableImport.npy(bytes, path: "neg.npy") }
    }
}
