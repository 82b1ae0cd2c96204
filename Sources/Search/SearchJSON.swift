import Foundation
import TableFormat

/// Reading the search's files, with errors that name the file; they are written by `RecordJSON.encode`.
public enum SearchJSON {
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
