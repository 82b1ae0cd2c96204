# Exact 16x16 multiplier: four exact 8x8 compositions, partial products added exactly.
design exact16
summary "exact 16x16 unsigned multiplier (composition of 4 x exact8)"
compose ll=exact8 hl=exact8 lh=exact8 hh=exact8
