# Exact 8x8 multiplier: four exact 4x4 blocks, partial products added exactly.
design exact8
summary "exact 8x8 unsigned multiplier (composition of 4 x exact4)"
compose ll=exact4 hl=exact4 lh=exact4 hh=exact4
