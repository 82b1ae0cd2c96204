import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One timed step: wall seconds and process CPU seconds (all threads), so figures stay
/// comparable on a loaded machine.
public struct BenchTiming: Sendable, Codable, Equatable {
    public var wallSeconds: Double
    public var cpuSeconds: Double

    enum CodingKeys: String, CodingKey { case wallSeconds = "wall_s", cpuSeconds = "cpu_s" }

    /// Runs `body` and returns its value with the time it took.
    public static func measure<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (T, BenchTiming) {
        let cpu0 = processCPUSeconds(), start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (value, BenchTiming(wallSeconds: wall, cpuSeconds: processCPUSeconds() - cpu0))
    }

    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}

/// `axmul bench characterize` for the 256 SMApprox 8x8 designs: exact sums, full characterisation
/// and a straightforward Double loop, timed in one run.
public struct Bench8x8Report: Sendable, Codable, Equatable {
    public var designs: Int
    public var exactMetrics: BenchTiming
    public var fullCharacterisation: BenchTiming
    public var scalarLoop: BenchTiming
    /// scalar loop wall time / exact-metrics wall time.
    public var ratioScalarOverExact: Double
    /// Whether every design's magnitude-domain MRE agrees with the scalar loop (relative 1e-9).
    public var mreAgrees: Bool

    enum CodingKeys: String, CodingKey {
        case designs, exactMetrics = "exact_metrics", fullCharacterisation = "full_characterisation"
        case scalarLoop = "scalar_loop", ratioScalarOverExact = "ratio_scalar_over_exact", mreAgrees = "mre_agrees"
    }
}

/// The 16x16 composition part: both domains exhaustively, and the scalar 2^32 loop unless skipped.
public struct Bench16x16Report: Sendable, Codable, Equatable {
    public var blocks: [String]
    public var cores: Int
    public var unsigned: BenchTiming
    public var unsignedMetrics: ErrorMetrics
    public var magnitude: BenchTiming
    public var magnitudeMetrics: ErrorMetrics
    public var scalarLoop: BenchTiming?
    public var scalarMAE: Double?
    public var scalarMREPct: Double?
    /// scalar loop wall time / unsigned scan wall time.
    public var ratioScalarOverFast: Double?

    enum CodingKeys: String, CodingKey {
        case blocks, cores, unsigned, magnitude
        case unsignedMetrics = "unsigned_metrics", magnitudeMetrics = "magnitude_metrics"
        case scalarLoop = "scalar_loop", scalarMAE = "scalar_mae", scalarMREPct = "scalar_mre_pct"
        case ratioScalarOverFast = "ratio_scalar_over_fast"
    }
}

/// The whole `axmul bench characterize --json` object.
public struct CharacterisationBenchReport: Sendable, Codable, Equatable {
    public var smapprox8x8: Bench8x8Report
    /// Absent when the 16x16 part was skipped.
    public var composition16x16: Bench16x16Report?

    public init(smapprox8x8: Bench8x8Report, composition16x16: Bench16x16Report?) {
        (self.smapprox8x8, self.composition16x16) = (smapprox8x8, composition16x16)
    }

    enum CodingKeys: String, CodingKey { case smapprox8x8 = "smapprox_8x8", composition16x16 = "composition_16x16" }
}

/// Times exhaustive characterisation against straightforward scalar loops (meaningful in release builds).
public enum CharacterisationBenchmark {
    /// The first `count` (default all 256) SMApprox 8x8 compositions in code order, both error domains.
    public static func smapprox8x8(count: Int = 256) throws(DesignError) -> Bench8x8Report {
        var designs: [Design] = []
        for code in 0..<min(max(count, 1), 256) {
            let digits = [code >> 6, (code >> 4) & 3, (code >> 2) & 3, code & 3].map(String.init).joined()
            designs.append(try BuiltinDesigns.design(named: "smapprox8x8-" + digits))
        }
        let (_, tMetrics) = try BenchTiming.measure { () throws(DesignError) in
            for d in designs { for domain in ErrorDomain.ofUnsignedDesigns { _ = try d.errorSums(domain: domain) } }
        }
        let characteriser = Characteriser()
        let (full, tFull) = try BenchTiming.measure { () throws(DesignError) -> [Characterisation] in
            var out: [Characterisation] = []
            for d in designs { out.append(try characteriser.characterise(d, reference: d.exactReference())) }
            return out
        }
        let (naive, tNaive) = try BenchTiming.measure { () throws(DesignError) -> [Double] in
            var out: [Double] = []
            for d in designs { out.append(ScalarBaseline.magnitudeMREPct(try d.truthTable())) }
            return out
        }
        let agree = zip(full, naive).allSatisfy { abs($0.magnitude.mrePct - $1) < 1e-9 * max(1, $1) }
        return Bench8x8Report(designs: designs.count, exactMetrics: tMetrics, fullCharacterisation: tFull, scalarLoop: tNaive,
                              ratioScalarOverExact: tNaive.wallSeconds / tMetrics.wallSeconds, mreAgrees: agree)
    }

    /// A 16x16 composition of four 8x8 designs over all 2^32 pairs (and the magnitude domain).
    public static func composition16x16(blocks: [Design], skipScalar: Bool) throws(DesignError) -> Bench16x16Report {
        guard blocks.count == 4 else {
            throw DesignError.invalidValue(what: "--blocks16", value: blocks.map(\.name).joined(separator: ","),
                                           rule: "give exactly four 8x8 designs: LL,HL,LH,HH", location: nil)
        }
        let design = Design(name: "bench16", body: .composition(try Composition(ll: blocks[0], hl: blocks[1], lh: blocks[2], hh: blocks[3])))
        let (sums, tFast) = try BenchTiming.measure { () throws(DesignError) in try design.errorSums(domain: .unsigned) }
        let (mag, tMag) = try BenchTiming.measure { () throws(DesignError) in try design.errorSums(domain: .magnitude) }
        var report = Bench16x16Report(
            blocks: blocks.map(\.name), cores: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), unsigned: tFast,
            unsignedMetrics: ErrorMetrics(sums: sums, domain: .unsigned, widthA: 16, widthB: 16),
            magnitude: tMag, magnitudeMetrics: ErrorMetrics(sums: mag, domain: .magnitude, widthA: 16, widthB: 16))
        if skipScalar { return report }
        var tables: [TruthTable] = []
        for b in blocks { tables.append(try b.truthTable()) }
        let (naive, tNaive) = BenchTiming.measure { ScalarBaseline.composition16(tables) }
        report.scalarLoop = tNaive
        (report.scalarMAE, report.scalarMREPct) = (naive.mae, naive.mrePct)
        report.ratioScalarOverFast = tNaive.wallSeconds / tFast.wallSeconds
        return report
    }
}
