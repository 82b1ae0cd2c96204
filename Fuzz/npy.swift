// Fuzz target `npy`: the NumPy .npy table import.
// Built by scripts/fuzz against the Circuits sources compiled as one module; any trap is a bug.
import Foundation
@testable import Circuits

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    _ = try? TableImport.npy(bytes, path: "fuzz.npy")
    _ = try? SignedTableImport.npy(bytes, path: "fuzz.npy", order: .offset)   // the signed (import-lut --signed) reader of the same bytes
    return 0
}
