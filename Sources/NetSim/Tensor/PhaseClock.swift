import Dispatch
import Foundation

/// Opt-in wall-clock accounting of the phases of a training step (im2col, LUT GEMM, batch norm, …),
/// used by `axmul bench lutgemm` to break a measured epoch down. Off by default: then a phase
/// costs one lock-free flag read. Phases are timed on the calling thread and must not nest.
public enum PhaseClock {
    /// The accounted phases; `rawValue` is the JSON key.
    public enum Phase: String, CaseIterable, Sendable, Codable {
        case forwardGEMM = "forward_gemm", backwardGEMM = "backward_gemm", im2col = "im2col_col2im"
        case batchNorm = "batch_norm", quantisation = "quantisation", relu = "relu_add_pool"
        case optimiser = "optimiser"
        /// The error model's Ξ (normal draws and the fused pass) and its backward gain.
        case errorModel = "error_model"
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var enabled = false
        var totals: [Phase: UInt64] = [:]
    }

    private static let state = State()

    /// Starts accounting from zero.
    public static func start() {
        state.lock.lock(); defer { state.lock.unlock() }
        state.totals = [:]
        state.enabled = true
    }

    /// Stops accounting and returns seconds per phase.
    public static func stop() -> [Phase: Double] {
        state.lock.lock(); defer { state.lock.unlock() }
        state.enabled = false
        return state.totals.mapValues { Double($0) * 1e-9 }
    }

    /// Runs `body`, adding its wall time to `phase` when accounting is on.
    @inline(__always)
    public static func measure<T>(_ phase: Phase, _ body: () throws -> T) rethrows -> T {
        guard state.enabled else { return try body() }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let dt = DispatchTime.now().uptimeNanoseconds - t0
        state.lock.lock()
        state.totals[phase, default: 0] += dt
        state.lock.unlock()
        return result
    }
}
