// Fuzz target `text`: the CSV/text table import.
// Built by scripts/fuzz against the Circuits sources compiled as one module; any trap is a bug.
import Foundation
@testable import Circuits

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    _ = try? TableImport.text(String(decoding: bytes, as: UTF8.self), path: "fuzz.csv")
    _ = try? SignedTableImport.text(String(decoding: bytes, as: UTF8.self), path: "fuzz.txt", order: .pattern)   // the signed (import-lut --signed) reader of the same bytes
    return 0
}
