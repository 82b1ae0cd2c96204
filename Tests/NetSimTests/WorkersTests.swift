import Foundation
import Testing
@testable import NetSim

/// The worker count: cgroup quota parsing, `AXMUL_THREADS`, and loops whose chunks do not depend on it.
struct WorkersTests {
    @Test func cgroupQuotaRoundsUpToWholeCPUs() {
        #expect(Workers.quota(cpuMax: "150000 100000\n") == 2)
        #expect(Workers.quota(cpuMax: "200000 100000") == 2)
        #expect(Workers.quota(cpuMax: "50000 100000") == 1)
        #expect(Workers.quota(cpuMax: "max 100000\n") == nil)
        #expect(Workers.quota(cpuMax: "-1 100000") == nil)    // cgroup v1 "no limit"
        #expect(Workers.quota(cpuMax: "garbage") == nil)
        #expect(Workers.cgroupV2Path("0::/user.slice/job-7\n") == "/user.slice/job-7")
        #expect(Workers.cgroupV2Path("0::/\n") == nil)
        #expect(Workers.cgroupV2Path("12:cpu:/docker/x\n") == nil)
    }

    @Test func environmentVariable() throws {
        #expect(try Workers.fromEnvironment([:]) == nil)
        #expect(try Workers.fromEnvironment(["AXMUL_THREADS": " 12 "]) == Workers(12))
        for bad in ["0", "-3", "two", "1.5"] {
            #expect(throws: WorkersError.self) { try Workers.fromEnvironment(["AXMUL_THREADS": bad]) }
        }
        #expect(Workers.available.count >= 1)
    }

    @Test func chunkCountDependsOnlyOnTheProblemSize() {
        #expect(Parallel.chunkCount(0, grain: 8) == 0)
        #expect(Parallel.chunkCount(5, grain: 8) == 1)
        #expect(Parallel.chunkCount(4096, grain: 2048) == 2)
        #expect(Parallel.chunkCount(1 << 30, grain: 1) == Parallel.maxChunks)
    }

    /// Every chunk runs exactly once for any worker count, and a chunked float sum reduced in chunk
    /// order is the same bits for 1, 2, 3, 8 and 32 workers.
    @Test func chunkedSumsAreIdenticalForAnyWorkerCount() {
        let values = (0..<100_000).map { Float(sin(Double($0) * 0.37)) * 1e3 }
        func sum(_ workers: Int) -> (Float, [Int]) {
            Workers.with(Workers(workers)) {
                let chunks = Parallel.chunkCount(values.count, grain: 1000)
                var partial = [Float](repeating: 0, count: chunks), runs = [Int](repeating: 0, count: chunks)
                partial.withUnsafeMutableBufferPointer { p in
                    runs.withUnsafeMutableBufferPointer { r in
                        let box = UnsafeSendable((p.baseAddress!, r.baseAddress!))
                        Parallel.ranges(values.count, grain: 1000) { c, lo, hi in
                            var s: Float = 0
                            for i in lo..<hi { s += values[i] }
                            box.value.0[c] = s
                            box.value.1[c] += 1
                        }
                    }
                }
                return (partial.reduce(0, +), runs)
            }
        }
        let one = sum(1)
        #expect(one.1.allSatisfy { $0 == 1 })
        for w in [2, 3, 8, 32] {
            let r = sum(w)
            #expect(r.0.bitPattern == one.0.bitPattern && r.1 == one.1, "\(w) workers")
        }
    }
}
