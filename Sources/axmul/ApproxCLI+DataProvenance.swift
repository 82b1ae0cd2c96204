import Foundation

extension ApproxCLI {
    /// Checkpoint metadata key of the data's content hash (`LabeledData.contentHash` of train and test).
    static let dataHashKey = "data_hash"

    /// A data argument as a checkpoint records it: a path that exists, resolved to an absolute path (so
    /// the record does not depend on the directory the command ran in); a data set name as it is.
    static func dataProvenance(_ data: String) -> String {
        FileManager.default.fileExists(atPath: data) ? URL(fileURLWithPath: data).standardizedFileURL.path : data
    }
}
