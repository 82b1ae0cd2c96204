import Foundation
import Testing
import TestSupport
@testable import NetSim

/// Runs Tests/Fixtures/data/make_arrays.py (numpy + zlib) under the project's Python into a fresh folder.
/// Tests that call it carry `.needs(.python)`.
func pythonArrayFixtures() throws -> DataTestFolder {
    let folder = try DataTestFolder()
    do {
        try Python.require("Fixtures/data/make_arrays.py", [folder.url.path])
    } catch {
        folder.cleanUp()
        throw error
    }
    return folder
}

/// Pixel (y, x, c) of fixture image k, as make_arrays.py defines it.
private func fixturePixel(_ y: Int, _ x: Int, _ c: Int, _ k: Int) -> UInt8 { UInt8((31 * y + 17 * x + 59 * c + 13 * k) % 256) }

@Suite("Array folders: .npy arrays and PNG class folders, against files written by numpy/zlib")
struct ArrayFolderTests {
    @Test(.needs(.python)) func pngColourTypesAndFiltersDecode() throws {
        let folder = try pythonArrayFixtures()
        defer { folder.cleanUp() }
        for (type, channels) in [(0, 1), (4, 2), (2, 3), (6, 4)] {
            let image = try PNGDecoder.read(folder.url.appendingPathComponent("png/type\(type).png"))
            #expect(image.width == 7 && image.height == 5 && image.channels == channels)
            var expected: [UInt8] = []
            for y in 0..<5 { for x in 0..<7 { for c in 0..<channels { expected.append(fixturePixel(y, x, c, type)) } } }
            #expect(image.pixels == expected, "colour type \(type)")
        }
    }

    @Test(.needs(.python)) func pngErrorsAreTyped() throws {
        let folder = try pythonArrayFixtures()
        defer { folder.cleanUp() }
        let good = [UInt8](try Data(contentsOf: folder.url.appendingPathComponent("png/type2.png")))
        #expect(dataError { _ = try PNGDecoder.decode(Data(good.prefix(40)), path: "cut.png") }?.kind == .truncated)
        #expect(dataError { _ = try PNGDecoder.decode(Data([1, 2, 3]), path: "x.png") }?.kind == .wrongMagic)
        var flipped = good
        flipped[good.count - 20] ^= 0xFF   // inside the last IDAT: its CRC no longer matches
        #expect(dataError { _ = try PNGDecoder.decode(Data(flipped), path: "crc.png") }?.kind == .malformed)
        var interlaced = good
        interlaced[28] = 1   // IHDR interlace byte (CRC fixed below)
        let crc = crc32(interlaced[12..<29])
        for i in 0..<4 { interlaced[29 + i] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * UInt32(i))) }
        let error = dataError { _ = try PNGDecoder.decode(Data(interlaced), path: "adam7.png") }
        #expect(error?.kind == .unsupported && error?.description.hasPrefix("adam7.png: ") == true)
    }

    @Test(.needs(.python)) func npyFolderReadsBothParts() throws {
        let folder = try pythonArrayFixtures()
        defer { folder.cleanUp() }
        let (train, test) = try DatasetLoader.load(folder.url.appendingPathComponent("npy").path)
        #expect(train.sampleShape == [1, 2, 3] && train.count == 9 && test.count == 4)
        let value = { (k: Int) -> Float in Float(k) * 0.25 - 3 }
        #expect(train.values == (0..<54).map(value))
        #expect(test.values == (1000..<1024).map(value))
        #expect(train.labels == (0..<9).map { Int32($0 % 3) } && test.labels == [0, 1, 2, 0])
        #expect(train.classCount == 3 && test.classCount == 3)
    }

    @Test(.needs(.python)) func testOnlyNPYFolderServesEvaluationNotTraining() throws {
        let folder = try pythonArrayFixtures()
        defer { folder.cleanUp() }
        let path = folder.url.appendingPathComponent("npy-test-only").path
        let (train, test) = try DatasetLoader.load(path)
        #expect(test.sampleShape == [2] && test.values == (0..<10).map { Float($0) / 8 } && test.labels == [1, 0, 1, 0, 1])
        #expect(train == test)
        #expect(dataError { _ = try DatasetLoader.load(path, allowTestOnly: false) }?.kind == .io)
    }

    @Test(.needs(.python)) func imageClassFoldersReadAndSplit() throws {
        let folder = try pythonArrayFixtures()
        defer { folder.cleanUp() }
        let (train, test) = try DatasetLoader.load(folder.url.appendingPathComponent("images").path, seed: 1)
        #expect(train.count + test.count == 10 && test.count == 2 && train.sampleShape == [3, 3, 4] && train.classCount == 2)
        let split = try DatasetLoader.load(folder.url.appendingPathComponent("split").path)
        #expect(split.train.count == 6 && split.test.count == 4)
        #expect(split.test.labels == [0, 0, 1, 1])
        // test/cat/img3.png: CHW planes of pixel (y, x, c) / 255.
        var expected: [Float] = []
        for c in 0..<3 { for y in 0..<3 { for x in 0..<4 { expected.append(Float(fixturePixel(y, x, c, 3)) / 255) } } }
        #expect(Array(split.test.sample(0)) == expected)
    }

    @Test func npyHeaderErrorsAreTyped() {
        func npy(_ header: String, payload: [UInt8]) -> Data {
            var h = Array(header.utf8)
            while (10 + h.count + 1) % 16 != 0 { h.append(0x20) }
            h.append(0x0A)
            return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(h.count & 0xFF), UInt8(h.count >> 8)] + h + payload)
        }
        let big = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000000, 1000000), }", payload: [])
        #expect(dataError { _ = try NPYArray.parse(big, path: "big.npy") }?.kind == .truncated)
        let fortran = npy("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", payload: [0, 0, 0, 0])
        #expect(dataError { _ = try NPYArray.parse(fortran, path: "f.npy") }?.kind == .unsupported)
        let short = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", payload: [0, 0, 0, 0])
        #expect(dataError { _ = try NPYArray.parse(short, path: "s.npy") }?.kind == .truncated)
        let ok = npy("{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }", payload: [0xFF, 0xFF, 5, 0])
        #expect((try? NPYArray.parse(ok, path: "ok.npy").integers(path: "ok.npy")) == [-1, 5])
    }

    @Test func subsetsCutCalibrationAndTest() throws {
        let data = LabeledData(sampleShape: [1], values: (0..<200).map(Float.init), labels: [Int32](repeating: 0, count: 200), classCount: 1)
        var options = ApproxNetwork.QuantOptions()
        let subset = DataSubset(calibrationSamples: 130, limit: 7)
        let calibration = subset.calibration(data, options: &options)
        #expect(calibration.count == 130 && options.calibrationBatches == 3)
        #expect(subset.test(data).count == 7 && DataSubset().test(data).count == 200)
    }
}

/// CRC-32 (PNG's), written out here so the test does not use the decoder's zlib call.
private func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes {
        crc ^= UInt32(b)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return crc ^ 0xFFFF_FFFF
}
