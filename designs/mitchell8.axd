# Mitchell's logarithmic multiplier on 8-bit operands (piecewise-linear log2, add, antilog; truncating).
design mitchell8
summary "Mitchell logarithmic 8x8 multiplier"
formula mitchell width=8
