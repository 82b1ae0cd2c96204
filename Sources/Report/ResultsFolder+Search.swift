import Foundation
import Records

/// `axmul search` outputs: front.json (`SearchResult`: front, uniform assignments, refined front) and
/// sensitivity.json (`SensitivityTable`), the same types the search writes (target Records).
extension ResultsFolder {
    /// Reads a search record: by its schema tag, or, for a file written before the tags, by its keys.
    /// False if `data` is neither.
    mutating func readSearch(name: String, data: Data) -> Bool {
        guard name.hasSuffix(".json") else { return false }
        switch RecordSchema.tag(of: data).flatMap(RecordSchema.init(tag:)) {
        case SearchResult.schema?: return appendFront(name, data)
        case SensitivityTable.schema?: return appendSensitivity(name, data)
        case nil: return appendFront(name, data) || appendSensitivity(name, data)
        default: return false
        }
    }

    private mutating func appendFront(_ name: String, _ data: Data) -> Bool {
        guard let f = try? JSONDecoder().decode(SearchResult.self, from: data) else { return false }
        searchFronts.append((name, f))
        return true
    }

    private mutating func appendSensitivity(_ name: String, _ data: Data) -> Bool {
        guard let s = try? JSONDecoder().decode(SensitivityTable.self, from: data), s.accuracy.count == s.layers.count else { return false }
        searchSensitivities.append((name, s))
        return true
    }
}
