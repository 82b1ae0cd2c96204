import Foundation
import Testing
@testable import Circuits
#if canImport(Glibc)
import Glibc
#endif

/// Characterisation figures do not depend on the worker count: scans split work into chunks fixed
/// by the problem size and merge them in chunk order. Every metric is compared bit for bit (Equatable).
@Suite(.serialized) struct ThreadDeterminismTests {
    /// `body` under 1 worker, 2 workers and the default (all cores, one Dispatch work item per chunk).
    func underWorkerCounts<T>(_ body: () throws -> T) rethrows -> [T] {
        [try CharacterisationThreads.withWorkers(1, body),
         try CharacterisationThreads.withWorkers(2, body),
         try CharacterisationThreads.withWorkers(nil, body)]
    }

    func expectAllEqual<T: Equatable>(_ results: [T], _ label: String) {
        for r in results.dropFirst() { #expect(r == results[0], "\(label): 2 or default workers differ from 1 worker") }
    }

    @Test func oneWorkerRunsEveryChunkOnTheCallingThread() {
        let caller = pthread_self()
        let threads = CharacterisationThreads.withWorkers(1) { ParallelChunks.map(count: 16) { _ in pthread_self() } }
        #expect(threads.allSatisfy { pthread_equal($0, caller) != 0 })
        let order = CharacterisationThreads.withWorkers(2) { ParallelChunks.map(count: 37) { $0 * $0 } }
        #expect(order == (0..<37).map { $0 * $0 })
    }

    /// An 8x8 composition of SMApprox blocks: the full characterisation, and the parallel composition
    /// scan (256 row chunks) that 16x16 designs use, run directly on it.
    @Test func smapprox8x8CompositionIsIdenticalForAnyWorkerCount() throws {
        let design = try BuiltinDesigns.design(named: "smapprox8x8-1230")
        expectAllEqual(try underWorkerCounts { try Characteriser().characterise(design) }, "characterise")
        guard case .composition(let c) = design.body else { Issue.record("not a composition"); return }
        let blocks = try BlockErrors(c)
        for domain in ErrorDomain.ofUnsignedDesigns {
            expectAllEqual(underWorkerCounts { CompositionScan.sums(blocks, domain: domain) }, "composition scan \(domain)")
        }
    }

    /// A 10x10 composition of 5-bit Mitchell blocks (2^20 pairs) goes through `characterise`'s parallel
    /// composition scan (the 16x16 path, 256 row chunks).
    @Test func composition10x10IsIdenticalForAnyWorkerCount() throws {
        let block = Design(name: "m5", body: .formula(.mitchell(width: 5)))
        let design = Design(name: "m10", body: .composition(try Composition(ll: block, hl: block, lh: block, hh: block)))
        let results = try underWorkerCounts { try Characteriser().characterise(design) }
        expectAllEqual(results, "10x10 characterise")
        #expect(results[0].unsigned.mae > 0)
    }

    /// The general row scan of a product function (formula designs, imported tables) with 1024 row chunks.
    @Test func generalScanIsIdenticalForAnyWorkerCount() {
        let f: @Sendable (UInt64, UInt64) -> UInt64 = { Formula.mitchell($0, $1) }
        for domain in ErrorDomain.ofUnsignedDesigns {
            expectAllEqual(underWorkerCounts { TableScan.sums(widthA: 9, widthB: 9, domain: domain, product: f) }, "row scan \(domain)")
        }
    }

    /// Sampled 16x16 characterisation (single-threaded, seeded) is identical too.
    @Test func sampled16x16IsIdenticalForAnyWorkerCount() throws {
        let design = try DesignTestSupport.parse("""
            design s16
            compose ll=smapprox8x8-3210 hl=smapprox8x8-1111 lh=smapprox8x8-2222 hh=exact8
            """)
        expectAllEqual(try underWorkerCounts { try Characteriser().characteriseSampled(design, samples: 3000, seed: 5) }, "sampled 16x16")
    }
}
