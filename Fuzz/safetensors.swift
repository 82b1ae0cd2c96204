// Fuzz target `safetensors`: the safetensors checkpoint reader.
// Built by scripts/fuzz against the NetSim sources compiled as one module; any trap is a bug.
import Foundation
@testable import NetSim

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    _ = try? SafeTensors.decode(Data(bytes), path: "fuzz.safetensors")
    return 0
}
