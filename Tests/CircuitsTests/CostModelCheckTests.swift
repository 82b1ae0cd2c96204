import Testing
@testable import Circuits

/// The comparison of the cost model with published measurements: Spearman's ρ by hand, ties included.
struct CostModelCheckTests {
    /// Published [0.198, 0.180, 0.192, 0.192] ranks [4, 1, 2.5, 2.5]; model [1, 0.874, 0.424, 0.474] ranks
    /// [4, 3, 1, 2]; deviations from 2.5: cov 1.5, variances 4.5 and 5, so ρ = 1.5 / √22.5 = 0.31623.
    @Test func spearmanWithTiesByHand() {
        #expect(CostModelCheck.ranks([0.198, 0.180, 0.192, 0.192]) == [4, 1, 2.5, 2.5])
        let rho = CostModelCheck.spearman([0.198, 0.180, 0.192, 0.192], [1, 0.874, 0.424, 0.474])
        #expect(abs(rho - 1.5 / 22.5.squareRoot()) < 1e-12)
        #expect(CostModelCheck.spearman([1, 2, 3], [30, 20, 10]) == -1)
    }

    /// Rows follow the published table; spreads are largest/smallest; a design the model has no cost for is NaN.
    @Test func checkOfATable() {
        let model = ["smapprox4x4-0": CostModelCheck.Figures(powerRel: 1, luts: 12), "smapprox4x4-1": .init(powerRel: 0.5, luts: 11),
                     "smapprox4x4-2": .init(powerRel: 0.25, luts: 7), "smapprox4x4-3": .init(powerRel: 0.4, luts: 8)]
        let c = CostModelCheck(table: PublishedCost.smapprox4x4, costModel: "test", model: model)
        #expect(c.rows.map(\.design) == ["smapprox4x4-0", "smapprox4x4-1", "smapprox4x4-2", "smapprox4x4-3"])
        #expect(abs(c.publishedSpread - 0.198 / 0.180) < 1e-12 && c.modelSpread == 4)
        // LUT ranks: published [3.5, 3.5, 1.5, 1.5], model [4, 3, 1, 2]: cov 4, variances 4 and 5, ρ = 4/√20.
        #expect(abs(c.lutRankCorrelation! - 4 / 20.0.squareRoot()) < 1e-12)
        let missing = CostModelCheck(table: PublishedCost.smapprox4x4, costModel: "test", model: [:])
        #expect(missing.rows.allSatisfy { $0.modelRel.isNaN } && missing.lutRankCorrelation == nil)
        // Ratio range: model / 1 over published / 0.198: 1, 0.5·0.198/0.180, 0.25·0.198/0.192, 0.4·0.198/0.192.
        #expect(abs(c.ratioRange[0] - 0.25 * 0.198 / 0.192) < 1e-12 && abs(c.ratioRange[1] - 1) < 1e-12)
        #expect(c.areaRankCorrelation == nil, "an FPGA table has no area")
    }
}
