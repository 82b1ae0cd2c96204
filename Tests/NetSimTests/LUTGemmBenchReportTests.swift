import Foundation
import Testing
@testable import NetSim

/// The bench report's JSON interface (issue 8 keys kept, measured-epoch keys added) and the
/// phase accounting behind the measured epoch's breakdown.
@Suite(.serialized) struct LUTGemmBenchReportTests {
    @Test func reportKeepsTheIssueKeysAndAddsTheMeasuredEpoch() throws {
        let timing = LUTGemmTiming(layer: "resnet8.stem", m: 4, k: 3, n: 2, activations: "signed", referenceSeconds: 1, referenceRows: 4,
                                   fastSeconds: 0.5, fastConvLayoutSeconds: 0.25, sgemmSeconds: 0.125, backwardSeconds: 0.5,
                                   ratio: 4, convLayoutRatio: 2, kernel: "vbmi-blocks")
        let epoch = RetrainEpochMeasurement(batches: 2, batchSeconds: 0.5, epochSeconds: 391,
                                            phaseEpochSeconds: ["forward_gemm": 100, "other": 291])
        let report = LUTGemmBenchReport(route: "block-composed-4", shapes: [timing], resnet8EpochEstimateSeconds: 10,
                                        anchorSeconds: 118, resnet8EpochMeasurement: epoch)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        let shape = (object?["shapes"] as? [[String: Any]])?.first
        for key in ["layer", "m", "k", "n", "reference_s", "fast_s", "sgemm_s", "ratio", "fast_conv_layout_s", "activations", "kernel"] {
            #expect(shape?[key] != nil, "missing shape key \(key)")
        }
        #expect(object?["resnet8_epoch_estimate_s"] as? Double == 10)
        #expect((object?["isa"] as? String)?.hasPrefix(KernelISA.current.description) == true)
        #expect(object?["workers"] as? Int == Workers.current.count)
        #expect(object?["resnet8_epoch_measured_s"] as? Double == 391)
        let decoded = try JSONDecoder().decode(LUTGemmBenchReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
    }

    @Test func phaseClockCountsOnlyWhileStarted() {
        // `.optimiser` is timed by no library code, so concurrent tests cannot add to it.
        PhaseClock.measure(.optimiser) { usleep(100_000) }   // before start: not counted
        PhaseClock.start()
        PhaseClock.measure(.optimiser) { usleep(5_000) }
        let phases = PhaseClock.stop()
        PhaseClock.measure(.optimiser) { usleep(100_000) }   // after stop: not counted
        let t = phases[.optimiser] ?? 0
        #expect(t >= 0.005 && t < 0.1, "optimiser phase \(t) s")
    }
}
