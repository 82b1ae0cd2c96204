import Foundation

/// The validated JSON header of a safetensors file: every tensor is F32, its shape matches its
/// byte length, and the tensors tile the data section exactly (no gaps, no overlaps).
struct SafeTensorsHeader {
    struct Entry {
        var name: String
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    var tensors: [Entry]
    var metadata: [String: String]

    /// Parses and validates `header`; `dataLength` is the size of the data section after it.
    static func parse(_ header: ArraySlice<UInt8>, path: String, dataLength: Int) throws -> SafeTensorsHeader {
        guard let object = try? JSONSerialization.jsonObject(with: Data(header)), let root = object as? [String: Any] else {
            throw invalid("it is not a JSON object", path: path)
        }
        let metadata = try parseMetadata(root["__metadata__"], path: path)
        var tensors = [Entry]()
        for (name, raw) in root where name != "__metadata__" {
            tensors.append(try parseEntry(name: name, raw: raw, path: path, dataLength: dataLength))
        }
        try checkTiling(tensors, path: path, dataLength: dataLength)
        return SafeTensorsHeader(tensors: tensors, metadata: metadata)
    }

    private static func invalid(_ message: String, path: String) -> DataError {
        DataError(.malformed, file: path, "the safetensors header is invalid: \(message).",
                  hint: "the file is corrupt or was not written by a safetensors writer")
    }

    private static func parseMetadata(_ raw: Any?, path: String) throws -> [String: String] {
        guard let raw else { return [:] }
        guard let dict = raw as? [String: Any] else { throw invalid("__metadata__ is not an object", path: path) }
        var metadata = [String: String]()
        for (key, value) in dict {
            guard let text = value as? String else { throw invalid("__metadata__ value for '\(key)' is not a string", path: path) }
            metadata[key] = text
        }
        return metadata
    }

    private static func parseEntry(name: String, raw: Any, path: String, dataLength: Int) throws -> Entry {
        guard let info = raw as? [String: Any] else { throw invalid("tensor '\(name)' is not an object", path: path) }
        guard let dtype = info["dtype"] as? String else { throw invalid("tensor '\(name)' has no dtype", path: path) }
        guard dtype == "F32" else {
            throw DataError(.unsupported, file: path, "tensor '\(name)' has dtype \(dtype); only F32 is supported.")
        }
        guard let shape = integers(info["shape"]), let offsets = integers(info["data_offsets"]), offsets.count == 2 else {
            throw invalid("tensor '\(name)' needs an integer shape and two integer data_offsets", path: path)
        }
        let count = try SafeTensors.checkedCount(shape, path: path, name: name)
        let (bytes, overflow) = count.multipliedReportingOverflow(by: 4)
        guard offsets[0] <= offsets[1], offsets[1] <= dataLength else {
            throw invalid("tensor '\(name)' has data_offsets \(offsets) outside the \(dataLength)-byte data section", path: path)
        }
        guard !overflow, offsets[1] - offsets[0] == bytes else {
            throw invalid("tensor '\(name)' has shape \(shape) (\(count) floats) but \(offsets[1] - offsets[0]) bytes", path: path)
        }
        return Entry(name: name, shape: shape, begin: offsets[0], end: offsets[1])
    }

    /// The tensors must cover the data section exactly, as the reference implementation requires.
    private static func checkTiling(_ tensors: [Entry], path: String, dataLength: Int) throws {
        var position = 0
        for entry in tensors.sorted(by: { ($0.begin, $0.end) < ($1.begin, $1.end) }) {
            guard entry.begin == position else {
                let problem = entry.begin < position ? "tensor '\(entry.name)' overlaps another" : "there is a gap before tensor '\(entry.name)'"
                throw invalid(problem, path: path)
            }
            position = entry.end
        }
        guard position == dataLength else { throw invalid("the tensors cover \(position) of \(dataLength) data bytes", path: path) }
    }

    /// An array of non-negative exact integers, or nil.
    private static func integers(_ value: Any?) -> [Int]? {
        guard let array = value as? [Any] else { return nil }
        var result = [Int]()
        for element in array {
            guard let number = element as? NSNumber, let exact = Int(exactly: number.doubleValue),
                  exact >= 0, "\(number)" == "\(exact)" else { return nil }
            result.append(exact)
        }
        return result
    }
}
