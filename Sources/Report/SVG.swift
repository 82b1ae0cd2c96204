import Foundation

/// Text helpers for hand-written SVG/XHTML: escaping and number formatting.
public enum Markup {
    /// Escapes text for XML character data and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Four significant digits, plain notation when readable ("-" for a missing value).
    public static func number(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "-" }
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 1e6 || a < 1e-3 { return String(format: "%.3e", v) }
        let decimals = max(0, 3 - Int(log10(a).rounded(.down)))
        return String(format: "%.\(decimals)f", v)
    }

    /// An axis tick label: `number` without trailing zeros ("200", "2.5").
    public static func tick(_ v: Double) -> String {
        let s = number(v)
        guard s.contains("."), !s.contains("e") else { return s }
        var t = Substring(s)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }

    /// A coordinate with two decimals, for compact SVG.
    static func c(_ v: Double) -> String { String(format: "%.2f", v) }

    /// An SVG `<text>` element.
    static func text(_ s: String, x: Double, y: Double, size: Int = 12, anchor: String = "middle",
                     rotate: Bool = false, weight: String = "normal") -> String {
        let transform = rotate ? " transform=\"rotate(-90 \(c(x)) \(c(y)))\"" : ""
        return "<text x=\"\(c(x))\" y=\"\(c(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\"\(transform)>\(escape(s))</text>"
    }
}

/// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, about `count` of them.
public func niceTicks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
    guard hi > lo, lo.isFinite, hi.isFinite else { return [lo] }
    let raw = (hi - lo) / Double(max(count, 1))
    let mag = pow(10, (log10(raw)).rounded(.down))
    let step = [1.0, 2, 5, 10].map { $0 * mag }.min { abs(log($0 / raw)) < abs(log($1 / raw)) } ?? mag
    var ticks: [Double] = []
    var t = (lo / step).rounded(.up) * step
    while t <= hi + step * 1e-9 {
        ticks.append(abs(t) < step * 1e-9 ? 0 : t)
        t += step
    }
    return ticks
}

/// A rectangular plot area with a title, two labelled linear axes and tick marks, drawn as SVG.
struct PlotFrame {
    var title: String
    var xLabel: String
    var yLabel: String
    var xRange: (Double, Double)
    var yRange: (Double, Double)
    var width = 560.0
    var height = 360.0
    var left = 72.0, right = 24.0, top = 36.0, bottom = 52.0
    /// Categorical x tick labels at x = 0, 1, 2, … (replaces numeric ticks).
    var xCategories: [String]? = nil

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    func px(_ x: Double) -> Double {
        let (lo, hi) = xRange
        return left + (hi == lo ? 0.5 : (x - lo) / (hi - lo)) * plotWidth
    }

    func py(_ y: Double) -> Double {
        let (lo, hi) = yRange
        return top + plotHeight - (hi == lo ? 0.5 : (y - lo) / (hi - lo)) * plotHeight
    }

    /// A PNG stretched over the plot area, pixels kept sharp (heatmaps and sensitivity maps).
    func image(png: Data) -> String {
        "<image x=\"\(Markup.c(left))\" y=\"\(Markup.c(top))\" width=\"\(Markup.c(plotWidth))\" height=\"\(Markup.c(plotHeight))\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,\(png.base64EncodedString())\"/>"
    }

    /// The opening `<svg>`, background, title, axes, ticks and labels; close with `</svg>`.
    func open() -> String {
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">"
        s += "<title>\(Markup.escape(title))</title>"
        s += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>"
        s += Markup.text(title, x: left + plotWidth / 2, y: 20, size: 14, weight: "bold")
        let x0 = Markup.c(left), x1 = Markup.c(left + plotWidth), y0 = Markup.c(top + plotHeight), y1 = Markup.c(top)
        s += "<path d=\"M\(x0) \(y1) L\(x0) \(y0) L\(x1) \(y0)\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>"
        s += xTicks() + yTicks()
        s += Markup.text(xLabel, x: left + plotWidth / 2, y: height - 10, size: 12)
        s += Markup.text(yLabel, x: 16, y: top + plotHeight / 2, size: 12, rotate: true)
        return s
    }

    private func xTicks() -> String {
        let base = top + plotHeight
        if let cats = xCategories {
            return cats.enumerated().map { i, name in
                Markup.text(name, x: px(Double(i)), y: base + 16, size: cats.count > 6 ? 9 : 11)
            }.joined()
        }
        return niceTicks(xRange.0, xRange.1).map { t in
            let x = px(t)
            return "<line x1=\"\(Markup.c(x))\" y1=\"\(Markup.c(base))\" x2=\"\(Markup.c(x))\" y2=\"\(Markup.c(base + 5))\" stroke=\"#000000\"/>"
                + Markup.text(Markup.tick(t), x: x, y: base + 18, size: 11)
        }.joined()
    }

    private func yTicks() -> String {
        niceTicks(yRange.0, yRange.1).map { t in
            let y = py(t)
            return "<line x1=\"\(Markup.c(left - 5))\" y1=\"\(Markup.c(y))\" x2=\"\(Markup.c(left))\" y2=\"\(Markup.c(y))\" stroke=\"#000000\"/>"
                + "<line x1=\"\(Markup.c(left))\" y1=\"\(Markup.c(y))\" x2=\"\(Markup.c(left + plotWidth))\" y2=\"\(Markup.c(y))\" stroke=\"#dddddd\"/>"
                + Markup.text(Markup.tick(t), x: left - 8, y: y + 4, size: 11, anchor: "end")
        }.joined()
    }

    /// A legend box of (colour, label) swatches in the top-right corner of the plot area.
    /// With `bottom`, the box sits in the bottom-right corner instead.
    func legend(_ items: [(String, String)], bottom: Bool = false) -> String {
        let w = 8.0 * Double(items.map(\.1.count).max() ?? 0) + 30, h = Double(items.count) * 16 + 6
        let x = left + plotWidth - w - 6
        let top = bottom ? self.top + plotHeight - h - 8 : self.top
        var s = "<rect x=\"\(Markup.c(x))\" y=\"\(Markup.c(top + 4))\" width=\"\(Markup.c(w))\" height=\"\(Markup.c(Double(items.count) * 16 + 6))\" fill=\"#ffffff\" stroke=\"#999999\"/>"
        for (i, (color, label)) in items.enumerated() {
            let y = top + 10 + Double(i) * 16
            s += "<rect x=\"\(Markup.c(x + 6))\" y=\"\(Markup.c(y))\" width=\"12\" height=\"10\" fill=\"\(color)\"/>"
            s += Markup.text(label, x: x + 24, y: y + 9, size: 11, anchor: "start")
        }
        return s
    }
}
