// Fuzz target `verilog-deep`: the Verilog importer on deeply nested and very long expressions.
// The input bytes are a recipe, not Verilog text: each (kind, count) pair adds a nesting of up to 1,000
// parentheses, `~` or braces, or a chain of up to 65,535 `&`/`|`/`^` terms, so every run reaches the
// depth limit and the linear-time chain code that plain text fuzzing rarely finds. Any trap, stack
// overflow or timeout (-timeout=10) is a bug.
import Foundation
@testable import Circuits

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    var expression = "a"
    var i = 0
    while i + 1 < bytes.count, expression.utf8.count < 1 << 18 {
        let kind = bytes[i] % 6, count = Int(bytes[i + 1]) * (i + 2 < bytes.count ? Int(bytes[i + 2]) + 1 : 1)
        switch kind {
        case 0: expression = String(repeating: "(", count: count % 1000) + expression + String(repeating: ")", count: count % 1000)
        case 1: expression = String(repeating: "~", count: count % 1000) + expression
        case 2: expression = String(repeating: "{", count: count % 1000) + expression + String(repeating: "}", count: count % 1000)
        default:
            let op = ["&", "|", "^"][Int(kind) - 3]
            expression = "(" + expression + ")" + String(repeating: " \(op) b", count: count % 65_536)
        }
        i += 3
    }
    let text = "module m(input a, input b, output p);\nassign p = \(expression);\nendmodule\n"
    _ = try? VerilogImporter.design(text: text, file: "fuzz.v")
    return 0
}
