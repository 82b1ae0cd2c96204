import ArgumentParser
import Circuits

/// `axmul list`: one line per built-in design (name, width, kind), or JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the built-in designs (name, width, kind).",
        discussion: "Example:\n  axmul list\n  axmul list --json")

    @Flag(name: .long, help: "Print JSON: an array of {name, width, kind, summary}.")
    var json = false

    func run() throws {
        let catalog = BuiltinDesigns.catalog
        if json {
            print(try DesignArgument.json(catalog))
            return
        }
        let nameWidth = catalog.map(\.name.count).max() ?? 0
        for entry in catalog {
            let name = entry.name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
            let width = "\(entry.width)x\(entry.width)".padding(toLength: 7, withPad: " ", startingAt: 0)
            let kind = entry.kind.padding(toLength: 13, withPad: " ", startingAt: 0)
            print(name + width + kind + entry.summary)
        }
    }
}
