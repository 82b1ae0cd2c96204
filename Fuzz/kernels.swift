// Fuzz target `kernels`: the LUT-GEMM kernels (C code with raw pointers: panel tails, partial vectors,
// column splits, row-major and transposed outputs) against the plain triple loop, under AddressSanitizer.
// The input chooses a table family (exact, block composition, truncated, a·b plus a small error, any),
// a route, the shape, the operand values and the ISA level (AVX-512,
// AVX2 or portable, among those this CPU runs);
// a result that differs from `LUTGemm.reference` by one bit is a trap. Built by scripts/fuzz against
// NetSim compiled as a module (with -enable-testing).
import Foundation
@testable import NetSim

/// Reads the fuzz input front to back; past its end every read is 0.
struct InputBytes {
    let bytes: [UInt8]
    var at = 0
    mutating func next() -> UInt8 {
        defer { at += 1 }
        return at < bytes.count ? bytes[at] : 0
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let v = Int(next()) | Int(next()) << 8
        return range.lowerBound + v % (range.count)
    }
}

/// The 256×256 unsigned table T(a, b) of one family, chosen by `family`.
func unsignedTable(family: UInt8, input: inout InputBytes) -> [UInt32] {
    var t = [UInt32](repeating: 0, count: 65_536)
    switch family % 5 {
    case 0:  // exact: the exact, byte-blocks and nibble routes
        for a in 0..<256 { for b in 0..<256 { t[a << 8 | b] = UInt32(a * b) } }
    case 1:  // a 4-bit block composition with input-chosen blocks (values ≤ 225): the nibble routes
        var blocks = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 4)
        for k in 0..<4 { for i in 0..<256 { blocks[k][i] = UInt32(input.next()) % 226 } }
        for a in 0..<256 {
            for b in 0..<256 {
                let (al, ah, bl, bh) = (a & 15, a >> 4, b & 15, b >> 4)
                t[a << 8 | b] = blocks[0][al << 4 | bl] + (blocks[1][ah << 4 | bl] + blocks[2][al << 4 | bh]) << 4
                    + blocks[3][ah << 4 | bh] << 8
            }
        }
    case 2:  // truncated: low bits of the exact product cleared (low-rank or gather)
        let mask = ~UInt32((1 << (input.next() % 9)) - 1)
        for a in 0..<256 { for b in 0..<256 { t[a << 8 | b] = UInt32(a * b) & mask } }
    case 3:  // a·b plus a seeded error in −E...E (gather; products in Int16, so the VBMI gather kernel runs)
        var rng = SplitMix64(seed: UInt64(input.next()) | UInt64(input.next()) << 8)
        let e = Int(input.next()) * 4 + 1
        for a in 0..<256 { for b in 0..<256 { t[a << 8 | b] = UInt32(max(0, a * b + Int(rng.next() % UInt64(2 * e + 1)) - e)) } }
    default:  // any table (gather): values from a seeded generator
        var rng = SplitMix64(seed: UInt64(input.next()) | UInt64(input.next()) << 8)
        for i in 0..<65_536 { t[i] = UInt32(rng.next() % 65_536) }
    }
    return t
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = InputBytes(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let family = input.next(), routeChoice = input.next(), flags = input.next()
    guard let table = try? SignedProductTable(unsignedProducts: unsignedTable(family: family, input: &input), width: 8)
    else { return 0 }
    let routes = KernelPlan.applicableRoutes(table)
    guard let plan = try? KernelPlan(route: routes[Int(routeChoice) % routes.count], table: table) else {
        fatalError("route \(routes[Int(routeChoice) % routes.count]) is listed as applicable but its plan fails")
    }
    // Shapes across panel and vector edges; about one in eight has enough pixels for column splits.
    let wide = flags & 0x70 == 0x70
    let m = wide ? input.int(4_000...4_200) : input.int(1...80)
    let k = wide ? input.int(1...9) : input.int(1...150)
    let n = wide ? input.int(1...6) : input.int(1...70)
    let nonNegative = flags & 1 != 0
    let levels = KernelISA.supported, isa = levels[Int(flags >> 1 & 3) % levels.count]
    var rng = SplitMix64(seed: UInt64(input.next()) | UInt64(input.next()) << 8)
    let extremes: [Int8] = [0, 127, -127, -128, 1, -1]
    func operand() -> Int8 {
        let r = rng.next()
        let v = r & 7 < 3 ? extremes[Int(r >> 8) % extremes.count] : Int8(truncatingIfNeeded: r >> 16)
        return nonNegative && v < 0 ? (v == -128 ? 127 : -v) : v
    }
    let x = (0..<(m * k)).map { _ in operand() }
    let w = (0..<(k * n)).map { _ in nonNegative ? Int8(truncatingIfNeeded: rng.next()) : operand() }
    guard let expected = try? LUTGemm.reference(x: x, w: w, m: m, k: k, n: n, table: table) else {
        fatalError("the reference refused shape \(m)×\(k)×\(n)")
    }
    let got = try? LUTGemm.fast(x: x, w: w, m: m, k: k, n: n, plan: plan, isa: isa)
    if got != expected { fatalError("route \(plan.route) \(isa) shape \(m)×\(k)×\(n): row-major result differs") }
    let xT = LUTGemm.transpose(x, rows: m, cols: k)
    let gotT = try? LUTGemm.fastTransposed(xT: xT, w: w, m: m, k: k, n: n, plan: plan, isa: isa)
    if gotT != LUTGemm.transpose(expected, rows: m, cols: n) {
        fatalError("route \(plan.route) \(isa) shape \(m)×\(k)×\(n): transposed result differs")
    }
    return 0
}
