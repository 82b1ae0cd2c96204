// Fuzz target `verilog`: the gate-level Verilog importer.
// Built by scripts/fuzz against the Circuits sources compiled as one module; any trap is a bug.
import Foundation
@testable import Circuits

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? VerilogImporter.design(text: text, file: "fuzz.v")
    _ = try? VerilogImporter.design(text: text, file: "fuzz.v", swapOperands: true)
    return 0
}
