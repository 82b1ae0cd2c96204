import Foundation

/// The one JSON encoding of the search's files: sorted keys, pretty-printed, so equal content gives equal bytes.
public enum SearchJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        guard FileManager.default.isReadableFile(atPath: url.path), let data = FileManager.default.contents(atPath: url.path) else {
            throw SearchError(.badFile, file: url.path, "the file cannot be read (it is missing or not readable)")
        }
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw SearchError(.badFile, file: url.path, "is not a valid \(type) file: \(reason(error))", hint: "delete it to recompute it")
        }
    }

    /// A decoding failure in one short sentence of our own (never Foundation's text): which field, what is wrong.
    static func reason(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "it is not valid JSON" }
        let path = { (c: DecodingError.Context) in c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") }
        switch error {
        case .keyNotFound(let key, let c):
            return "the field '\((path(c).isEmpty ? "" : path(c) + ".") + key.stringValue)' is missing"
        case .typeMismatch(let type, let c), .valueNotFound(let type, let c):
            return "the field '\(path(c))' is not a \(type == Double.self ? "number" : type == String.self ? "string" : "\(type)")"
        case .dataCorrupted(let c):
            return c.codingPath.isEmpty ? "it is not valid JSON" : "the field '\(path(c))' has an invalid value"
        @unknown default:
            return "it does not have the expected fields"
        }
    }
}
