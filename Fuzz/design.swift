// Fuzz target `design`: the .axd design-file parser (built-in blocks resolve, others are errors).
// Built by scripts/fuzz against the Circuits sources compiled as one module; any trap is a bug.
import Foundation
@testable import Circuits

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? DesignParser.parse(text, file: "fuzz.axd") { (name: String) throws(DesignError) -> Design in
        try BuiltinDesigns.design(named: name)
    }
    return 0
}
