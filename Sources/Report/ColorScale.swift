/// Colour scales for heatmaps: a diverging blue–white–red scale (colour-blind safe, prints in grey
/// as dark–light–dark) and a sequential white–green one.
public enum ColorScale {
    public typealias RGB = (UInt8, UInt8, UInt8)

    /// Palette entries used by diverging maps (index 0 = most negative, 254 = most positive).
    public static let divergingSteps = 255

    /// The diverging colour at `t` in −1…1 (clamped): blue for negative, white at 0, red for positive.
    public static func diverging(_ t: Double) -> RGB {
        let t = max(-1, min(1, t.isNaN ? 0 : t))
        let white: (Double, Double, Double) = (247, 247, 247)
        let end: (Double, Double, Double) = t < 0 ? (33, 102, 172) : (178, 24, 43)
        let s = abs(t)
        return (mix(white.0, end.0, s), mix(white.1, end.1, s), mix(white.2, end.2, s))
    }

    /// The sequential colour at `t` in 0…1 (clamped): near-white to dark green.
    public static func sequential(_ t: Double) -> RGB {
        let t = max(0, min(1, t.isNaN ? 0 : t))
        return (mix(247, 0, t), mix(252, 109, t), mix(245, 44, t))
    }

    /// The 255-entry diverging palette for `PNGEncoder`.
    public static let divergingPalette: [RGB] = (0..<divergingSteps).map {
        diverging(Double($0) / Double(divergingSteps - 1) * 2 - 1)
    }

    /// Palette index of `value` on a symmetric scale −limit…limit.
    public static func divergingIndex(_ value: Double, limit: Double) -> UInt8 {
        let t = max(-1, min(1, value / limit))
        return UInt8(((t + 1) / 2 * Double(divergingSteps - 1)).rounded())
    }

    /// CSS `rgb(...)` text of a colour.
    public static func css(_ c: RGB) -> String { "rgb(\(c.0),\(c.1),\(c.2))" }

    private static func mix(_ a: Double, _ b: Double, _ s: Double) -> UInt8 { UInt8((a + (b - a) * s).rounded()) }
}
