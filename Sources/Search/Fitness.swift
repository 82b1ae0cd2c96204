/// A candidate's assignment: one design index per layer (NSGA-II's genome).
public typealias Genome = [Int]

/// What the search knows of one candidate: objectives to minimise and the amount by which it breaks
/// the constraints (0 = feasible).
public struct Fitness: Sendable, Codable, Equatable {
    public var objectives: [Double]
    public var violation: Double

    public init(objectives: [Double], violation: Double = 0) {
        (self.objectives, self.violation) = (objectives, violation)
    }
}
