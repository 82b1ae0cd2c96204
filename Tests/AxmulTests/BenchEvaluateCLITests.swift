import Foundation
import Testing

/// `bench evaluate` on a tiny setting (random ResNet-8 on 8×8 digits, 24 images): the text names every
/// figure, and the JSON figures agree with each other (rates are images / seconds, ratios are rate / float rate).
@Suite struct BenchEvaluateCLITests {
    let tiny = ["bench", "evaluate", "--data", "digits_8x8", "--multiplier", "smapprox8x8-3330", "--images", "24",
                "--validation-images", "24", "--candidates", "1"]

    @Test func textPrintsEveryFigure() {
        let result = runAxmul(tiny)
        #expect(result.status == 0, "\(result.stderr)")
        for field in ["float", "exact 8-bit", "approximate", "images/s", "ratio vs float", "candidates/s", "24 validation images"] {
            #expect(result.stdout.contains(field), "missing '\(field)' in:\n\(result.stdout)")
        }
    }

    @Test func jsonFiguresAgree() throws {
        let result = runAxmul(tiny + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["images"] as? Int == 24)
        #expect(json["validation_images"] as? Int == 24)
        #expect(json["blas_threads"] as? Int == 1)
        var rates: [String: Double] = [:]
        for pass in ["float", "exact", "approximate"] {
            let t = try #require(json[pass] as? [String: Any], "no \(pass) in \(result.stdout)")
            let seconds = try #require(t["seconds"] as? Double), rate = try #require(t["images_per_s"] as? Double)
            #expect(abs(rate * seconds - 24) < 1e-6)
            rates[pass] = rate
        }
        let exactRatio = try #require(json["exact_over_float"] as? Double)
        #expect(abs(exactRatio - rates["exact", default: 0] / rates["float", default: 1]) < 1e-9)
        let perCandidate = try #require(json["candidate_seconds"] as? Double)
        #expect(abs((json["candidates_per_s"] as? Double ?? 0) * perCandidate - 1) < 1e-9)
    }

    @Test func refusesZeroImages() {
        let result = runAxmul(["bench", "evaluate", "--data", "digits_8x8", "--images", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--images"))
    }
}
