// Fuzz target `axlut`: the binary .axlut table-file reader.
// Each input is parsed as is, then again with its size and checksum fields repaired so that the
// fuzzer also reaches the section parsing behind the checksum gate. Any trap is a bug.
import Foundation
@testable import Circuits
@testable import TableFormat

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    _ = try? LookupTable(bytes: bytes, path: "fuzz.axlut")
    guard bytes.count >= TableFormat.headerSize else { return 0 }
    let count = UInt64(bytes.count)
    for k in 0..<8 { bytes[32 + k] = UInt8(truncatingIfNeeded: count >> UInt64(8 * k)) }
    let sum = LookupTable.checksum(of: bytes)
    for k in 0..<8 { bytes[40 + k] = UInt8(truncatingIfNeeded: sum >> UInt64(8 * k)) }
    if let t = try? LookupTable(bytes: bytes, path: "fuzz.axlut") {   // the cost keys of version-2 files
        _ = (t.cost, t.costUnknownReason, t.sourceHash, CostEstimate(table: t))
    }
    return 0
}
