import Foundation

/// One sentence, in AxMul's words, for an error that Foundation raised (file system, JSON decoding), so that
/// no `Error Domain=NSCocoaErrorDomain Code=516 …` or `DecodingError.dataCorrupted(…)` text reaches a user.
/// The CLI's error renderer uses it for any error that is not one of AxMul's typed errors; readers that
/// know their file use it to word the reason of their own typed error.
public enum FoundationErrorText {
    /// The file the error names (if Foundation recorded one) and a one-line reason; nil for other errors.
    public static func describe(_ error: Error) -> (path: String?, reason: String)? {
        if let decoding = error as? DecodingError { return (nil, reason(decoding)) }
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return nil }
        let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        if ns.domain == NSPOSIXErrorDomain { return (path, posix(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return (path, posix(Int32(underlying.code)))
        }
        return (path, cocoa(ns.code))
    }

    /// `<path>: <reason>` or just the reason.
    public static func line(_ error: Error) -> String? {
        describe(error).map { d in d.path.map { "\($0): \(d.reason)" } ?? d.reason }
    }

    static func posix(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    static func cocoa(_ code: Int) -> String {
        switch code {
        case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue: return "no such file or folder"
        case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue: return "permission denied"
        case CocoaError.fileWriteFileExists.rawValue: return "a file or folder is already there"
        case CocoaError.fileWriteOutOfSpace.rawValue: return "no space left on the device"
        case CocoaError.fileWriteVolumeReadOnly.rawValue: return "the file system is read-only"
        case CocoaError.fileReadTooLarge.rawValue: return "the file is too large to read"
        case CocoaError.fileReadCorruptFile.rawValue, CocoaError.propertyListReadCorrupt.rawValue: return "the file is corrupt"
        case CocoaError.fileReadInapplicableStringEncoding.rawValue: return "the file is not text in the expected encoding"
        case CocoaError.fileLocking.rawValue: return "the file is locked"
        case CocoaError.fileReadInvalidFileName.rawValue, CocoaError.fileWriteInvalidFileName.rawValue: return "the file name is invalid"
        default: return code >= 512 && code < 1024 ? "the file could not be written" : "the file could not be read"
        }
    }

    /// Which field of the JSON, and what is wrong with it.
    static func reason(_ error: DecodingError) -> String {
        let path = { (c: DecodingError.Context) in c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") }
        let kind = { (type: Any.Type) in type == Double.self || type == Float.self || type == Int.self ? "number" : type == String.self ? "string" : "\(type)" }
        switch error {
        case .keyNotFound(let key, let c):
            return "the field '\((path(c).isEmpty ? "" : path(c) + ".") + key.stringValue)' is missing"
        case .typeMismatch(let type, let c), .valueNotFound(let type, let c):
            return "the field '\(path(c))' is not a \(kind(type))"
        case .dataCorrupted(let c):
            return c.codingPath.isEmpty ? "it is not valid JSON" : "the field '\(path(c))' has an invalid value"
        @unknown default:
            return "it does not have the expected fields"
        }
    }
}
