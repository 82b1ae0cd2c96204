import Foundation

/// Reads MNIST-format IDX files (unsigned-byte type 0x08), raw or gzip-compressed. Header
/// sizes are checked against the actual data before anything is allocated for them.
public enum IDXReader {
    /// Largest IDX payload we accept (the full MNIST training images are 47 MB).
    public static let maximumBytes = 1 << 32

    /// A decoded IDX array: its dimensions and its bytes, row-major.
    public struct Contents: Sendable, Equatable {
        /// Sizes from the header, outermost (sample count) first.
        public var dimensions: [Int]
        /// The payload, row-major.
        public var bytes: [UInt8]
    }

    /// Reads one IDX file.
    public static func readArray(_ url: URL) throws -> Contents {
        let raw = try Gzip.readFile(url)
        guard Gzip.isGzip(raw) else { return try parse(raw, path: url.path) }
        // Inflate only the header first, check its claim, then inflate at most that much + 1.
        let head = try Gzip.decompress(raw, limit: 4 + 4 * 255, path: url.path)
        let expected = try validatedHeader(head, path: url.path, available: nil).total
        let full = try Gzip.decompress(raw, limit: expected, path: url.path)
        return try parse(full, path: url.path)
    }

    /// Decodes IDX bytes held in memory; `path` is only used in error messages.
    public static func parse(_ data: Data, path: String) throws -> Contents {
        let header = try validatedHeader(data, path: path, available: data.count)
        guard data.count == header.total else {
            let kind: DataError.Kind = data.count < header.total ? .truncated : .malformed
            throw DataError(kind, file: path,
                            "the header promises \(header.total) bytes in all but the file holds \(data.count).",
                            hint: kind == .truncated ? "the file was probably cut short; copy it again" : "the file has trailing bytes")
        }
        let start = data.startIndex + header.headerSize
        return Contents(dimensions: header.dimensions, bytes: [UInt8](data[start..<data.endIndex]))
    }

    /// Checks magic, type and dimensions; returns the dims, header size and total file size.
    /// `available` (bytes present) is only used to report a short header.
    static func validatedHeader(_ data: Data, path: String, available: Int?) throws
        -> (dimensions: [Int], headerSize: Int, total: Int) {
        let b = [UInt8](data.prefix(4))
        guard b.count == 4 else {
            throw DataError(.truncated, file: path, "the file has \(b.count) bytes, fewer than the 4-byte IDX magic number.")
        }
        guard b[0] == 0, b[1] == 0, b[3] >= 1 else {
            throw DataError(.wrongMagic, file: path,
                            String(format: "the magic number is 0x%02X%02X%02X%02X, not an IDX header 0x0000TTNN.", b[0], b[1], b[2], b[3]),
                            hint: "give an MNIST-format IDX file (e.g. train-images-idx3-ubyte[.gz])")
        }
        guard b[2] == 0x08 else {
            throw DataError(.unsupported, file: path, String(format: "the IDX data type is 0x%02X; only unsigned bytes (0x08) are supported.", b[2]))
        }
        let rank = Int(b[3])
        let headerSize = 4 + 4 * rank
        guard data.count >= headerSize else {
            throw DataError(.truncated, file: path, "the header needs \(headerSize) bytes for \(rank) dimensions but the file has \(data.count).")
        }
        let bytes = [UInt8](data.prefix(headerSize))
        var dimensions = [Int]()
        var total = 1
        for d in 0..<rank {
            let o = 4 + 4 * d
            let size = Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3])
            dimensions.append(size)
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow, product <= maximumBytes else {
                throw DataError(.tooLarge, file: path, "the header claims dimensions \(dimensions)..., more than \(maximumBytes) bytes.",
                                hint: "the header is corrupt or the file is not an IDX file")
            }
            total = product
        }
        return (dimensions, headerSize, headerSize + total)
    }

    /// Reads an images file and its labels file into `LabeledData` scaled to [0, 1].
    /// Labels must be below `classCount` if given; otherwise the class count is `max label + 1`.
    public static func read(images: URL, labels: URL, classCount: Int? = nil) throws -> LabeledData {
        let imageArray = try readArray(images)
        let labelArray = try readArray(labels)
        guard imageArray.dimensions.count >= 2 else {
            throw DataError(.malformed, file: images.path, "an images file needs at least 2 dimensions, found \(imageArray.dimensions).")
        }
        guard labelArray.dimensions.count == 1 else {
            throw DataError(.malformed, file: labels.path, "a labels file has 1 dimension, found \(labelArray.dimensions).",
                            hint: "check that the images and labels files are not swapped")
        }
        let n = imageArray.dimensions[0]
        guard labelArray.dimensions[0] == n else {
            throw DataError(.countMismatch, file: labels.path,
                            "the file holds \(labelArray.dimensions[0]) labels but \(images.lastPathComponent) holds \(n) images.")
        }
        let limit = classCount ?? 256
        if let index = labelArray.bytes.firstIndex(where: { Int($0) >= limit }) {
            throw DataError(.labelOutOfRange, file: labels.path,
                            "label \(index) is \(labelArray.bytes[index]), outside the \(limit) classes 0..<\(limit).")
        }
        let rest = Array(imageArray.dimensions.dropFirst())
        let shape = rest.count == 2 ? [1] + rest : rest
        return LabeledData(sampleShape: shape, values: imageArray.bytes.map { Float($0) / 255 },
                           labels: labelArray.bytes.map { Int32($0) },
                           classCount: classCount ?? (Int(labelArray.bytes.max() ?? 0) + 1))
    }
}
