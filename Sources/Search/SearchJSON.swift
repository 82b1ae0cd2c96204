import Foundation
import Records
import TableFormat

/// Reading the search's files, with errors that name the file; they are written by `RecordJSON.encode`.
public enum SearchJSON {
    /// A record file: refused, naming its tag, when it carries another record's tag; read by its keys
    /// when it carries none (written before the tags).
    public static func decode<R: Record>(_ type: R.Type, from url: URL) throws -> R {
        let data = try bytes(url)
        if let why = RecordSchema.mismatch(of: data, expected: R.schema) {
            throw SearchError(.badFile, file: url.path, "is not a \(R.schema) file: \(why)",
                              hint: "delete it to recompute it, or read it with the axmul version that wrote it")
        }
        return try decode(type, data: data, url: url)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        try decode(type, data: try bytes(url), url: url)
    }

    private static func bytes(_ url: URL) throws -> Data {
        do { return Data(try InputFile.bytes(url.path)) } catch {
            throw SearchError(.badFile, file: url.path, "the file cannot be read: \(error.reason)")
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, data: Data, url: URL) throws -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw SearchError(.badFile, file: url.path, "is not a valid \(type) file: \(FoundationErrorText.describe(error)?.reason ?? "it is not valid JSON")",
                              hint: "delete it to recompute it")
        }
    }
}
