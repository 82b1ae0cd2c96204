import Foundation
import Testing
@testable import NetSim
#if canImport(Glibc)
import Glibc
#endif

/// Hostile data folders (issue 25): non-finite values in `.npy` inputs and CSV rows are refused with
/// the sample or line; PNG class folders never lead the reader out of the folder or into a FIFO.
@Suite struct DataFolderHostileTests {
    /// A version 1.0 `.npy` file of little-endian float32 (or int64 with `labels`).
    static func npy(shape: [Int], floats: [Float]) -> Data {
        npy(descr: "<f4", shape: shape, payload: floats.flatMap { f in withUnsafeBytes(of: f.bitPattern.littleEndian) { Array($0) } })
    }

    static func npy(labels: [Int64]) -> Data {
        npy(descr: "<i8", shape: [labels.count], payload: labels.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } })
    }

    static func npy(descr: String, shape: [Int], payload: [UInt8]) -> Data {
        let dims = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var h = Array("{'descr': '\(descr)', 'fortran_order': False, 'shape': \(dims), }".utf8)
        while (10 + h.count + 1) % 16 != 0 { h.append(0x20) }
        h.append(0x0A)
        return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(h.count & 0xFF), UInt8(h.count >> 8)] + h + payload)
    }

    @Test func finiteNPYInputsStillRead() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        try Self.npy(shape: [3, 2], floats: [0, 1, 2, 3, 4, 5]).write(to: folder.url.appendingPathComponent("test_x.npy"))
        try Self.npy(labels: [0, 1, 0]).write(to: folder.url.appendingPathComponent("test_y.npy"))
        let (_, test, testOnly) = try ArrayFolderReader.readNPY(folder.url)
        #expect(test.values == [0, 1, 2, 3, 4, 5] && testOnly)
    }

    /// Issue 25: NaN/Inf in `.npy` pixels were accepted and reported as an accuracy. Property: a random
    /// non-finite value at a random element is refused, naming the file, the sample and the element.
    @Test func randomNonFiniteNPYInputsAreAlwaysRefused() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = SplitMix64(seed: seed)
        let bad: [Float] = [.nan, -.nan, .infinity, -.infinity, Float(bitPattern: 0x7F80_0001)]
        for trial in 0..<30 {
            let samples = 1 + Int(rng.next() % 6), width = 1 + Int(rng.next() % 5)
            var x = (0..<samples * width).map { _ in Float(Int(rng.next() % 512)) / 256 }
            let k = Int(rng.next() % UInt64(x.count))
            x[k] = bad[Int(rng.next() % UInt64(bad.count))]
            let part = rng.next() % 2 == 0 ? "test" : "train"
            for p in ["test", "train"] {
                try Self.npy(shape: [samples, width], floats: p == part ? x : [Float](repeating: 0.5, count: x.count))
                    .write(to: folder.url.appendingPathComponent("\(p)_x.npy"))
                try Self.npy(labels: (0..<samples).map { Int64($0 % 2) }).write(to: folder.url.appendingPathComponent("\(p)_y.npy"))
            }
            let error = dataError { _ = try ArrayFolderReader.readNPY(folder.url) }
            #expect(error?.kind == .notNumeric, "seed \(seed), trial \(trial): \(String(describing: error))")
            #expect(error?.file.hasSuffix("\(part)_x.npy") == true, "seed \(seed), trial \(trial)")
            #expect(error?.message.contains("sample \(k / width) ") == true && error?.message.contains("element \(k % width);") == true,
                    "seed \(seed), trial \(trial): \(String(describing: error))")
        }
    }

    @Test func nonFiniteCSVCellsNameTheLine() throws {
        for cell in ["nan", "inf", "-inf", "NaN", "1e999"] {
            let error = dataError { _ = try CSVReader.parse(Data("a,b,label\n1,2,0\n3,\(cell),1\n".utf8), path: "d.csv") }
            #expect(error?.kind == .notNumeric && error?.line == 3, "\(cell): \(String(describing: error))")
        }
    }

    /// Issue 25: PNG class folders are read through `InputFile.bytes(_:inside:)`: links out of the
    /// folder (file or class folder) and FIFOs are refused, without blocking.
    @Test func pngClassFoldersStayInsideAndNeverOpenAFIFO() throws {
        let root = try DataTestFolder()
        defer { root.cleanUp() }
        let fm = FileManager.default
        let outside = root.url.appendingPathComponent("outside")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: outside.appendingPathComponent("secret.png"))
        let cases: [(String, (URL) throws -> Void, String)] = [
            ("file link", { d in
                try fm.createDirectory(at: d.appendingPathComponent("cat"), withIntermediateDirectories: true)
                #expect(symlink(outside.appendingPathComponent("secret.png").path, d.appendingPathComponent("cat/a.png").path) == 0)
            }, "outside the folder"),
            ("relative link", { d in
                try fm.createDirectory(at: d.appendingPathComponent("cat"), withIntermediateDirectories: true)
                #expect(symlink("../../outside/secret.png", d.appendingPathComponent("cat/a.png").path) == 0)
            }, "outside the folder"),
            ("class folder link", { d in
                #expect(symlink(outside.path, d.appendingPathComponent("cat").path) == 0)
            }, "outside the folder"),
            ("fifo", { d in
                try fm.createDirectory(at: d.appendingPathComponent("cat"), withIntermediateDirectories: true)
                #expect(mkfifo(d.appendingPathComponent("cat/a.png").path, 0o644) == 0)
            }, "not a regular file"),
        ]
        for (k, (name, make, expected)) in cases.enumerated() {
            let data = root.url.appendingPathComponent("data\(k)")
            try fm.createDirectory(at: data, withIntermediateDirectories: true)
            try make(data)
            let start = Date()
            let error = dataError { _ = try ArrayFolderReader.readImages(data) }
            #expect(error?.kind == .io && error?.message.contains(expected) == true, "\(name): \(String(describing: error))")
            #expect(Date().timeIntervalSince(start) < 10, "\(name)")
        }
    }
}
