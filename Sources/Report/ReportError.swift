import Circuits

/// Errors of `axmul report`.
public enum ReportError: UserFacingError, Equatable {
    case notAFolder(path: String)
    case io(path: String, reason: String)
    case nothingToReport

    public var location: SourceLocation? {
        switch self {
        case .notAFolder(let path), .io(let path, _): SourceLocation(file: path, line: 0, column: 0)
        case .nothingToReport: nil
        }
    }

    public var message: String {
        switch self {
        case .notAFolder(let path): "'\(path)' is not a results folder"
        case .io(let path, let reason): "\(reason) ('\(path)')"
        case .nothingToReport: "the report needs at least one design or results folder"
        }
    }

    public var hint: String? {
        switch self {
        case .notAFolder: "give a design name (see `axmul list`), a design file, or a folder written by axmul train/retrain/crosseval"
        case .io: "check that the directory exists and is writable"
        case .nothingToReport: "for example: axmul report smapprox8x8-2222 truncated8-t4 -o report.html"
        }
    }
}
