// Fuzz target `axlut`: the binary .axlut table-file reader.
// Built by scripts/fuzz against the FuzzCircuits sources compiled as one module; any trap is a bug.
import Foundation
@testable import FuzzCircuits

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    _ = try? LookupTable(bytes: bytes, path: "fuzz.axlut")
    return 0
}
