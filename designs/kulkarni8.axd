# Kulkarni's 2x2 block (3 x 3 = 7) composed recursively to 8x8, partial products added exactly.
design kulkarni8
summary "Kulkarni 8x8 multiplier (recursive 2x2 blocks with 3x3=7)"
formula kulkarni width=8
