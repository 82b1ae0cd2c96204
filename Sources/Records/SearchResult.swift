import Foundation

/// What `front.json` holds: the Pareto front of (energy relative to exact, validation accuracy), the
/// uniform assignments for comparison, and the refined front when `--refine` is not none. It holds no
/// paths, times or hosts, so a Slurm run and a local run of the same seed write the same bytes.
public struct SearchResult: Record, Sendable, Codable, Equatable {
    public static let schema = RecordSchema("search-front", version: 1)

    public struct Point: Sendable, Codable, Equatable {
        /// Design name per layer (in `layers` order).
        public var assignment: [String]
        public var energyRel: Double
        public var validationAccuracy: Double
        public var testAccuracy: Double?
        public var distinct: Int

        enum CodingKeys: String, CodingKey {
            case assignment, distinct, energyRel = "energy_rel", validationAccuracy = "validation_accuracy", testAccuracy = "test_accuracy"
        }

        public init(assignment: [String], energyRel: Double, validationAccuracy: Double, testAccuracy: Double?, distinct: Int) {
            (self.assignment, self.energyRel, self.validationAccuracy) = (assignment, energyRel, validationAccuracy)
            (self.testAccuracy, self.distinct) = (testAccuracy, distinct)
        }
    }

    public var layers: [String]
    public var designs: [String]
    public var exact8ValidationAccuracy: Double
    public var exact8TestAccuracy: Double
    public var constraints: SearchConstraints
    public var maxDistinct: Int?
    public var population: Int
    public var generations: Int
    public var seed: UInt64
    /// Distinct assignments evaluated on the validation split.
    public var candidates: Int
    public var front: [Point]
    public var uniform: [Point]
    /// "none", "tune" or "retrain".
    public var refine: String
    /// The front after refinement (same order as `front`), absent for refine none.
    public var refined: [Point]?
    /// The cost model `energy_rel` comes from (`TableCost.model`); absent in results written before it was recorded.
    public var energyModel: String?
    /// Whether the model was trained without the validation images (`axmul train --hold-out-validation`);
    /// absent in results written before it was recorded.
    public var validationHeldOut: Bool?

    public init(layers: [String], designs: [String], exact8ValidationAccuracy: Double, exact8TestAccuracy: Double,
                constraints: SearchConstraints, maxDistinct: Int?, population: Int, generations: Int, seed: UInt64,
                candidates: Int, front: [Point], uniform: [Point], refine: String, refined: [Point]?, energyModel: String? = nil) {
        (self.layers, self.designs, self.exact8ValidationAccuracy, self.exact8TestAccuracy) =
            (layers, designs, exact8ValidationAccuracy, exact8TestAccuracy)
        (self.constraints, self.maxDistinct, self.population, self.generations, self.seed, self.candidates) =
            (constraints, maxDistinct, population, generations, seed, candidates)
        (self.front, self.uniform, self.refine, self.refined, self.energyModel) = (front, uniform, refine, refined, energyModel)
    }

    enum CodingKeys: String, CodingKey {
        case layers, designs, constraints, population, generations, seed, candidates, front, uniform, refine, refined
        case exact8ValidationAccuracy = "exact8_validation_accuracy", exact8TestAccuracy = "exact8_test_accuracy"
        case maxDistinct = "max_distinct", energyModel = "energy_model", validationHeldOut = "validation_held_out"
    }

    /// front.csv: one row per front point (and refined points, marked), one column per layer.
    public var csv: String {
        var rows = ["set," + layers.joined(separator: ",") + ",energy_rel,validation_accuracy,test_accuracy,distinct"]
        let row = { (set: String, p: Point) in
            "\(set)," + p.assignment.joined(separator: ",") + String(format: ",%.6f,%.6f,", p.energyRel, p.validationAccuracy)
                + (p.testAccuracy.map { String(format: "%.6f", $0) } ?? "") + ",\(p.distinct)"
        }
        rows += front.map { row("front", $0) }
        rows += (refined ?? []).map { row("refined-\(refine)", $0) }
        rows += uniform.map { row("uniform", $0) }
        return rows.joined(separator: "\n") + "\n"
    }
}

extension SearchConstraints {
    enum CodingKeys: String, CodingKey { case maxAccuracyLoss = "max_accuracy_loss", maxEnergy = "max_energy" }
}
