import TableFormat

/// Table-file errors render like every other AxMul error (TableFormat cannot see `UserFacingError`).
extension TableFileError: UserFacingError {
    public var location: SourceLocation? { path.map { SourceLocation(file: $0, line: 0, column: 0) } }
    public var hint: String? {
        switch self {
        case .checksumMismatch, .truncated, .trailingBytes: "re-create the file with `axmul compile`"
        default: nil
        }
    }
}

/// Output failures (device, FIFO, read-only file, missing folder) render the same way, with their hint.
extension OutputFile.Failure: UserFacingError {
    public var location: SourceLocation? { SourceLocation(file: path, line: 0, column: 0) }
    public var message: String { reason }
}
