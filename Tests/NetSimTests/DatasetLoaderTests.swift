import Foundation
import Testing
@testable import NetSim

@Suite("Dataset loader: shipped sets, names and paths")
struct DatasetLoaderTests {
    /// Shapes and classes documented in datasets/SOURCES.md.
    @Test(arguments: [
        ("breast_cancer_wdbc", 569, [30], 2), ("ionosphere", 351, [34], 2), ("satimage", 6435, [36], 6),
        ("segment", 2310, [19], 7), ("digits_8x8", 1797, [1, 8, 8], 10), ("mnist_5k", 5000, [1, 28, 28], 10),
    ])
    func shippedSetHasDocumentedShape(name: String, rows: Int, shape: [Int], classes: Int) throws {
        let (train, test) = try DatasetLoader.load(name, seed: 3)
        #expect(train.count + test.count == rows)
        #expect(train.sampleShape == shape && test.sampleShape == shape)
        #expect(train.classCount == classes && test.classCount == classes)
        #expect(abs(Double(test.count) / Double(rows) - 0.2) < 0.01)
        #expect(train.values.count == train.count * shape.reduce(1, *))
        if shape.count == 3 {
            #expect(train.values.allSatisfy { $0 >= 0 && $0 <= 1 })
            #expect(train.values.contains(1))  // the maximum pixel value maps to exactly 1
        }
    }

    @Test func tabularTrainPartIsStandardised() throws {
        let (train, _) = try DatasetLoader.load("breast_cancer_wdbc")
        let means = Standardiser(fitting: train).means
        #expect(means.allSatisfy { abs($0) < 1e-4 })
        #expect(Standardiser(fitting: train).stds.allSatisfy { abs($0 - 1) < 1e-3 })
        // ionosphere's a02 is constant 0: it must stay finite (0), not become NaN.
        let (ion, _) = try DatasetLoader.load("ionosphere")
        #expect(ion.values.allSatisfy { $0.isFinite })
    }

    @Test func locatorHonoursEnvironmentVariable() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let file = try folder.file("segment.csv", text: "x\n")
        let found = try DatasetLocator.locate("segment.csv", environment: ["AXMUL_DATA": folder.url.path])
        #expect(found.path == file.path)
        #expect(dataError { _ = try DatasetLocator.locate("no-such-file.csv", environment: [:]) }?.kind == .io)
    }

    @Test func csvPathIsStandardisedAndSplit() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        let rows = (0..<10).map { "\($0),\($0 * 2),\($0 % 2)" }.joined(separator: "\n")
        let url = try folder.file("t.csv", text: "a,b,label\n" + rows)
        let (train, test) = try DatasetLoader.load(url.path, seed: 9)
        #expect(train.count == 8 && test.count == 2)
        #expect(test.classCounts == [1, 1])
        #expect(train.sampleShape == [2])
    }

    @Test func unknownNameIsRejected() {
        let error = dataError { _ = try DatasetLoader.load("no_such_set") }
        #expect(error?.kind == .unknownDataset)
        #expect(error?.description.contains("breast_cancer_wdbc") == true)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: DatasetLocator.fashionMNISTDefault + "/t10k-labels-idx1-ubyte.gz")))
    func fashionMNISTTestFilesHaveDocumentedShape() throws {
        let folder = URL(fileURLWithPath: DatasetLocator.fashionMNISTDefault)
        let labels = try IDXReader.readArray(folder.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
        #expect(labels.dimensions == [10_000])
        #expect(Set(labels.bytes) == Set(0..<10))
        let images = try IDXReader.readArray(folder.appendingPathComponent("t10k-images-idx3-ubyte.gz"))
        #expect(images.dimensions == [10_000, 28, 28])
    }
}

@Suite("Dataset loader: folders")
struct DatasetFolderTests {
    @Test func folderWithoutDataIsRejected() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        try folder.file("readme.txt", text: "nothing here")
        let error = dataError { _ = try DatasetLoader.load(folder.url.path) }
        #expect(error?.kind == .io)
        #expect(error?.description.contains("none of: IDX files") == true && error?.description.contains(".npy arrays") == true)
    }

    @Test func cifarFolderWithoutTestBatchIsRejected() throws {
        let folder = try DataTestFolder()
        defer { folder.cleanUp() }
        try folder.file("data_batch_1.bin", [UInt8](repeating: 1, count: CIFARReader.recordSize))
        #expect(dataError { _ = try DatasetLoader.load(folder.url.path) }?.description.contains("test_batch.bin") == true)
    }
}
