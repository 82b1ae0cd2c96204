import CKernels

extension NativeRoutes {
    /// Byte-block route (`pair_gemm.c`) from xT (K × M, every activation ≥ 0): Y as M × N
    /// (`rowMajorY`) or Yᵀ as N × M. Work goes to the workers by 64-pixel panels, and, when there are
    /// fewer than 4 panels (dense layers, M ≤ 64), also by up to 8 column ranges.
    static func pair(xT: [Int8], w: [Int8], m: Int, k: Int, n: Int, plan: KernelPlan, blocks: ByteBlocks,
                     avx2: Bool, rowMajorY: Bool) -> [Int32] {
        let rowsPer = Int(CK_PAIR_ROWS), step = Int(CK_PAIR_PANEL_STEP)
        let panels = (m + rowsPer - 1) / rowsPer, columnParts = panels < 4 ? max(1, min(n / 8, 8)) : 1
        var y = [Int32].overwritten(count: m * n)   // every (row, column) is stored by its panel
        plan.withPairOperands { tables, bank, indices in
            xT.withUnsafeBufferPointer { xp in
                w.withUnsafeBufferPointer { wp in
                    y.withUnsafeMutableBufferPointer { yp in
                        guard let xb = xp.baseAddress, let wb = wp.baseAddress, let yb = yp.baseAddress else { return }
                        let ctx = UnsafeSendable((xb, UnsafeRawPointer(wb).assumingMemoryBound(to: UInt8.self), yb,
                                                  tables, bank, indices))
                        inParallel(panels * columnParts, work: m * k * n) { lo, hi in
                            let (xs, ws, ys, ts, bs, ids) = ctx.value
                            let panel = UnsafeMutablePointer<UInt8>.allocate(capacity: k * step)
                            defer { panel.deallocate() }
                            for unit in lo..<hi {
                                let m0 = unit / columnParts * rowsPer, rows = min(rowsPer, m - m0)
                                let part = unit % columnParts, c0 = part * n / columnParts, c1 = (part + 1) * n / columnParts
                                let out = rowMajorY ? ys + m0 * n + c0 : ys + c0 * m + m0
                                let (rs, cs) = rowMajorY ? (n, 1) : (1, m)
                                if avx2 {
                                    ck_pair_pack_t_avx2(xs, m, Int32(k), Int32(m0), Int32(rows), panel)
                                    ck_pair_gemm_avx2(panel, Int32(k), ws + c0, Int32(c1 - c0), n, ts, bs, ids,
                                                      blocks.mode0, blocks.mode1, blocks.wsteps, Int32(rows), out, rs, cs)
                                } else {
                                    ck_pair_pack_t_scalar(xs, m, Int32(k), Int32(m0), Int32(rows), panel)
                                    ck_pair_gemm_scalar(panel, Int32(k), ws + c0, Int32(c1 - c0), n, ts,
                                                        blocks.mode0, blocks.mode1, blocks.wsteps, Int32(rows), out, rs, cs)
                                }
                            }
                        }
                    }
                }
            }
        }
        return y
    }

    /// True when some activation code is negative (the pair kernel then does not apply).
    static func anyNegative(_ x: [Int8]) -> Bool {
        x.withUnsafeBufferPointer { p in p.baseAddress.map { ck_any_negative_i8($0, p.count) != 0 } ?? false }
    }

    /// The rows × cols byte matrix transposed (cols × rows).
    static func transposed(_ x: [Int8], rows: Int, cols: Int) -> [Int8] {
        var out = [Int8](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer { op in
                if let xb = xp.baseAddress, let ob = op.baseAddress { ck_transpose_i8(xb, Int32(rows), Int32(cols), ob) }
            }
        }
        return out
    }
}

extension KernelPlan {
    /// Calls `body` with the pair kernel's tables, multiplier bank and multiplier indices (`.byteBlocks4`).
    func withPairOperands(_ body: (UnsafePointer<UInt8>, UnsafePointer<Int8>, UnsafePointer<UInt8>) -> Void) {
        pairTables.withUnsafeBufferPointer { tp in
            ByteBlocks.multiplierBank.withUnsafeBufferPointer { bp in
                pairMultiplierIndices.withUnsafeBufferPointer { ip in
                    if let t = tp.baseAddress, let b = bp.baseAddress, let i = ip.baseAddress { body(t, b, i) }
                }
            }
        }
    }
}
