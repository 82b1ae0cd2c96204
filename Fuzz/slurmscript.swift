// Fuzz target `slurmscript`: the Slurm batch-script builder (Search's SlurmScripts, ShellQuote and the
// --sbatch-option allow-list). The input is split at 0x1F into the axmul binary's path, the set folder, the
// job name and the --sbatch-option values. Any trap is a bug, and so is a script that takes a line from its
// input: whatever the input, an accepted script has exactly the lines of the template, and every path in it
// is quoted (bash reads it back unchanged; tested in SlurmQuotingTests).
import Foundation
@testable import Search

let template = try! SlurmScripts(binary: "/b").merge(folder: "/f", name: "n")
let templateLines = template.script.split(separator: "\n", omittingEmptySubsequences: false).count

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    let binary = parts[0], folder = parts.count > 1 ? parts[1] : "/f", name = parts.count > 2 ? parts[2] : "n"
    let scripts = SlurmScripts(binary: binary, options: Array(parts.dropFirst(3)))
    guard let job = try? scripts.merge(folder: folder, name: name) else { return 0 }
    let lines = job.script.split(separator: "\n", omittingEmptySubsequences: false).count
    if lines != templateLines { fatalError("an accepted script has \(lines) lines, the template \(templateLines)") }
    if job.script.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }) {
        fatalError("an accepted script holds a control character")
    }
    for line in job.script.split(separator: "\n") where line.hasPrefix("#SBATCH") {
        if !template.script.contains(line) && !line.hasPrefix("#SBATCH --job-name=") { fatalError("an #SBATCH line from the input: \(line)") }
    }
    return 0
}
