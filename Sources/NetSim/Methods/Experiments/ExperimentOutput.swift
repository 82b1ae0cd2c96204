import Foundation
import Records
import TableFormat

/// Writing an experiment's results folder, shared by every recipe: tagged records (`RecordJSON`) and
/// files written atomically.
public enum ExperimentOutput {
    /// The `experiment.json` bytes of any recipe's result: the record with its schema tag.
    public static func json<R: Record>(_ result: R) throws -> Data {
        try RecordJSON.encode(result)
    }

    /// Writes (file name, contents) into `folder` atomically; returns the names written.
    @discardableResult
    public static func write(_ files: [(name: String, data: Data)], to folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for f in files { try OutputFile.write(f.data, to: folder.appendingPathComponent(f.name)) }
        return files.map(\.name)
    }

    /// Decodes a recipe's `experiment.json` from `folder`, with an actionable error.
    public static func read<T: Decodable>(_ type: T.Type, recipe: String, from folder: URL) throws -> T {
        let url = folder.appendingPathComponent("experiment.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ModelError.io(path: url.path, reason: "cannot read experiment.json; run `axmul experiment \(recipe) -o FOLDER` first")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw ModelError.io(path: url.path, reason: "experiment.json is not a \(recipe) result: \(error)")
        }
    }

    /// The `recipe` key of an `experiment.json`, or nil.
    public static func recipe(of folder: URL) -> String? {
        struct Head: Decodable { var recipe: String }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("experiment.json").path) else { return nil }
        return try? JSONDecoder().decode(Head.self, from: data).recipe
    }
}
