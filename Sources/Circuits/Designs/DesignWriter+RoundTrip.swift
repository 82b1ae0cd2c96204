extension DesignWriter {
    /// The design-file text of `design`, parsed back before it is returned: an importer never writes a
    /// file that the tool's own parser refuses (a port too wide, a table too large, a name with spaces).
    /// `output` names the file to be written, for the message.
    public static func checkedText(for design: Design, output: String) throws(DesignError) -> String {
        let text = text(for: design)
        do {
            _ = try DesignParser.parse(text, file: output) { (block: String) throws(DesignError) -> Design in
                try BuiltinDesigns.design(named: block)
            }
        } catch {
            throw .invalidValue(what: "design", value: design.name,
                                rule: "the design file for it would not read back (\(error.message)); nothing was written",
                                location: SourceLocation(file: output, line: 0, column: 0))
        }
        return text
    }
}
