import Foundation
import Records

extension ResultsFolder {
    /// Decodes the result kinds added after the first release (hybrid sweep, evaluate); false if neither.
    mutating func readMore(name: String, data: Data) -> Bool {
        let decoder = JSONDecoder()
        if let h = try? decoder.decode(HybridSweepResult.self, from: data), !h.entries.isEmpty {
            hybrids.append((name, h))
        } else if let e = try? decoder.decode(EvaluationRecord.self, from: data) {
            evaluations.append(e)
        } else if !readAxTrain(name: name, data: data) {
            return false
        }
        return true
    }
}
