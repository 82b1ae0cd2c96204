import Foundation
import TableFormat

/// The one JSON encoding of the search's files: sorted keys, pretty-printed, so equal content gives equal bytes.
public enum SearchJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let data: Data
        do { data = Data(try InputFile.bytes(url.path)) } catch {
            throw SearchError(.badFile, file: url.path, "the file cannot be read: \(error.reason)")
        }
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw SearchError(.badFile, file: url.path, "is not a valid \(type) file: \(FoundationErrorText.describe(error)?.reason ?? "it is not valid JSON")",
                              hint: "delete it to recompute it")
        }
    }
}
