import Circuits
import Foundation
import NetSim
import TableFormat
import Testing
@testable import Multipliers

/// `MultiplierLoader`: one route from every kind of argument to one table, one plan and one cost.
@Suite struct MultiplierLoaderTests {
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("axmul-loader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A name, a design file, a compiled table (sign-magnitude or two's complement), an .npy and a TFApprox .bin of smapprox8x8-3330 give the same
    /// sign-magnitude table (T(a, b) = the design's product of the magnitudes), and the same kernel route; the
    /// name, the file and the table give the same cost, bit for bit; the foreign tables have none, with a reason.
    @Test func everyKindGivesTheSameTable() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let design = try BuiltinDesigns.design(named: "smapprox8x8-3330")
        try "design smapprox8x8-3330\ncompose ll=smapprox4x4-3 hl=smapprox4x4-3 lh=smapprox4x4-3 hh=smapprox4x4-0\n"
            .write(toFile: dir + "/d.axd", atomically: true, encoding: .utf8)
        let model = CostModel()
        try MultiplierLoader.compile(design, costModel: model).write(to: dir + "/d.axlut")
        try MultiplierLoader.compile(design, encoding: .twosComplement, costModel: model).write(to: dir + "/d2c.axlut")
        let truth = try design.truthTable()
        try TableExchange.export(truth, format: .npy, to: dir + "/d.npy")
        try TableExchange.export(truth, format: .tfapprox, to: dir + "/d.bin")

        let byName = try MultiplierLoader.load("smapprox8x8-3330", costModel: model)
        for a in [0, 1, 77, 128] { for b in [0, 3, 128] { #expect(byName.table.magnitude(a, b) == Int32(truth[a, b])) } }
        let expected = try #require(byName.cost.powerRel)
        for spec in ["d.axd", "d.axlut", "d2c.axlut", "d.npy", "d.bin"].map({ dir + "/" + $0 }) {
            let m = try MultiplierLoader.load(spec, costModel: model)
            #expect(m.table == byName.table, "\(spec)")
            #expect(m.plan.route == byName.plan.route, "\(spec)")
            if spec.hasSuffix(".npy") || spec.hasSuffix(".bin") {
                #expect(m.entry.powerRel == nil && m.cost.note?.contains("no circuit") == true)
            } else {
                #expect(m.entry.powerRel?.bitPattern == expected.bitPattern, "\(spec)")
                #expect(m.cost.luts == byName.cost.luts && m.sourceHash == design.contentHash, "\(spec)")
            }
        }
    }

    /// The entry's plan is the one `wrap` uses: a plan forced onto the gather route stays on it, although
    /// analysing the table again would pick a faster route.
    @Test func wrapUsesTheEntrysPlan() throws {
        let m = try MultiplierLoader.load("smapprox8x8-2222", costModel: nil)
        #expect(m.plan.route != KernelRoute.gather)
        let forced = MultiplierAssignment.Entry(name: m.name, plan: try KernelPlan(route: .gather, table: m.table))
        var rng = NetSim.SplitMix64(seed: 1)
        var net = Network(name: "tiny", inputShape: [4])
        net.add(Dense("fc", inFeatures: 4, outFeatures: 2, rng: &rng))
        let wrapped = ApproxNetwork.wrap(net, MultiplierAssignment(default: forced))
        let layer = try #require(wrapped.nodes.first?.layer as? ApproxLayer)
        #expect(layer.plan.route == KernelRoute.gather)
    }

    /// A file is read by its content, not its name: tables named `.axlut.bad`, `.dat`, `.tbl` and a design
    /// named `.txt` load as what they hold, with the tables of their correctly named copies. A name that is no
    /// file is a built-in name, unless it is spelled as a path or a table file, whose absence is then reported.
    @Test func filesAreClassifiedByContent() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let design = try BuiltinDesigns.design(named: "smapprox8x8-3330")
        let truth = try design.truthTable()
        try MultiplierLoader.compile(design, costModel: CostModel()).write(to: dir + "/t.axlut.bad")
        try TableExchange.export(truth, format: .npy, to: dir + "/t.dat")
        try TableExchange.export(truth, format: .tfapprox, to: dir + "/t.tbl")
        try "design d\ncompose ll=smapprox4x4-3 hl=smapprox4x4-3 lh=smapprox4x4-3 hh=smapprox4x4-0\n"
            .write(toFile: dir + "/d.txt", atomically: true, encoding: .utf8)
        #expect(MultiplierArgument.classify(dir + "/t.axlut.bad") == .compiledTable(dir + "/t.axlut.bad"))
        #expect(MultiplierArgument.classify(dir + "/t.dat") == .npyTable(dir + "/t.dat"))
        #expect(MultiplierArgument.classify(dir + "/t.tbl") == .tfapproxTable(dir + "/t.tbl"))
        #expect(MultiplierArgument.classify(dir + "/d.txt") == .designFile(dir + "/d.txt"))
        #expect(MultiplierArgument.classify("smapprox8x8-3330") == .builtin("smapprox8x8-3330"))
        #expect(MultiplierArgument.classify("missing.axlut") == .compiledTable("missing.axlut"))
        #expect(MultiplierArgument.classify("no/such/design") == .designFile("no/such/design"))
        #expect(MultiplierArgument.classify(dir) == .designFile(dir), "a folder is read as a path, and refused by the reader")
        let expected = try MultiplierLoader.load("smapprox8x8-3330", costModel: nil).table
        for file in ["t.axlut.bad", "t.dat", "t.tbl", "d.txt"] {
            #expect(try MultiplierLoader.load(dir + "/" + file, costModel: nil).table == expected, "\(file)")
        }
        do { _ = try MultiplierLoader.load("missing.axlut", costModel: nil); Issue.record("accepted a missing file") } catch {
            #expect("\(error)".contains("missing.axlut") && !"\(error)".contains("unknown design"), "\(error)")
        }
    }

    /// One MRE, two computations: NetSim's profile (the De la Parra tables) over the non-zero magnitude
    /// pairs equals Circuits' magnitude-domain mre_nonzero_pct (what `--library-filter mre` compares). For
    /// these designs, whose zero products are exact, it also equals mre_pct: the magnitude domain has
    /// exactly (2^(n−1))² non-zero pairs, SMApprox's denominator; they differ only where 0·b ≠ 0.
    @Test func profileMREIsCharacterisationsNonzeroMRE() throws {
        for name in ["smapprox8x8-3330", "smapprox8x8-2222", "truncated8-t6", "drum8-k4"] {
            let design = try BuiltinDesigns.design(named: name)
            let sums = try design.errorSums(domain: .magnitude)
            let metrics = ErrorMetrics(sums: sums, domain: .magnitude, widthA: 8, widthB: 8)
            let profile = MultiplierProfile(try MultiplierLoader.load(name, costModel: nil).table)
            #expect(abs(profile.mreNonzero * 100 - metrics.mreNonzeroPct) <= 1e-12 * metrics.mreNonzeroPct, "\(name)")
            #expect(metrics.mreNonzeroPct > 0 && abs(metrics.mreNonzeroPct - metrics.mrePct) <= 1e-12 * metrics.mrePct, "\(name)")
        }
        #expect(try LibraryFilter("mre<=7").terms.first?.metric == "mre_nonzero_pct")
    }

    /// An 8-bit layer needs an 8x8 multiplier; the error names the argument.
    @Test func widthIsChecked() throws {
        do { _ = try MultiplierLoader.load("exact4", costModel: nil); Issue.record("accepted a 4x4 design") } catch {
            #expect("\(error)".contains("exact4") && "\(error)".contains("8x8"))
        }
    }
}
