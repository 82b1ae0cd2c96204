import Foundation

/// Reads CIFAR-10 binary batches: records of 1 label byte + 3,072 pixel bytes (1,024 red,
/// 1,024 green, 1,024 blue, each row-major 32×32), giving samples of shape [3, 32, 32] in [0, 1].
public enum CIFARReader {
    /// Bytes per record: 1 label + 3 × 32 × 32 pixels.
    public static let recordSize = 3_073
    /// CIFAR-10 labels are 0..<10.
    public static let classCount = 10
    /// Shape of one sample: channels, rows, columns.
    public static let sampleShape = [3, 32, 32]
    /// File names of the training batches, in order.
    public static let trainFiles = (1...5).map { "data_batch_\($0).bin" }
    /// File name of the test batch.
    public static let testFile = "test_batch.bin"

    /// Reads one batch file.
    public static func readBatch(_ url: URL) throws -> LabeledData {
        let data = try Gzip.readFile(url)
        return try parseBatch(data, path: url.path)
    }

    /// Decodes batch bytes held in memory; `path` is only used in error messages.
    public static func parseBatch(_ data: Data, path: String) throws -> LabeledData {
        guard !data.isEmpty, data.count % recordSize == 0 else {
            throw DataError(.malformed, file: path,
                            "the file has \(data.count) bytes, not a whole number of \(recordSize)-byte CIFAR-10 records.",
                            hint: "give the binary version of CIFAR-10 (cifar-10-binary.tar.gz), not the Python one")
        }
        let bytes = [UInt8](data)
        let count = bytes.count / recordSize
        var values = [Float]()
        values.reserveCapacity(count * (recordSize - 1))
        var labels = [Int32]()
        labels.reserveCapacity(count)
        for record in 0..<count {
            let base = record * recordSize
            guard Int(bytes[base]) < classCount else {
                throw DataError(.labelOutOfRange, file: path,
                                "record \(record) has label \(bytes[base]), outside the 10 classes 0..<10.",
                                hint: "the file is not a CIFAR-10 batch (CIFAR-100 records are 3,074 bytes)")
            }
            labels.append(Int32(bytes[base]))
            for i in 1..<recordSize { values.append(Float(bytes[base + i]) / 255) }
        }
        return LabeledData(sampleShape: sampleShape, values: values, labels: labels, classCount: classCount)
    }

    /// True if `folder` (or its `cifar-10-batches-bin` subfolder) holds any CIFAR-10 batch file.
    public static func holdsBatches(_ folder: URL) -> Bool {
        let roots = [folder, folder.appendingPathComponent("cifar-10-batches-bin")]
        return roots.contains { root in
            (trainFiles + [testFile]).contains { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        }
    }

    /// Reads a CIFAR-10 folder (or its `cifar-10-batches-bin` subfolder): the training batches
    /// present among data_batch_1..5.bin, and test_batch.bin.
    public static func readFolder(_ folder: URL) throws -> (train: LabeledData, test: LabeledData) {
        var root = folder
        let nested = folder.appendingPathComponent("cifar-10-batches-bin")
        if FileManager.default.fileExists(atPath: nested.appendingPathComponent(testFile).path) { root = nested }
        let present = trainFiles.map { root.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        guard !present.isEmpty, FileManager.default.fileExists(atPath: root.appendingPathComponent(testFile).path) else {
            throw DataError(.io, file: folder.path, "the folder lacks data_batch_1.bin ... data_batch_5.bin or test_batch.bin.",
                            hint: "point at the extracted cifar-10-batches-bin folder")
        }
        var train = try readBatch(present[0])
        for url in present.dropFirst() {
            let batch = try readBatch(url)
            train.values.append(contentsOf: batch.values)
            train.labels.append(contentsOf: batch.labels)
        }
        return (train, try readBatch(root.appendingPathComponent(testFile)))
    }
}
