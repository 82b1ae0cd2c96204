// Fuzz target `csv`: the numeric CSV dataset reader.
// Built by scripts/fuzz against the NetSim sources compiled as one module; any trap is a bug.
import Foundation
@testable import NetSim

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    _ = try? CSVReader.parse(Data(bytes), path: "fuzz.csv")
    _ = try? CSVReader.parse(Data(bytes), path: "fuzz.csv", classCount: 10)
    return 0
}
