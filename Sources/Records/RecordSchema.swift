import Foundation

/// The tag a saved JSON record carries, `"schema": "axmul.<kind>/<version>"`, so that a reader
/// dispatches on what a file says it is, instead of trying every decoder in turn, and names a tag it
/// does not know. Files written before the tag carry none; readers still take them by their keys.
public struct RecordSchema: Hashable, Sendable, CustomStringConvertible {
    public var kind: String
    public var version: Int

    public init(_ kind: String, version: Int) { (self.kind, self.version) = (kind, version) }

    /// Every record this version writes and reads (one line per saved format as it moves here).
    public static let known: Set<RecordSchema> = [
        SearchResult.schema, SensitivityTable.schema, EvaluationRecord.schema, HybridSweepResult.schema, RetrainReport.schema,
        CrossEvaluation.schema, AxTrainSummary.schema, SensitivityMap.schema, Table1Result.schema, DelaParraResult.schema,
        HammadResult.schema, .characterisation, .sampledCharacterisation, .searchManifest, .searchShard, .searchMerged,
    ]

    // The tags of records whose types live with the types their fields are made of (the record conforms
    // to `Record` there, with this tag): every tag still has its home here.
    /// One design's `axmul characterize` figures (`Circuits.Characterisation`); `characterize --json`
    /// prints a JSON array of them, each element tagged.
    public static let characterisation = RecordSchema("characterisation", version: 1)
    /// One design's `axmul characterize --samples N` estimates (`Circuits.SampledCharacterisation`); with
    /// `--json`, a JSON array of them, each element tagged.
    public static let sampledCharacterisation = RecordSchema("sampled-characterisation", version: 1)
    /// A search's shard set, `sets/<label>-<split>/manifest.json` (`Search.ShardSet`).
    public static let searchManifest = RecordSchema("search-manifest", version: 1)
    /// One shard task's results, `shard-<i>.json` (`Search.ShardResult`).
    public static let searchShard = RecordSchema("search-shard", version: 1)
    /// A set's merged results, `merged.json` (`Search.MergedShards`).
    public static let searchMerged = RecordSchema("search-merged", version: 1)

    /// `axmul.<kind>/<version>`.
    public var description: String { "axmul.\(kind)/\(version)" }

    /// Parses `axmul.<kind>/<version>`; nil for any other text.
    public init?(tag: String) {
        guard tag.hasPrefix("axmul."), let slash = tag.lastIndex(of: "/"),
              let v = Int(tag[tag.index(after: slash)...]), v >= 1 else { return nil }
        let kind = String(tag[tag.index(tag.startIndex, offsetBy: 6)..<slash])
        guard !kind.isEmpty else { return nil }
        self.init(kind, version: v)
    }

    /// The `schema` text of a JSON object: nil when the data is not an object or has no tag.
    public static func tag(of json: Data) -> String? {
        (try? JSONDecoder().decode(Tagged.self, from: json))?.schema
    }

    /// The `schema` text of the first element of a JSON array of records (`characterize --json`); nil
    /// when the data is not an array of objects or its first element has no tag.
    public static func elementTag(of json: Data) -> String? {
        (try? JSONDecoder().decode([MaybeTagged].self, from: json))?.first?.schema
    }

    /// Why a file read as the record `expected` is not one: nil when it carries `expected`'s tag, or no
    /// tag (a file written before the tags, read by its keys); else a sentence naming the tag it carries.
    public static func mismatch(of json: Data, expected: RecordSchema) -> String? {
        guard let tag = tag(of: json), RecordSchema(tag: tag) != expected else { return nil }
        if let schema = RecordSchema(tag: tag), known.contains(schema) { return "it is a '\(tag)' record" }
        return "its schema '\(tag)' is not one this version of axmul reads"
    }

    private struct Tagged: Decodable { var schema: String }
    private struct MaybeTagged: Decodable { var schema: String? }
}

/// A saved format with its schema tag. Encoding a record through `TaggedRecord` writes the tag with its keys.
public protocol Record: Codable {
    static var schema: RecordSchema { get }
}

/// A record encoded with its `"schema"` key among its own (the record must encode a keyed container).
public struct TaggedRecord<R: Record>: Encodable {
    public var record: R
    public init(_ record: R) { self.record = record }

    private enum Key: String, CodingKey { case schema }

    public func encode(to encoder: Encoder) throws {
        try record.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(R.schema.description, forKey: .schema)
    }
}
