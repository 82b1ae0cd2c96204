import Foundation
import Testing
@testable import NetSim

@Suite("CIFAR-10 reader and augmenter")
struct CIFARReaderTests {
    /// One record: `label`, then pixel i = (i + seed) mod 256.
    private func record(label: UInt8, seed: Int) -> [UInt8] {
        [label] + (0..<3072).map { UInt8(($0 + seed) % 256) }
    }

    @Test func readsBatchLayout() throws {
        let data = try CIFARReader.parseBatch(Data(record(label: 3, seed: 0) + record(label: 9, seed: 5)), path: "b.bin")
        #expect(data.count == 2)
        #expect(data.sampleShape == [3, 32, 32])
        #expect(data.labels == [3, 9])
        #expect(data.values[0] == 0)
        #expect(data.values[1024] == Float(1024 % 256) / 255)  // first green pixel
        #expect(data.values[3072 + 2] == Float(7) / 255)       // sample 1, red pixel 2
    }

    @Test func recordSizeMismatchIsRejected() {
        let error = dataError { _ = try CIFARReader.parseBatch(Data(record(label: 1, seed: 0) + [0]), path: "b.bin") }
        #expect(error?.kind == .malformed)
        #expect(error?.description.hasPrefix("b.bin: the file has 3074 bytes, not a whole number of 3073-byte CIFAR-10 records.") == true)
        #expect(dataError { _ = try CIFARReader.parseBatch(Data(), path: "b.bin") }?.kind == .malformed)
    }

    @Test func labelOutOfRangeIsRejected() {
        let error = dataError { _ = try CIFARReader.parseBatch(Data(record(label: 1, seed: 0) + record(label: 10, seed: 0)), path: "b") }
        #expect(error?.kind == .labelOutOfRange)
        #expect(error?.description.hasPrefix("b: record 1 has label 10") == true)
    }

    @Test func readsFolder() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        try folder.file("data_batch_1.bin", record(label: 0, seed: 0) + record(label: 1, seed: 1))
        try folder.file("data_batch_2.bin", record(label: 2, seed: 2))
        try folder.file("test_batch.bin", record(label: 5, seed: 3))
        let (train, test) = try DatasetLoader.load(folder.url.path)
        #expect(train.labels == [0, 1, 2])
        #expect(train.values.count == 3 * 3072)
        #expect(test.labels == [5])
        #expect(test.classCount == 10)
    }

    @Test func cropAndFlipMoveHandComputedPixels() {
        let image: [Float] = [1, 2, 3, 4, 5, 6]  // one channel, 2 rows × 3 columns
        var scratch = [Float](repeating: 0, count: 6)
        func moved(dy: Int, dx: Int, mirror: Bool) -> [Float] {
            var copy = image
            CIFARAugmenter.cropAndFlip(&copy, offset: 0, shape: [1, 2, 3], dy: dy, dx: dx, mirror: mirror, scratch: &scratch)
            return copy
        }
        #expect(moved(dy: 0, dx: 1, mirror: false) == [2, 3, 0, 5, 6, 0])
        #expect(moved(dy: 0, dx: 0, mirror: true) == [3, 2, 1, 6, 5, 4])
        #expect(moved(dy: -1, dx: 0, mirror: false) == [0, 0, 0, 1, 2, 3])
        // Shift right by one (crop: [0, 1, 2]), then mirror: [2, 1, 0].
        #expect(moved(dy: 0, dx: -1, mirror: true) == [2, 1, 0, 5, 4, 0])
    }

    @Test func augmentIsSeededAndKeepsPixelsOrZeros() throws {
        let batch: [Float] = (0..<(2 * 3 * 8 * 8)).map { (k: Int) -> Float in Float(k + 1) }
        var a = batch, b = batch
        var rngA = DatasetRNG(seed: 7), rngB = DatasetRNG(seed: 7)
        try CIFARAugmenter().augment(&a, sampleShape: [3, 8, 8], using: &rngA)
        try CIFARAugmenter().augment(&b, sampleShape: [3, 8, 8], using: &rngB)
        #expect(a == b)
        #expect(a != batch)
        #expect(a.allSatisfy { $0 == 0 || batch.contains($0) })
        var identity = batch
        try CIFARAugmenter(padding: 0, flip: false).augment(&identity, sampleShape: [3, 8, 8], using: &rngA)
        #expect(identity == batch)
        #expect(dataError { try CIFARAugmenter().augment(&identity, sampleShape: [64], using: &rngA) }?.kind == .invalidArgument)
    }
}
