import Foundation
import TableFormat

/// Folders of arrays for a user's own model: `.npy` files (`train_x.npy`, `train_y.npy`, `test_x.npy`,
/// `test_y.npy`) or PNG images in one sub-folder per class.
public enum ArrayFolderReader {
    /// True if `folder` holds `test_x.npy` and `test_y.npy`.
    public static func holdsNPY(_ folder: URL) -> Bool {
        ["test_x.npy", "test_y.npy"].allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    /// Reads an `.npy` folder. Without the two train files the test part also serves as the training
    /// part (`testOnly` is then true: calibration uses the test inputs).
    public static func readNPY(_ folder: URL) throws -> (train: LabeledData, test: LabeledData, testOnly: Bool) {
        let test = try readPair(folder, "test")
        let hasTrain = ["train_x.npy", "train_y.npy"].map { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        guard hasTrain.contains(true) else { return (test, test, true) }
        guard hasTrain.allSatisfy({ $0 }) else {
            throw DataError(.io, file: folder.path, "the folder has only one of train_x.npy and train_y.npy; give both or neither.")
        }
        var train = try readPair(folder, "train")
        guard train.sampleShape == test.sampleShape else {
            throw DataError(.countMismatch, file: folder.appendingPathComponent("test_x.npy").path,
                            "test samples have shape \(test.sampleShape) but training samples \(train.sampleShape).")
        }
        var testPart = test
        (train.classCount, testPart.classCount) = (max(train.classCount, test.classCount), max(train.classCount, test.classCount))
        return (train, testPart, false)
    }

    /// `<part>_x.npy` (float, N×C×H×W or N×F) and `<part>_y.npy` (integer, N).
    static func readPair(_ folder: URL, _ part: String) throws -> LabeledData {
        let xURL = folder.appendingPathComponent("\(part)_x.npy"), yURL = folder.appendingPathComponent("\(part)_y.npy")
        let x = try NPYArray.read(xURL), y = try NPYArray.read(yURL)
        guard x.shape.count == 2 || x.shape.count == 4, x.shape[0] > 0, x.shape.dropFirst().allSatisfy({ $0 > 0 }) else {
            throw DataError(.malformed, file: xURL.path, "x has shape \(x.shape); expected N×C×H×W or N×F with every dimension > 0.")
        }
        guard y.shape == [x.shape[0]] else {
            throw DataError(.countMismatch, file: yURL.path, "y has shape \(y.shape); expected (\(x.shape[0]),), one label per sample of \(xURL.lastPathComponent).")
        }
        let labels = try y.integers(path: yURL.path)
        let classes = 1 + Int(labels.max() ?? 0)
        if let bad = labels.first(where: { $0 < 0 || $0 >= 1 << 20 }) {
            throw DataError(.labelOutOfRange, file: yURL.path, "label \(bad) is outside 0..<\(1 << 20).")
        }
        let values = try x.floats(path: xURL.path)
        try requireFinite(values, sampleSize: values.count / x.shape[0], file: xURL.path)
        return LabeledData(sampleShape: Array(x.shape.dropFirst()), values: values,
                           labels: labels.map { Int32($0) }, classCount: classes)
    }

    /// Refuses NaN or ±Inf in a data array, naming the sample (row, 0-based as in numpy) and the element in it.
    public static func requireFinite(_ values: [Float], sampleSize: Int, file: String) throws {
        guard let k = NumericGuard.firstNonFinite(values) else { return }
        let row = sampleSize > 0 ? k / sampleSize : 0
        throw DataError(.notNumeric, file: file, "sample \(row) (row \(row) of the array) holds \(values[k]) at element \(k - row * sampleSize); inputs must be finite numbers.",
                        hint: "replace or drop the non-finite samples (numpy: np.isfinite(x) finds them)")
    }

    /// PNG files per class folder, sorted by name; nil if `folder` has no sub-folder with a `.png`.
    static func classFolders(_ folder: URL) -> [(name: String, files: [URL])]? {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return nil }
        var classes: [(String, [URL])] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let sub = folder.appendingPathComponent(name, isDirectory: true)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: sub.path, isDirectory: &isDir), isDir.boolValue else { continue }
            let files = ((try? fm.contentsOfDirectory(atPath: sub.path)) ?? []).filter { $0.lowercased().hasSuffix(".png") }.sorted()
            classes.append((name, files.map { sub.appendingPathComponent($0) }))
        }
        return classes.contains(where: { !$0.1.isEmpty }) ? classes : nil
    }

    /// True if `folder` holds class sub-folders of PNGs, or `train/` and `test/` folders of them.
    public static func holdsImages(_ folder: URL) -> Bool {
        classFolders(folder) != nil
    }

    /// Reads PNGs in class sub-folders (label = index of the folder name in sorted order), pixels / 255,
    /// shape [C, H, W] (alpha dropped). With `train/` and `test/` folders of classes, those are the split;
    /// otherwise nil test (the caller splits).
    public static func readImages(_ folder: URL) throws -> (train: LabeledData, test: LabeledData?) {
        let fm = FileManager.default
        let trainDir = folder.appendingPathComponent("train"), testDir = folder.appendingPathComponent("test")
        if fm.fileExists(atPath: testDir.path), let trainClasses = classFolders(trainDir), let testClasses = classFolders(testDir) {
            let names = Set(trainClasses.map(\.name)).union(testClasses.map(\.name)).sorted()
            let train = try readClasses(trainClasses, names: names, root: trainDir)
            let test = try readClasses(testClasses, names: names, root: testDir)
            guard train.sampleShape == test.sampleShape else {
                throw DataError(.countMismatch, file: testDir.path, "test images have shape \(test.sampleShape) but training images \(train.sampleShape).")
            }
            return (train, test)
        }
        guard let classes = classFolders(folder) else {
            throw DataError(.io, file: folder.path, "the folder holds no class sub-folders with .png files.")
        }
        return (try readClasses(classes, names: classes.map(\.name), root: folder), nil)
    }

    /// The bytes of `relative` inside `root` (`InputFile.bytes(_:inside:)`: links resolved, inside the
    /// folder, a regular file), so a class folder never leads the reader elsewhere or into a FIFO.
    static func containedFile(_ relative: String, _ root: URL) throws -> Data {
        do {
            return Data(try InputFile.bytes(relative, inside: root.path))
        } catch {
            throw DataError(.io, file: error.path, error.reason + ".", hint: "a data folder may hold only its own regular files (no links out of it, no pipes)")
        }
    }

    /// The most pixel values (channels × height × width, over every image) an image folder may hold: 2³⁰
    /// Floats, 4 GiB, as the IDX reader allows.
    public static let maxImageValues = 1 << 30

    /// Reads every image's header before any pixel is decoded: all images must have one shape, each within
    /// the values a model accepts per sample, and all together within `maxImageValues`. A folder of links to
    /// one huge image is refused here, not after gigabytes of decoding.
    static func checkImageBudget(_ classes: [(name: String, files: [URL])], root: URL, budget: Int = maxImageValues) throws -> [Int]? {
        var shape: [Int]?, total = 0
        for (name, files) in classes {
            for file in files {
                let relative = "\(name)/\(file.lastPathComponent)"
                let prefix: [UInt8]
                do {
                    let path = try InputFile.resolve(relative, inside: root.path)
                    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                    prefix = try InputFile.bytes(relative, inside: root.path, length: min(size, PNGDecoder.headerBytes))
                } catch {
                    throw DataError(.io, file: error.path, error.reason + ".", hint: "a data folder may hold only its own regular files (no links out of it, no pipes)")
                }
                let h = try PNGDecoder.header(prefix, path: file.path)
                let s = [h.channels >= 3 ? 3 : 1, h.height, h.width]
                if let shape, shape != s {
                    throw DataError(.countMismatch, file: file.path, "the image is \(s) (channels, height, width) but earlier images are \(shape); all must match.")
                }
                let values = s.reduce(1, *)
                guard values <= ModelBudget.maxSampleValues else {
                    throw DataError(.tooLarge, file: file.path, "the image has \(values) values (\(s[0])×\(s[1])×\(s[2])), more than the \(ModelBudget.maxSampleValues) a model accepts per sample.",
                                    hint: "scale the images down first")
                }
                total += values
                guard total <= budget else {
                    throw DataError(.tooLarge, file: root.path, "the images hold more than \(budget) pixel values (\(budget * 4 >> 20) MiB as Float) in all; reached at \(file.path).",
                                    hint: "use fewer or smaller images")
                }
                shape = s
            }
        }
        return shape
    }

    private static func readClasses(_ classes: [(name: String, files: [URL])], names: [String], root: URL) throws -> LabeledData {
        let expected = try checkImageBudget(classes, root: root)
        var values: [Float] = [], labels: [Int32] = []
        values.reserveCapacity(classes.reduce(0) { $0 + $1.files.count } * (expected?.reduce(1, *) ?? 0))
        var shape: [Int]?
        for (name, files) in classes {
            guard let label = names.firstIndex(of: name) else { continue }
            for file in files {
                let image = try PNGDecoder.decode(try containedFile("\(name)/\(file.lastPathComponent)", root), path: file.path)
                let c = image.channels >= 3 ? 3 : 1
                let s = [c, image.height, image.width]
                if let shape, shape != s {
                    throw DataError(.countMismatch, file: file.path, "the image is \(s) (channels, height, width) but earlier images are \(shape); all must match.")
                }
                shape = s
                let plane = image.width * image.height
                var chw = [Float](repeating: 0, count: c * plane)
                for p in 0..<plane { for k in 0..<c { chw[k * plane + p] = Float(image.pixels[p * image.channels + k]) / 255 } }
                values += chw
                labels.append(Int32(label))
            }
        }
        guard let shape else { throw DataError(.io, file: root.path, "the class folders hold no .png files.") }
        return LabeledData(sampleShape: shape, values: values, labels: labels, classCount: names.count)
    }
}
