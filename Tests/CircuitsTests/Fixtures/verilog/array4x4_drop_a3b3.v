// 4x4 unsigned array multiplier with the partial product x[3]&y[3] removed, written by hand.
// Rows of partial products are added with ripple-carry adders written as assign expressions.
module array4x4_drop_a3b3 (
    input  wire [3:0] x,
    input  wire [3:0] y,
    output wire [7:0] z
);
    wire [3:0] r0, r1, r2, r3;
    assign r0 = x & {y[0], y[0], y[0], y[0]};
    assign r1 = x & {y[1], y[1], y[1], y[1]};
    assign r2 = x & {y[2], y[2], y[2], y[2]};
    assign r3 = {1'b0, x[2:0] & {y[3], y[3], y[3]}};   // x[3]&y[3] dropped

    // row 1: s1 = r0[3:1] + r1
    wire [3:0] s1, c1;
    assign s1[0] = r0[1] ^ r1[0];
    assign c1[0] = r0[1] & r1[0];
    assign s1[1] = r0[2] ^ r1[1] ^ c1[0];
    assign c1[1] = (r0[2] & r1[1]) | (c1[0] & (r0[2] ^ r1[1]));
    assign s1[2] = r0[3] ^ r1[2] ^ c1[1];
    assign c1[2] = (r0[3] & r1[2]) | (c1[1] & (r0[3] ^ r1[2]));
    assign s1[3] = r1[3] ^ c1[2];
    assign c1[3] = r1[3] & c1[2];

    // row 2: s2 = {c1[3], s1[3:1]} + r2
    wire [3:0] s2, c2;
    assign s2[0] = s1[1] ^ r2[0];
    assign c2[0] = s1[1] & r2[0];
    assign s2[1] = s1[2] ^ r2[1] ^ c2[0];
    assign c2[1] = (s1[2] & r2[1]) | (c2[0] & (s1[2] ^ r2[1]));
    assign s2[2] = s1[3] ^ r2[2] ^ c2[1];
    assign c2[2] = (s1[3] & r2[2]) | (c2[1] & (s1[3] ^ r2[2]));
    assign s2[3] = c1[3] ^ r2[3] ^ c2[2];
    assign c2[3] = (c1[3] & r2[3]) | (c2[2] & (c1[3] ^ r2[3]));

    // row 3: s3 = {c2[3], s2[3:1]} + r3
    wire [3:0] s3, c3;
    assign s3[0] = s2[1] ^ r3[0];
    assign c3[0] = s2[1] & r3[0];
    assign s3[1] = s2[2] ^ r3[1] ^ c3[0];
    assign c3[1] = (s2[2] & r3[1]) | (c3[0] & (s2[2] ^ r3[1]));
    assign s3[2] = s2[3] ^ r3[2] ^ c3[1];
    assign c3[2] = (s2[3] & r3[2]) | (c3[1] & (s2[3] ^ r3[2]));
    assign s3[3] = c2[3] ^ r3[3] ^ c3[2];
    assign c3[3] = (c2[3] & r3[3]) | (c3[2] & (c2[3] ^ r3[3]));

    assign z = {c3[3], s3, s2[0], s1[0], r0[0]};
endmodule
