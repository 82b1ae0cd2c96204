import Foundation

/// Finds the IDX files of an MNIST-style folder (train-/t10k- images and labels, raw or .gz).
struct IDXFiles {
    var trainImages: URL
    var trainLabels: URL
    var testImages: URL?
    var testLabels: URL?

    /// The IDX files in `folder`, or nil if it has no training images with labels.
    static func find(in folder: URL) -> IDXFiles? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        func file(_ prefix: String, _ kind: String) -> URL? {
            let match = names.sorted().first { $0.hasPrefix(prefix) && $0.contains(kind) }
            return match.map { folder.appendingPathComponent($0) }
        }
        guard let trainImages = file("train", "images"), let trainLabels = file("train", "labels") else { return nil }
        return IDXFiles(trainImages: trainImages, trainLabels: trainLabels,
                        testImages: file("t10k", "images") ?? file("test", "images"),
                        testLabels: file("t10k", "labels") ?? file("test", "labels"))
    }

    /// True if the file name says IDX (`idx1`..`idx4`, `-ubyte`) or the file starts with 00 00 08.
    static func looksLikeIDX(_ url: URL) -> Bool {
        let name = url.lastPathComponent.lowercased()
        if name.contains("idx") || name.contains("-ubyte") { return true }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 3)) ?? Data()
        return head == Data([0, 0, 8])
    }

    /// The labels file next to an images file: "images" → "labels", "idx3" → "idx1".
    static func labelsFile(for images: URL) throws -> URL {
        let name = images.lastPathComponent
        let labelsName = name.replacingOccurrences(of: "images", with: "labels").replacingOccurrences(of: "idx3", with: "idx1")
        let url = images.deletingLastPathComponent().appendingPathComponent(labelsName)
        guard labelsName != name, FileManager.default.fileExists(atPath: url.path) else {
            throw DataError(.io, file: images.path, "no labels file was found next to this images file (looked for \(labelsName)).",
                            hint: "give both as \"images,labels\"")
        }
        return url
    }
}
