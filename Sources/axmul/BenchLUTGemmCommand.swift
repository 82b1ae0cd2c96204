import ArgumentParser
import Foundation
import NetSim

/// `axmul bench lutgemm`: reference loop, fast LUT-GEMM kernel and OpenBLAS sgemm on the layer
/// shapes of lenet5, resnet8 and vgg-cifar at batch 64, plus a ResNet-8 epoch estimate.
struct BenchLUTGemmCommand: ParsableCommand, UsesThreads {
    static let configuration = CommandConfiguration(
        commandName: "lutgemm",
        abstract: "Time the bit-exact LUT-GEMM kernels against the plain loop and OpenBLAS sgemm (build with -c release).",
        discussion: "Example:\n  axmul bench lutgemm --layers resnet8 --epoch-batches 24")

    @OptionGroup var threading: ThreadOptions

    @Option(name: .long, help: "Multiplier: \(ApproxCLI.multiplierKinds).")
    var design = "smapprox8x8-3330"

    @Option(name: .long, help: "Force a route (exact, byte-blocks-4, block-composed-4, low-rank-<r>, gather); default: the analysed one.")
    var route: String?

    @Option(name: .long, help: "Timed runs per measurement; the best is kept.")
    var repeats = 3

    @Option(name: .long, help: "Measured ResNet-8 behavioural retraining batches of 64 (after 2 warm-up batches); 0 skips.")
    var epochBatches = 24

    @Option(name: .long, help: "Only time layer shapes whose name starts with this prefix (e.g. resnet8); \"none\" skips them.")
    var layers: String?

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let report = try DesignArgument.reporting { () throws -> LUTGemmBenchReport in
            let entry = try ApproxCLI.multiplier(design)
            let plan = try self.plan(entry)
            if !json { print("multiplier \(entry.name), route \(plan.route), ISA \(KernelISA.summary), workers \(Workers.current), best of \(repeats)") }
            let shapes = LUTGemmBenchmark.defaultShapes.filter { layers.map($0.layer.hasPrefix) ?? true }
            let epoch = epochBatches > 0 ? RetrainEpochBenchmark(entry: entry, batches: epochBatches) : nil
            return try LUTGemmBenchmark(plan: plan, repeats: repeats).run(shapes, epoch: epoch) { t in
                if !json { print(Self.line(t)) }
            }
        }
        if json { print(try DesignArgument.json(report)) } else { printEpochs(report) }
    }

    /// The multiplier's own plan, or the one `--route` forces.
    private func plan(_ entry: MultiplierAssignment.Entry) throws -> KernelPlan {
        guard let route else { return entry.plan }
        guard let r = KernelRoute(text: route) else { throw ValidationError("unknown route '\(route)'") }
        return try KernelPlan(route: r, table: entry.table)
    }

    /// The ResNet-8 epoch estimate from the GEMM timings, and the measured epoch when one ran.
    private func printEpochs(_ report: LUTGemmBenchReport) {
        if report.shapes.contains(where: { $0.layer.hasPrefix("resnet8.") }) {
            print(String(format: "ResNet-8 epoch estimate (50,000 images, batch 64, GEMMs only: conv-layout fast forward + sgemm backward): %.1f s; anchor (ProxSim, GTX 1080 Ti): %.0f s",
                         report.resnet8EpochEstimateSeconds, report.anchorSeconds))
        }
        if let m = report.resnet8EpochMeasurement { print(Self.epochLine(m, anchor: report.anchorSeconds)) }
    }

    static func epochLine(_ m: RetrainEpochMeasurement, anchor: Double) -> String {
        let phases = m.phaseEpochSeconds.sorted { $0.value > $1.value }
            .map { String(format: "%@ %.1f", $0.key, $0.value) }.joined(separator: ", ")
        return String(format: "ResNet-8 epoch MEASURED (behavioural retraining, %d batches of 64 scaled to 782): %.1f s (%.1f ms/batch); anchor %.0f s\n  per phase (s/epoch): %@",
                      m.batches, m.epochSeconds, m.batchSeconds * 1000, anchor, phases)
    }

    static func line(_ t: LUTGemmTiming) -> String {
        String(format: "%-20@ M %6d K %5d N %4d  reference %9.4f s  fast %8.4f s  conv-layout %8.4f s  sgemm %8.4f s  fast/sgemm %5.2f  conv/sgemm %5.2f  x %@  kernel %@",
               t.layer as NSString, t.m, t.k, t.n, t.referenceSeconds, t.fastSeconds, t.fastConvLayoutSeconds,
               t.sgemmSeconds, t.ratio, t.convLayoutRatio, t.activations as NSString, t.kernel as NSString)
    }
}
