import Foundation
import TableFormat
import Testing

/// `axmul compile` records which exact LUT-GEMM decomposition NetSim's kernels will use.
@Suite struct CompileRouteTests {
    @Test(arguments: [
        ("exact8", "exact"),
        ("smapprox8x8-3330", "byte-blocks-4"),   // SMApprox: four 4x4 blocks added exactly
        ("mitchell8", "gather"),                    // no block or low-rank structure
    ])
    func compileRecordsTheKernelRoute(design: String, route: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-route-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.axlut").path
        let run = runAxmul(["compile", design, "-o", file])
        #expect(run.status == 0, "\(run.stderr)")
        let table = try LookupTable(contentsOf: file)
        #expect(table.metadata["kernel_route"] == route)
    }
}
