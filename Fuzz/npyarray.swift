// Fuzz target `npyarray`: NetSim's .npy array reader (data folders), values read out as floats and integers.
// Built by scripts/fuzz against the NetSim sources compiled as one module; any trap is a bug.
import Foundation
@testable import NetSim

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    if let array = try? NPYArray.parse(Data(bytes), path: "fuzz.npy") {
        _ = try? array.floats(path: "fuzz.npy")
        _ = try? array.integers(path: "fuzz.npy")
    }
    return 0
}
