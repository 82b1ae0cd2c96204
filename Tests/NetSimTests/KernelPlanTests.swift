import Testing
import NetSim

/// Route analysis: which exact decomposition each kind of table admits.
@Suite struct KernelPlanTests {
    @Test func exactTableTakesTheExactRoute() throws {
        let exact = try KernelTestTables.signed(KernelTestTables.exact)
        #expect(KernelPlan.analyse(exact).route == .exact)
    }

    @Test func smapproxCompositionsAreBlockComposed() throws {
        for digits in [[3, 3, 3, 0], [1, 1, 1, 0], [2, 2, 2, 2], [1, 2, 3, 0]] {
            let table = try KernelTestTables.signed(KernelTestTables.smapprox(digits))
            let routes = KernelPlan.applicableRoutes(table)
            #expect(routes.contains(.blockComposed4), "SMApprox \(digits)")
            #expect(KernelPlan.analyse(table).route == .byteBlocks4, "SMApprox \(digits)")
        }
    }

    /// One table decides the kernel for both entry points (row-major `fast` and the conv layout):
    /// the route, the activations' signs and the instruction-set level, as docs/kernels.md lists it.
    @Test func oneKernelChoicePerRouteActivationsAndLevel() throws {
        let exact = try KernelPlan(route: .exact, table: KernelTestTables.signed(KernelTestTables.exact))
        let blocks = try KernelPlan(route: .byteBlocks4, table: KernelTestTables.signed(KernelTestTables.smapprox([3, 3, 3, 0])))
        let composed = try KernelPlan(route: .blockComposed4, table: KernelTestTables.signed(KernelTestTables.smapprox([3, 3, 3, 0])))
        let gather = try KernelPlan(route: .gather, table: KernelTestTables.signed(KernelTestTables.random(seed: 3)))
        let expected: [(KernelPlan, Bool, KernelISA, GemmKernel)] = [
            (exact, true, .avx512, .vnniExact), (exact, false, .avx512, .vnniExact),
            (exact, true, .avx2, .pair), (exact, false, .avx2, .sgemm), (exact, true, .portable, .sgemm),
            (blocks, true, .avx512, .vbmiBlocks), (blocks, false, .avx512, .nibble), (blocks, true, .avx2, .pair),
            (blocks, true, .portable, .pair), (blocks, false, .portable, .nibble),
            (composed, true, .avx512, .nibble), (gather, true, .avx512, .gather), (gather, false, .portable, .gather),
        ]
        for (plan, nonNegative, isa, kernel) in expected where isa <= KernelISA.current {
            #expect(plan.kernel(nonNegative: nonNegative, isa: isa) == kernel, "\(plan.route) \(nonNegative) \(isa)")
        }
    }

    @Test func kulkarniErrorIsRankOneWithTheKnownFactors() throws {
        let table = try KernelTestTables.signed(KernelTestTables.table256 { KernelTestTables.kulkarni($0, $1) })
        let f = try #require(LowRankFactors.find(table))
        #expect(f.rank == 1)
        let p = KernelTestTables.kulkarniDigitsOfThree
        // Factors are unique up to scale; their product must be −2·p(a)·p(b).
        let ok = (0...128).allSatisfy { a in
            (0...128).allSatisfy { b in Int(f.u[0][a]) * Int(f.v[0][b]) == -2 * p(a) * p(b) }
        }
        #expect(ok)
        #expect(KernelPlan.applicableRoutes(table) == [.lowRank(1), .byteBlocks4, .blockComposed4, .gather])
        #expect(KernelPlan.analyse(table).route == .byteBlocks4)
    }

    @Test func constructedLowRankTablesAreFound() throws {
        let one = try KernelTestTables.signed(KernelTestTables.rankOne)
        #expect(KernelPlan.applicableRoutes(one).contains(.lowRank(1)))
        let two = KernelPlan.applicableRoutes(try KernelTestTables.signed(KernelTestTables.rankTwo))
        #expect(two.contains(.lowRank(2)))
    }

    @Test func randomTableOnlyGathers() throws {
        let table = try KernelTestTables.signed(KernelTestTables.random(seed: 99))
        #expect(KernelPlan.applicableRoutes(table) == [.gather])
        #expect(throws: ApproxError.self) { try KernelPlan(route: .blockComposed4, table: table) }
        #expect(throws: ApproxError.self) { try KernelPlan(route: .lowRank(1), table: table) }
    }

    @Test func routeTextRoundTrips() {
        for r in [KernelRoute.exact, .byteBlocks4, .blockComposed4, .lowRank(3), .gather] {
            #expect(KernelRoute(text: r.description) == r)
        }
        #expect(KernelRoute(text: "low-rank-0") == nil)
    }
}
