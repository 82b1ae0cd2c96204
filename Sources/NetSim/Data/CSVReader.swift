import Foundation

/// Reads numeric CSV tables (optionally gzip-compressed): one sample per line, features first,
/// the integer class label in the last column, an optional header row of column names.
public enum CSVReader {
    /// Largest decompressed CSV we accept (guards against gzip bombs).
    public static let maximumBytes = 1 << 31
    /// Labels must lie below this unless the caller gives a class count.
    public static let maximumClasses = 65_536

    /// Reads `url`; `classCount` (if given) bounds the labels, otherwise it is `max label + 1`.
    public static func read(_ url: URL, classCount: Int? = nil) throws -> LabeledData {
        let data = try Gzip.readMaybeCompressed(url, limit: maximumBytes)
        guard data.count <= maximumBytes else {
            throw DataError(.tooLarge, file: url.path, "the table is larger than \(maximumBytes) bytes.")
        }
        return try parse(data, path: url.path, classCount: classCount)
    }

    /// Parses CSV text held in `data`; `path` is only used in error messages.
    public static func parse(_ data: Data, path: String, classCount: Int? = nil) throws -> LabeledData {
        var bytes = [UInt8](data)
        bytes.append(0)  // strtod needs a terminator
        var parser = Parser(path: path, classLimit: classCount ?? maximumClasses)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            try parser.run(base, count: buffer.count - 1)
        }
        guard let columns = parser.columns, columns >= 2, !parser.labels.isEmpty else {
            throw DataError(.malformed, file: path, "the table has no data rows with at least one feature and a label.",
                            hint: "each line needs numeric features followed by an integer label")
        }
        let classes = classCount ?? (Int(parser.labels.max() ?? 0) + 1)
        return LabeledData(sampleShape: [columns - 1], values: parser.values, labels: parser.labels, classCount: classes)
    }
}

/// The line-by-line state of one CSV parse.
private struct Parser {
    let path: String
    let classLimit: Int
    var columns: Int?
    var values: [Float] = []
    var labels: [Int32] = []
    var row: [Double] = []

    init(path: String, classLimit: Int) {
        self.path = path
        self.classLimit = classLimit
    }

    mutating func run(_ base: UnsafeMutablePointer<UInt8>, count: Int) throws {
        var start = 0
        var lineNumber = 0
        while start < count {
            lineNumber += 1
            var end = start
            while end < count && base[end] != 0x0A { end += 1 }
            var stop = end
            if stop > start && base[stop - 1] == 0x0D { stop -= 1 }
            if !isBlank(base, start, stop) {
                try parseLine(base, start, stop, line: lineNumber)
            }
            start = end + 1
        }
    }

    private func isBlank(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ stop: Int) -> Bool {
        (start..<stop).allSatisfy { base[$0] == 0x20 || base[$0] == 0x09 }
    }

    private mutating func parseLine(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ stop: Int, line: Int) throws {
        let saved = base[stop]
        base[stop] = 0  // end the line so strtod cannot run into the next one
        defer { base[stop] = saved }
        row.removeAll(keepingCapacity: true)
        var p = start
        while true {
            while p < stop && (base[p] == 0x20 || base[p] == 0x09) { p += 1 }
            let fieldStart = p
            var endPtr: UnsafeMutablePointer<CChar>?
            let value = base.advanced(by: p).withMemoryRebound(to: CChar.self, capacity: 1) { strtod($0, &endPtr) }
            var q = endPtr.map { UnsafeMutableRawPointer($0) - UnsafeMutableRawPointer(base) } ?? p
            while q < stop && (base[q] == 0x20 || base[q] == 0x09) { q += 1 }
            let ok = q > fieldStart && (q == stop || base[q] == 0x2C) && value.isFinite
            if !ok {
                if columns == nil && labels.isEmpty && row.isEmpty {
                    columns = countFields(base, start, stop)  // header row: names only
                    return
                }
                throw DataError(.notNumeric, file: path, line: line,
                                "column \(row.count + 1) holds '\(field(base, fieldStart, stop))', which is not a finite number.",
                                hint: "every cell after the header must be numeric")
            }
            row.append(value)
            if q == stop { break }
            p = q + 1
        }
        try finishRow(line: line)
    }

    private mutating func finishRow(line: Int) throws {
        let expected = columns ?? row.count
        guard row.count == expected else {
            throw DataError(.raggedRow, file: path, line: line,
                            "the row has \(row.count) column\(row.count == 1 ? "" : "s") but the table has \(expected).",
                            hint: "every line needs the same number of comma-separated cells")
        }
        columns = expected
        guard let label = row.last, label.rounded() == label, label >= 0, label < Double(classLimit) else {
            throw DataError(.labelOutOfRange, file: path, line: line,
                            "the label \(row.last ?? .nan) is not an integer in 0..<\(classLimit).",
                            hint: "the last column must hold the class index 0, 1, ...")
        }
        if let k = row.dropLast().firstIndex(where: { abs($0) > Double(Float.greatestFiniteMagnitude) }) {
            throw DataError(.notNumeric, file: path, line: line,
                            "column \(k + 1) holds \(row[k]), outside the 32-bit float range (±3.4e38).",
                            hint: "rescale the feature")
        }
        for v in row.dropLast() { values.append(Float(v)) }
        labels.append(Int32(label))
    }

    private func countFields(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ stop: Int) -> Int {
        1 + (start..<stop).reduce(0) { $0 + (base[$1] == 0x2C ? 1 : 0) }
    }

    private func field(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ stop: Int) -> String {
        var end = start
        while end < stop && base[end] != 0x2C { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        return String(text.prefix(40))
    }
}
