import Foundation
import Testing
@testable import NetSim

@Suite("IDX reader")
struct IDXReaderTests {
    /// Big-endian 32-bit bytes of `value`.
    private func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// Two 2×3 images with pixels 0, 51, 102, ... and their labels 3, 7.
    private var images: [UInt8] { [0, 0, 8, 3] + be32(2) + be32(2) + be32(3) + (0..<12).map { UInt8($0 * 17) } }
    private var labels: [UInt8] { [0, 0, 8, 1] + be32(2) + [3, 7] }

    @Test func readsRawPair() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let data = try IDXReader.read(images: folder.file("i", images), labels: folder.file("l", labels))
        #expect(data.sampleShape == [1, 2, 3])
        #expect(data.labels == [3, 7])
        #expect(data.classCount == 8)
        #expect(data.values.count == 12)
        #expect(data.values[1] == Float(17) / 255)
        #expect(data.values[11] == Float(187) / 255)
    }

    @Test func readsGzipPairAndFolderWithOwnSplit() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        for prefix in ["train", "t10k"] {
            _ = try folder.gzip(folder.file("\(prefix)-images-idx3-ubyte", images))
            _ = try folder.gzip(folder.file("\(prefix)-labels-idx1-ubyte", labels))
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("\(prefix)-images-idx3-ubyte"))
        }
        let gz = folder.url.appendingPathComponent("train-images-idx3-ubyte.gz")
        let array = try IDXReader.readArray(gz)
        #expect(array.dimensions == [2, 2, 3])
        #expect(array.bytes == Array(images[16...]))
        let (train, test) = try DatasetLoader.load(folder.url.path)
        #expect(train.count == 2 && test.count == 2)
        #expect(test.labels == [3, 7])
    }

    @Test func wrongMagicIsRejected() throws {
        var bad = images
        bad[2] = 0x1F
        bad[0] = 0x50
        let error = dataError { _ = try IDXReader.parse(Data(bad), path: "x.idx") }
        #expect(error?.kind == .wrongMagic)
        #expect(error?.description.hasPrefix("x.idx: the magic number is 0x50001F03") == true)
        var float = images
        float[2] = 0x0D
        #expect(dataError { _ = try IDXReader.parse(Data(float), path: "x.idx") }?.kind == .unsupported)
    }

    @Test func truncatedFileIsRejected() throws {
        #expect(dataError { _ = try IDXReader.parse(Data(images.dropLast()), path: "x") }?.kind == .truncated)
        #expect(dataError { _ = try IDXReader.parse(Data(images.prefix(10)), path: "x") }?.kind == .truncated)
        #expect(dataError { _ = try IDXReader.parse(Data([0, 0]), path: "x") }?.kind == .truncated)
        #expect(dataError { _ = try IDXReader.parse(Data(images + [1]), path: "x") }?.kind == .malformed)
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let cut = try folder.gzip(folder.file("cut", Array(images.dropLast(3))))
        #expect(dataError { _ = try IDXReader.readArray(cut) }?.kind == .truncated)
        let whole = try Data(contentsOf: folder.gzip(folder.file("whole", images)))
        let cutStream = try folder.file("cutstream.gz", Array(whole.dropLast(12)))
        #expect(dataError { _ = try IDXReader.readArray(cutStream) }?.kind == .truncated)
    }

    @Test func hugeHeaderClaimFailsFastWithoutAllocating() throws {
        // 4e9 × 28 × 28 ≈ 3.1e12 bytes claimed, by a 16-byte file.
        let huge: [UInt8] = [0, 0, 8, 3] + be32(4_000_000_000) + be32(28) + be32(28)
        #expect(dataError { _ = try IDXReader.parse(Data(huge), path: "x") }?.kind == .tooLarge)
        // 10^6 images (784 MB) claimed, under the limit: rejected by comparing with the file size.
        let large: [UInt8] = [0, 0, 8, 3] + be32(1_000_000) + be32(28) + be32(28) + [1, 2, 3]
        #expect(dataError { _ = try IDXReader.parse(Data(large), path: "x") }?.kind == .truncated)
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let gz = try folder.gzip(folder.file("large", large))
        #expect(dataError { _ = try IDXReader.readArray(gz) }?.kind == .truncated)
    }

    @Test func labelOutOfRangeAndCountMismatchAreRejected() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let i = try folder.file("i", images)
        let bad = try folder.file("l", [0, 0, 8, 1] + be32(2) + [3, 10])
        let error = dataError { _ = try IDXReader.read(images: i, labels: bad, classCount: 10) }
        #expect(error?.kind == .labelOutOfRange)
        #expect(error?.description == "\(bad.path): label 1 is 10, outside the 10 classes 0..<10.")
        let three = try folder.file("l3", [0, 0, 8, 1] + be32(3) + [1, 2, 3])
        #expect(dataError { _ = try IDXReader.read(images: i, labels: three) }?.kind == .countMismatch)
        #expect(dataError { _ = try IDXReader.read(images: three, labels: i) }?.kind == .malformed)
    }
}
