import Foundation

/// `axmul search` outputs: front.json (front, uniform assignments, refined front) and sensitivity.json.
extension ResultsFolder {
    public struct SearchPoint: Sendable, Codable, Equatable {
        public var assignment: [String]
        public var energyRel: Double
        public var validationAccuracy: Double
        public var testAccuracy: Double?
        public var distinct: Int
        enum CodingKeys: String, CodingKey {
            case assignment, distinct, energyRel = "energy_rel", validationAccuracy = "validation_accuracy", testAccuracy = "test_accuracy"
        }
    }

    public struct SearchFront: Sendable, Codable, Equatable {
        public var layers: [String]
        public var exact8ValidationAccuracy: Double
        public var front: [SearchPoint]
        public var uniform: [SearchPoint]
        public var refine: String
        public var refined: [SearchPoint]?
        enum CodingKeys: String, CodingKey {
            case layers, front, uniform, refine, refined, exact8ValidationAccuracy = "exact8_validation_accuracy"
        }
    }

    public struct SearchSensitivity: Sendable, Codable, Equatable {
        public var layers: [String]
        public var designs: [String]
        public var accuracy: [[Double]]
        public var exact8Accuracy: Double
        enum CodingKeys: String, CodingKey { case layers, designs, accuracy, exact8Accuracy = "exact8_accuracy" }
    }

    /// Reads `front.json` / `sensitivity.json` shapes; false if `data` is neither.
    mutating func readSearch(name: String, data: Data) -> Bool {
        guard name.hasSuffix(".json") else { return false }
        if let f = try? JSONDecoder().decode(SearchFront.self, from: data) {
            searchFronts.append((name, f))
            return true
        }
        if let s = try? JSONDecoder().decode(SearchSensitivity.self, from: data), s.accuracy.count == s.layers.count {
            searchSensitivities.append((name, s))
            return true
        }
        return false
    }
}
