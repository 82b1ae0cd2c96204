import Testing
@testable import Circuits

/// The allocation-free bit-parallel LUT evaluation agrees with the one-address definition in LUTInit.
@Suite struct LUTSimulationTests {
    @Test func bitParallelLUTMatchesAddressDefinition() {
        // Lane v of the 64-vector word holds address v: I_k = bit k of v (the simulator's lane masks).
        let lanes: [UInt64] = [0xAAAA_AAAA_AAAA_AAAA, 0xCCCC_CCCC_CCCC_CCCC, 0xF0F0_F0F0_F0F0_F0F0,
                               0xFF00_FF00_FF00_FF00, 0xFFFF_0000_FFFF_0000, 0xFFFF_FFFF_0000_0000]
        var rng = DesignsSplitMix64(seed: 11)
        for _ in 0..<50 {
            let lut = LUTInit(rng.next())
            let o6 = BitParallelSimulator.lut(lut.bits, (lanes[0], lanes[1], lanes[2], lanes[3], lanes[4], lanes[5]))
            let o5 = BitParallelSimulator.lut(lut.bits & 0xFFFF_FFFF, (lanes[0], lanes[1], lanes[2], lanes[3], lanes[4], 0))
            for k in 0..<64 {
                #expect((o6 >> UInt64(k)) & 1 == (lut.o6(address: k) ? 1 : 0), "INIT \(lut.hex) O6 address \(k)")
                #expect((o5 >> UInt64(k)) & 1 == (lut.o5(address: k) ? 1 : 0), "INIT \(lut.hex) O5 address \(k)")
            }
        }
    }
}
