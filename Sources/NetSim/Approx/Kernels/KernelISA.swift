import CKernels
import Foundation

/// The instruction-set level of the LUT-GEMM kernels, chosen at run time.
///
/// - `avx512`: AVX-512 F, BW, VBMI and VNNI: the VNNI exact kernel (`vpdpbusd`) and the VBMI
///   byte-block kernel (`vpermb` table look-ups), both in `avx512_gemm.c`;
/// - `avx2`: the AVX2 nibble, pair and gather kernels;
/// - `portable`: the same sums in plain C.
/// Every level computes the same integers bit for bit. `AXMUL_ISA=avx2|portable` caps the level
/// (to measure or test a fallback on a newer machine); it never raises it above what the CPU has.
public enum KernelISA: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case portable, avx2, avx512

    public static func < (a: KernelISA, b: KernelISA) -> Bool { a.rawValue < b.rawValue }

    public var description: String { ["portable", "avx2", "avx512"][rawValue] }

    /// The highest level this CPU runs.
    public static let detected: KernelISA = {
        if ck_has_avx512vbmi() != 0 && ck_has_avx512vnni() != 0 { return .avx512 }
        return ck_has_avx2() != 0 ? .avx2 : .portable
    }()

    /// The environment variable that caps the level.
    public static let environmentVariable = "AXMUL_ISA"

    /// `AXMUL_ISA` parsed: nil when unset or empty; throws `KernelISAError` for another value.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> KernelISA? {
        guard let raw = environment[environmentVariable]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let isa = allCases.first(where: { $0.description == raw.lowercased() }) else { throw KernelISAError(value: raw) }
        return isa
    }

    /// The level the kernels use: `detected`, capped by a valid `AXMUL_ISA`.
    public static let current: KernelISA = min(detected, (try? fromEnvironment()) ?? .avx512)

    /// Every level this machine can run, lowest first (tests compare them all).
    public static var supported: [KernelISA] { allCases.filter { $0 <= detected } }

    /// What the CPU reports, for bench output: e.g. "avx512 (AVX-512 F/BW/VBMI/VNNI)" or
    /// "avx2 (no AVX-512 VBMI/VNNI on this CPU)".
    public static var summary: String {
        let cpu: String
        switch detected {
        case .avx512: cpu = "AVX-512 F/BW/VBMI/VNNI"
        case .avx2: cpu = "AVX2; no AVX-512 VBMI/VNNI on this CPU"
        case .portable: cpu = "no AVX2 on this CPU"
        }
        return current == detected ? "\(current) (\(cpu))" : "\(current) (capped by \(environmentVariable); CPU: \(cpu))"
    }
}

/// `AXMUL_ISA` holds an unknown level.
public struct KernelISAError: Error, CustomStringConvertible {
    public let value: String
    public var description: String { "AXMUL_ISA '\(value)' is invalid: use avx512, avx2 or portable (a cap on the kernels' instruction set), or unset it" }
}
