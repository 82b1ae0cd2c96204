import Foundation

/// Loads a dataset by name or path and returns it prepared and split into train and test parts.
///
/// Names: the shipped CSV sets (see `ShippedDataset`; 80/20 stratified split by `seed`) and
/// `fashion-mnist` (IDX files, its own 60k/10k split). Paths: a CSV file (standardised, 80/20
/// split), an IDX images file (labels file found by name) or `images,labels` pair, a folder of
/// IDX files, or a CIFAR-10 binary folder.
public enum DatasetLoader {
    /// Fraction of each class held out for testing when a set has no split of its own.
    public static let testFraction = 0.2

    /// Loads `nameOrPath` (a shipped name, `fashion-mnist`, or a path); `seed` drives the 80/20 split.
    /// A folder with only `test_x.npy`/`test_y.npy` returns its test part as both parts (with a warning on
    /// stderr) when `allowTestOnly`; commands that train pass false and get an error instead.
    public static func load(_ nameOrPath: String, seed: UInt64 = 0, allowTestOnly: Bool = true) throws -> (train: LabeledData, test: LabeledData) {
        try nonEmptySplits(loadAny(nameOrPath, seed: seed, allowTestOnly: allowTestOnly), name: nameOrPath)
    }

    static func loadAny(_ nameOrPath: String, seed: UInt64, allowTestOnly: Bool) throws -> (train: LabeledData, test: LabeledData) {
        if let shipped = ShippedDataset.named(nameOrPath) {
            return try load(shipped, from: DatasetLocator.locate(shipped.file), seed: seed)
        }
        if ["fashion-mnist", "fashion_mnist", "fashionmnist"].contains(nameOrPath.lowercased()) {
            return try loadIDXFolder(DatasetLocator.fashionMNISTFolder(), seed: seed, classCount: 10)
        }
        return try loadPath(nameOrPath, seed: seed, allowTestOnly: allowTestOnly)
    }

    /// Loads a shipped set from `url` (a copy of its CSV file) and prepares it.
    public static func load(_ set: ShippedDataset, from url: URL, seed: UInt64) throws -> (train: LabeledData, test: LabeledData) {
        let table = try CSVReader.read(url, classCount: set.classes)
        guard table.sampleSize == set.features else {
            throw DataError(.malformed, file: url.path, "the file has \(table.sampleSize) features; \(set.name) has \(set.features).",
                            hint: "restore the file from the repository's datasets/ folder")
        }
        switch set.preparation {
        case .standardise:
            return try standardisedSplit(table, seed: seed)
        case let .image(maximum, shape):
            var images = table.scaled(dividingBy: maximum)
            images.sampleShape = shape
            return images.stratifiedSplit(testFraction: testFraction, seed: seed)
        }
    }

    /// Splits 80/20 by class, then standardises both parts with statistics fitted on the train part.
    public static func standardisedSplit(_ table: LabeledData, seed: UInt64) throws -> (train: LabeledData, test: LabeledData) {
        let (train, test) = table.stratifiedSplit(testFraction: testFraction, seed: seed)
        let stats = Standardiser(fitting: train)
        return (try train.standardised(using: stats), try test.standardised(using: stats))
    }

    static func loadPath(_ path: String, seed: UInt64, allowTestOnly: Bool = true) throws -> (train: LabeledData, test: LabeledData) {
        let parts = path.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, parts.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) {
            let data = try IDXReader.read(images: URL(fileURLWithPath: parts[0]), labels: URL(fileURLWithPath: parts[1]))
            return data.stratifiedSplit(testFraction: testFraction, seed: seed)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            let names = (ShippedDataset.all.map(\.name) + ["fashion-mnist"]).joined(separator: ", ")
            throw DataError(.unknownDataset, file: path, "no dataset has this name and no file or folder has this path.",
                            hint: "use one of \(names), or a path to a CSV, IDX or CIFAR-10 file or folder")
        }
        let url = URL(fileURLWithPath: path, isDirectory: isFolder.boolValue)
        if isFolder.boolValue {
            if IDXFiles.find(in: url) != nil { return try loadIDXFolder(url, seed: seed, classCount: nil) }
            if ArrayFolderReader.holdsNPY(url) { return try loadNPYFolder(url, allowTestOnly: allowTestOnly) }
            if !CIFARReader.holdsBatches(url), ArrayFolderReader.holdsImages(url) || ArrayFolderReader.holdsImages(url.appendingPathComponent("train")) {
                let images = try ArrayFolderReader.readImages(url)
                return try images.test.map { (images.train, $0) } ?? images.train.stratifiedSplit(testFraction: testFraction, seed: seed)
            }
            guard CIFARReader.holdsBatches(url) else {
                throw DataError(.io, file: path, "the folder holds none of: IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz]), CIFAR-10 batches (data_batch_1.bin, test_batch.bin), .npy arrays (test_x.npy, test_y.npy, optionally train_x.npy, train_y.npy), or class sub-folders of .png images.",
                                hint: "point at the folder that holds the extracted files")
            }
            return try CIFARReader.readFolder(url)
        }
        if IDXFiles.looksLikeIDX(url) {
            let labels = try IDXFiles.labelsFile(for: url)
            return try IDXReader.read(images: url, labels: labels).stratifiedSplit(testFraction: testFraction, seed: seed)
        }
        if url.lastPathComponent.hasSuffix(".bin") {
            return try CIFARReader.readBatch(url).stratifiedSplit(testFraction: testFraction, seed: seed)
        }
        return try standardisedSplit(CSVReader.read(url), seed: seed)
    }

    /// Loads a folder of `.npy` arrays; a test-only folder serves as both parts (calibration on test inputs).
    static func loadNPYFolder(_ url: URL, allowTestOnly: Bool) throws -> (train: LabeledData, test: LabeledData) {
        let d = try ArrayFolderReader.readNPY(url)
        if d.testOnly {
            guard allowTestOnly else {
                throw DataError(.io, file: url.path, "the folder holds only test_x.npy and test_y.npy; training needs train_x.npy and train_y.npy too.")
            }
            FileHandle.standardError.write(Data("warning: \(url.path): no train_x.npy/train_y.npy; calibrating on the test inputs\n".utf8))
        }
        return (d.train, d.test)
    }

    /// Loads a folder of IDX files: its own train/test split if it has both, else 80/20.
    static func loadIDXFolder(_ folder: URL, seed: UInt64, classCount: Int?) throws -> (train: LabeledData, test: LabeledData) {
        guard let files = IDXFiles.find(in: folder) else {
            throw DataError(.io, file: folder.path, "the folder holds no IDX images and labels files (e.g. train-images-idx3-ubyte.gz).",
                            hint: "install the Debian package dataset-fashion-mnist (scripts/setup) or set \(DatasetLocator.fashionMNISTVariable)")
        }
        let train = try IDXReader.read(images: files.trainImages, labels: files.trainLabels, classCount: classCount)
        guard let testImages = files.testImages, let testLabels = files.testLabels else {
            return train.stratifiedSplit(testFraction: testFraction, seed: seed)
        }
        var test = try IDXReader.read(images: testImages, labels: testLabels, classCount: classCount)
        guard test.sampleShape == train.sampleShape else {
            throw DataError(.countMismatch, file: testImages.path, "test images have shape \(test.sampleShape) but training images \(train.sampleShape).")
        }
        let classes = max(train.classCount, test.classCount)
        var trainPart = train
        trainPart.classCount = classes
        test.classCount = classes
        return (trainPart, test)
    }
}
