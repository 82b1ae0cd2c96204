// Fuzz target `png`: NetSim's PNG decoder (image class folders).
// Built by scripts/fuzz against the NetSim sources compiled as one module; any trap is a bug.
import Foundation
@testable import NetSim

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    _ = try? PNGDecoder.decode(Data(bytes), path: "fuzz.png")
    return 0
}
