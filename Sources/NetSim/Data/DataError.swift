/// An error reading or writing data, datasets or checkpoints: the file, the line where it
/// applies, and one sentence the user can act on. Rendered as `<file>:<line>: <message>`.
public struct DataError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, for callers and tests that branch on the cause.
    public enum Kind: String, Sendable, Equatable {
        case io, wrongMagic, truncated, tooLarge, labelOutOfRange, raggedRow, notNumeric
        case malformed, unsupported, countMismatch, unknownDataset, invalidArgument
    }

    /// The cause.
    public var kind: Kind
    /// The file the error refers to (a path or a dataset name).
    public var file: String
    /// 1-based line, for text formats such as CSV.
    public var line: Int?
    /// One sentence stating the rule and echoing the bad value.
    public var message: String
    /// A suggestion, if one helps.
    public var hint: String?

    /// An error about `file` (and `line`, if known) with a one-sentence message.
    public init(_ kind: Kind, file: String, line: Int? = nil, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// `<file>:<line>: <message> (<hint>)`.
    public var description: String {
        let place = line.map { "\(file):\($0): " } ?? (file.isEmpty ? "" : "\(file): ")
        return place + message + (hint.map { " (\($0))" } ?? "")
    }
}
