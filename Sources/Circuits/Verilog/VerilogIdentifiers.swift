/// Turns arbitrary net and design names into legal, unique Verilog identifiers, deterministically.
struct VerilogIdentifiers: Sendable {
    private var used: Set<String>

    /// `reserved` names (e.g. the port names) are never handed out again.
    init(reserved: [String] = []) { used = Set(reserved) }

    /// A legal identifier for `name`: other characters become `_`, a leading digit or a keyword gets `n_`,
    /// and a clash gets `_2`, `_3`, ... appended.
    mutating func unique(_ name: String) -> String {
        let base = Self.legal(name)
        var candidate = base
        var k = 2
        while used.contains(candidate) {
            candidate = "\(base)_\(k)"
            k += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// `name` with illegal characters replaced; not checked for uniqueness.
    static func legal(_ name: String) -> String {
        var s = String(name.unicodeScalars.map { isWordChar($0) ? Character($0) : "_" })
        if s.isEmpty { s = "n" }
        if let first = s.unicodeScalars.first, ("0"..."9").contains(first) || keywords.contains(s) || s.hasPrefix("$") {
            s = "n_" + s
        }
        return s
    }

    static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_"
    }

    /// Verilog-2001 reserved words (identifiers must avoid them).
    static let keywords: Set<String> = [
        "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case", "casex", "casez",
        "cell", "cmos", "config", "deassign", "default", "defparam", "design", "disable", "edge", "else", "end",
        "endcase", "endconfig", "endfunction", "endgenerate", "endmodule", "endprimitive", "endspecify",
        "endtable", "endtask", "event", "for", "force", "forever", "fork", "function", "generate", "genvar",
        "highz0", "highz1", "if", "ifnone", "incdir", "include", "initial", "inout", "input", "instance",
        "integer", "join", "large", "liblist", "library", "localparam", "macromodule", "medium", "module",
        "nand", "negedge", "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output",
        "parameter", "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup",
        "pulsestyle_onevent", "pulsestyle_ondetect", "rcmos", "real", "realtime", "reg", "release", "repeat",
        "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared", "showcancelled", "signed", "small",
        "specify", "specparam", "strong0", "strong1", "supply0", "supply1", "table", "task", "time", "tran",
        "tranif0", "tranif1", "tri", "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "vectored",
        "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
    ]
}
