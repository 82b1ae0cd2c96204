import Foundation

/// The one JSON encoding of the search's files: sorted keys, pretty-printed, so equal content gives equal bytes.
public enum SearchJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SearchError(.badFile, file: url.path, "cannot read the file (\(error.localizedDescription))")
        }
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw SearchError(.badFile, file: url.path, "is not a valid \(type) file: \(error)", hint: "delete it to recompute it")
        }
    }
}
