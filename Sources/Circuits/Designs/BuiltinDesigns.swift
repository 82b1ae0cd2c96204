/// One line of `axmul list`: a built-in design's name, operand width, kind and summary.
public struct CatalogEntry: Codable, Sendable, Hashable {
    public var name: String
    /// The operand width N of an NxN design.
    public var width: Int
    /// "lut+gates", "composition", "formula", ... (see `Design.kind`).
    public var kind: String
    public var summary: String

    public init(name: String, width: Int, kind: String, summary: String) {
        self.name = name
        self.width = width
        self.kind = kind
        self.summary = summary
    }
}

/// The designs shipped with AxMul: the files of `designs/` (embedded at build time) plus the
/// name patterns smapprox8x8-dddd, drum8-k<k> and truncated8-t<t>.
public enum BuiltinDesigns {
    /// The built-in design with this name; `DesignError.unknownDesign` if there is none.
    public static func design(named name: String) throws(DesignError) -> Design {
        if let text = BuiltinDesignTexts.texts[name] {
            return try DesignParser.parse(text, file: "designs/\(name).axd") { (block: String) throws(DesignError) -> Design in
                try design(named: block)
            }
        }
        if let digits = smapproxDigits(name) {
            let blocks = try digits.map { (d: Int) throws(DesignError) -> Design in try BuiltinDesignCache.shared.design(named: "smapprox4x4-\(d)") }
            let summary = "SMApprox 8x8: blocks LL=\(digits[0]) HL=\(digits[1]) LH=\(digits[2]) HH=\(digits[3]), added exactly"
            return Design(name: name, summary: summary,
                          body: .composition(try Composition(ll: blocks[0], hl: blocks[1], lh: blocks[2], hh: blocks[3])))
        }
        if let k = parameter(name, prefix: "drum8-k", range: 1...8) {
            return Design(name: name, summary: drumSummary(k), body: .formula(.drum(width: 8, k: k)))
        }
        if let t = parameter(name, prefix: "truncated8-t", range: 0...15) {
            return Design(name: name, summary: truncatedSummary(t), body: .formula(.truncated(width: 8, t: t)))
        }
        throw .unknownDesign(name: name, location: nil)
    }

    /// Every built-in name with its width and kind, in a fixed reading order.
    public static var catalog: [CatalogEntry] {
        var entries: [CatalogEntry] = []
        for name in fileNamesInOrder {
            if let design = try? design(named: name) {
                entries.append(CatalogEntry(name: name, width: design.widthA, kind: design.kind, summary: design.summary))
            }
        }
        for code in 0..<256 {
            let digits = [code >> 6, (code >> 4) & 3, (code >> 2) & 3, code & 3]
            entries.append(CatalogEntry(name: "smapprox8x8-" + digits.map(String.init).joined(), width: 8, kind: "composition",
                                        summary: "SMApprox 8x8: blocks LL=\(digits[0]) HL=\(digits[1]) LH=\(digits[2]) HH=\(digits[3]), added exactly"))
        }
        entries += (1...8).map { CatalogEntry(name: "drum8-k\($0)", width: 8, kind: "formula", summary: drumSummary($0)) }
        entries += (0...15).map { CatalogEntry(name: "truncated8-t\($0)", width: 8, kind: "formula", summary: truncatedSummary($0)) }
        return entries
    }

    /// Embedded design files: the base designs first, then the rest alphabetically.
    static var fileNamesInOrder: [String] {
        let first = ["smapprox4x4-0", "smapprox4x4-1", "smapprox4x4-2", "smapprox4x4-3", "exact4", "exact8", "exact16"]
        let rest = BuiltinDesignTexts.texts.keys.filter { !first.contains($0) }.sorted()
        return first.filter { BuiltinDesignTexts.texts[$0] != nil } + rest
    }

    private static func drumSummary(_ k: Int) -> String {
        "DRUM(\(k)) 8x8: each operand rounded to \(k) bits from its leading one, lowest kept bit set"
    }

    private static func truncatedSummary(_ t: Int) -> String {
        "truncated 8x8 array: partial products a_i*b_j with i+j < \(t) dropped"
    }

    /// The four digits of `smapprox8x8-dddd` (each 0...3), or nil.
    static func smapproxDigits(_ name: String) -> [Int]? {
        let prefix = "smapprox8x8-"
        guard name.hasPrefix(prefix) else { return nil }
        let digits = name.dropFirst(prefix.count).compactMap { $0.wholeNumberValue }
        guard name.count == prefix.count + 4, digits.count == 4, digits.allSatisfy({ (0...3).contains($0) }) else { return nil }
        return digits
    }

    /// The integer after `prefix` if it is plain decimal and in `range`.
    private static func parameter(_ name: String, prefix: String, range: ClosedRange<Int>) -> Int? {
        guard name.hasPrefix(prefix) else { return nil }
        let text = name.dropFirst(prefix.count)
        guard !text.isEmpty, text.allSatisfy(\.isNumber), text == String(Int(text) ?? -1),
              let value = Int(text), range.contains(value) else { return nil }
        return value
    }
}
