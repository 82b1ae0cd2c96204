import Foundation
import Records

/// AxTrain results: the summary table and the per-weight sensitivity map (the paper's Fig. 4).
extension ResultsSection {
    func axTrainSections() -> String {
        var s = ""
        for (file, a) in folder.axTrains { s += "<h3>AxTrain summary: \(Markup.escape(file))</h3>" + axTrainTable(a) }
        for (file, m) in folder.sensitivityMaps {
            s += "<h3>AxTrain sensitivity map: \(Markup.escape(file))</h3><div class=\"plots\">" + sensitivityMap(m) + "</div>"
        }
        return s
    }

    private func axTrainTable(_ a: AxTrainSummary) -> String {
        let rows: [(String, String)] = [
            ("act / pas epochs", "\(a.actEpochs) / \(a.pasEpochs)"), ("final γ", Markup.number(a.finalGamma)),
            ("sensitivity S after act", Markup.number(a.sensitivityAfterAct)), ("sensitivity S final", Markup.number(a.sensitivityFinal)),
            ("multiplier", a.multiplier ?? "exact"), ("NTV flip rate", Markup.number(a.flipRate)),
            ("exact (float) accuracy", Markup.number(a.exactAccuracy)),
            ("hardware accuracy (mean ± std over \(a.hardwareRuns) runs)", "\(Markup.number(a.hardwareAccuracyMean)) ± \(Markup.number(a.hardwareAccuracyStd))"),
        ]
        var s = "<table><caption>AxTrain run</caption><thead><tr><th>quantity</th><th>value</th></tr></thead><tbody>"
        for (k, v) in rows { s += "<tr><td>\(Markup.escape(k))</td><td>\(Markup.escape(v))</td></tr>" }
        return s + "</tbody></table>"
    }

    /// The map as a pixel image (input feature across, output neuron down) with a sequential colour bar.
    private func sensitivityMap(_ m: SensitivityMap) -> String {
        var frame = PlotFrame(title: "Per-weight sensitivity of layer \(m.layer)", xLabel: "input feature (column of the weight matrix)",
                              yLabel: "output neuron (row)", xRange: (0, Double(m.cols)), yRange: (0, Double(m.rows)))
        frame.width = 520
        frame.height = 400
        frame.right = 120
        let hi = max(m.values.filter(\.isFinite).max() ?? 0, 1e-300)
        var s = frame.open() + m.image(in: frame, hi: hi)
        let x = frame.left + frame.plotWidth + 14, steps = 40, barH = frame.plotHeight / Double(steps)
        for i in 0..<steps {
            let t = 1 - (Double(i) + 0.5) / Double(steps)
            s += "<rect x=\"\(Markup.c(x))\" y=\"\(Markup.c(frame.top + Double(i) * barH))\" width=\"14\" height=\"\(Markup.c(barH + 0.5))\" fill=\"\(ColorScale.css(ColorScale.sequential(t)))\"/>"
        }
        s += "<rect x=\"\(Markup.c(x))\" y=\"\(Markup.c(frame.top))\" width=\"14\" height=\"\(Markup.c(frame.plotHeight))\" fill=\"none\" stroke=\"#000000\"/>"
        for k in 0...4 {
            let y = frame.top + Double(k) / 4 * frame.plotHeight
            s += Markup.text(Markup.number(hi * (1 - Double(k) / 4)), x: x + 18, y: y + 4, size: 10, anchor: "start")
        }
        s += Markup.text("|w|·Σk|∂Ok/∂w|", x: x + 86, y: frame.top + frame.plotHeight / 2, size: 11, rotate: true)
        return s + "</svg>"
    }
}

extension SensitivityMap {
    /// The map as a palette PNG (sequential scale, 0 … `hi`) filling the frame's plot area. PNG row 0
    /// is the top, so the last output comes first and output 0 sits at the bottom, by the y axis' 0.
    func image(in frame: PlotFrame, hi: Double) -> String {
        let palette = (0..<256).map { ColorScale.sequential(Double($0) / 255) }
        let flipped = (0..<rows).reversed().flatMap { values[$0 * cols..<($0 + 1) * cols] }
        let pixels = flipped.map { UInt8((max(0, min(1, ($0.isFinite ? $0 : 0) / hi)) * 255).rounded()) }
        return frame.image(png: PNGEncoder.encode(width: cols, height: rows, pixels: pixels, palette: palette))
    }
}
