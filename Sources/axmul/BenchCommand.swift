import ArgumentParser
import Circuits
import Dispatch
import Foundation

/// `axmul bench <what>`: release-mode benchmarks that print measured ratios (never unit tests).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (build with -c release); each prints times and ratios measured in one run.",
        discussion: "Example:\n  axmul bench characterize\n  axmul bench lutgemm --json",
        subcommands: BenchCommand.subcommands)

    /// The benchmark subcommands; others add theirs here.
    static let subcommands: [ParsableCommand.Type] = [BenchCharacterizeCommand.self, BenchNetSimCommand.self, BenchLUTGemmCommand.self, BenchRetrainCommand.self]
}

/// `axmul bench characterize`: all 256 SMApprox 8x8 designs, and one 16x16 composition over 2^32 pairs,
/// each next to a straightforward scalar loop measured in the same run.
struct BenchCharacterizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "characterize",
        abstract: "Time exhaustive characterisation against straightforward scalar loops.")

    @Option(name: .long, help: "The 16x16 composition's four 8x8 blocks (LL,HL,LH,HH).")
    var blocks16 = "smapprox8x8-3330,smapprox8x8-1100,smapprox8x8-2220,smapprox8x8-0000"

    @Flag(name: .long, help: "Skip the (slow) scalar 2^32 baseline.")
    var skipBaseline16 = false

    func run() throws {
        try DesignArgument.reporting {
            try bench8x8()
            try bench16x16()
        }
    }

    private func bench8x8() throws {
        let designs = try (0..<256).map { code in
            try BuiltinDesigns.design(named: "smapprox8x8-" + [code >> 6, (code >> 4) & 3, (code >> 2) & 3, code & 3].map(String.init).joined())
        }
        let characteriser = Characteriser()
        let (metricsOnly, tMetrics) = try timed { try designs.map { d in try ErrorDomain.allCases.map { try d.errorSums(domain: $0) } } }
        let (full, tFull) = try timed { try designs.map { try characteriser.characterise($0, reference: $0.exactReference()) } }
        let (naive, tNaive) = try timed { try designs.map { try ScalarBaseline.table($0.truthTable()) } }
        let agree = zip(full, naive).allSatisfy { abs($0.magnitude.mrePct - $1) < 1e-9 * max(1, $1) }
        print("256 SMApprox 8x8 designs, both domains:")
        print("  exact metrics only:               \(fmt(tMetrics)) s  (\(metricsOnly.count) designs)")
        print("  full characterise (metrics+cost): \(fmt(tFull)) s")
        print("  scalar Double loop, metrics only: \(fmt(tNaive)) s  ratio scalar/exact-metrics = \(fmt(tNaive / tMetrics))")
        print("  magnitude mre_pct agrees with scalar loop: \(agree)")
    }

    private func bench16x16() throws {
        let names = blocks16.split(separator: ",").map(String.init)
        guard names.count == 4 else { throw ValidationError("--blocks16 needs four names") }
        let b = try names.map { try DesignResolver.resolve($0) }
        let design = Design(name: "bench16", body: .composition(try Composition(ll: b[0], hl: b[1], lh: b[2], hh: b[3])))
        let (sums, tFast) = try timed { try design.errorSums(domain: .unsigned) }
        let m = ErrorMetrics(sums: sums, domain: .unsigned, widthA: 16, widthB: 16)
        print("16x16 composition (\(names.joined(separator: " "))), unsigned, 2^32 pairs, \(ProcessInfo.processInfo.activeProcessorCount) cores:")
        print("  composition scan (exact sums):    \(fmt(tFast)) s  mae \(m.mae) mre_pct \(m.mrePct) wce \(m.wce)")
        let (mag, tMag) = try timed { try design.errorSums(domain: .magnitude) }
        print("  magnitude domain (2^15+1)^2 pairs: \(fmt(tMag)) s  mre_pct \(ErrorMetrics(sums: mag, domain: .magnitude, widthA: 16, widthB: 16).mrePct)")
        if skipBaseline16 { return }
        let tables = try b.map { try $0.truthTable() }
        let (naive, tNaive) = timed { ScalarBaseline.composition16(tables) }
        print("  scalar Double loop, 2 threads:    \(fmt(tNaive)) s  mae \(naive.mae) mre_pct \(naive.mre)  ratio scalar/fast = \(fmt(tNaive / tFast))")
    }

    /// Runs `body`, prints nothing; returns its value and wall seconds, and logs process CPU seconds
    /// (user + system, all threads) so figures stay comparable on a loaded machine.
    private func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let cpu0 = cpuSeconds(), start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "    [wall %.3f s, cpu %.3f s]", wall, cpuSeconds() - cpu0))
        return (value, wall)
    }

    private func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    private func fmt(_ x: Double) -> String { String(format: "%.3f", x) }
}

/// Straightforward reference loops: one pass over the pairs with plain Double sums.
enum ScalarBaseline {
    /// Magnitude-domain MRE of an 8x8 table (plus the other sums, to do comparable work).
    static func table(_ t: TruthTable) -> Double {
        var sumAbs = 0.0, sumSq = 0.0, mre = 0.0, maxAbs = 0.0, nonzero = 0.0
        for domainTop in [(1 << t.widthA) - 1, 1 << (t.widthA - 1)] {
            for a in 0...domainTop {
                for b in 0...domainTop {
                    let e = Double(t[a, b]) - Double(a * b)
                    sumAbs += abs(e); sumSq += e * e; maxAbs = max(maxAbs, abs(e)); nonzero += e != 0 ? 1 : 0
                    mre += abs(e) / Double(max(1, a * b))
                }
            }
        }
        let top = 1 << (t.widthA - 1)
        var magnitude = 0.0
        for a in 0...top { for b in 0...top { magnitude += abs(Double(t[a, b]) - Double(a * b)) / Double(max(1, a * b)) } }
        _ = (sumAbs, sumSq, mre, maxAbs, nonzero)
        return 100 * magnitude / Double(top * top)
    }

    /// The unsigned metrics of a 16x16 composition of four 8x8 tables, pair by pair, rows split over 2 threads.
    static func composition16(_ t: [TruthTable]) -> (mae: Double, mre: Double) {
        let parts = UnsafeParts(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var sumAbs = 0.0, sumSq = 0.0, sumE = 0.0, ratio = 0.0, maxAbs = 0.0, nonzero = 0.0
            for a in (half * 32768)..<((half + 1) * 32768) {
                let al = a & 255, ah = a >> 8
                for b in 0..<65536 {
                    let bl = b & 255, bh = b >> 8
                    let p = Int(t[0][al, bl]) + (Int(t[1][ah, bl]) + Int(t[2][al, bh])) << 8 + Int(t[3][ah, bh]) << 16
                    let e = Double(p - a * b)
                    sumE += e; sumAbs += abs(e); sumSq += e * e; maxAbs = max(maxAbs, abs(e)); nonzero += e != 0 ? 1 : 0
                    if a != 0 && b != 0 { ratio += abs(e) / (Double(a) * Double(b)) }
                }
            }
            _ = (sumSq, sumE, maxAbs, nonzero)
            parts.set(half, (sumAbs, ratio))
        }
        let n = 4_294_967_296.0
        return ((parts.values[0].0 + parts.values[1].0) / n, 100 * (parts.values[0].1 + parts.values[1].1) / (65535.0 * 65535.0))
    }

    final class UnsafeParts: @unchecked Sendable {
        var values: [(Double, Double)]
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: (0, 0), count: count) }
        func set(_ i: Int, _ v: (Double, Double)) { lock.lock(); values[i] = v; lock.unlock() }
    }
}
