import Foundation

/// The one JSON encoding of saved records: sorted keys, pretty-printed, a final newline, so equal
/// content gives equal bytes. A `Record` is written with its schema tag.
public enum RecordJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    /// `record` with its `"schema"` tag.
    public static func encode<R: Record>(_ record: R) throws -> Data {
        try encode(TaggedRecord(record))
    }

    /// A JSON array of records, each element with its tag (`characterize --json`).
    public static func encode<R: Record>(list records: [R]) throws -> Data {
        try encode(records.map(TaggedRecord.init))
    }

    /// One line of a JSONL file (the training log's `EpochRecord`, the search cache's `SearchCacheEntry`):
    /// sorted keys, compact, no newline; such lines carry no tag (see `EpochRecord`).
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `record` with its tag as text (what a `--json` flag prints), ending in a newline.
    public static func text<R: Record>(_ record: R) throws -> String {
        String(decoding: try encode(record), as: UTF8.self)
    }
}
