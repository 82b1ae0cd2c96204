// 3x3 exact unsigned multiplier from cell instances, written by hand.
// Cells: AND2 NAND2 INV XOR2 OR2 HA FA, and the gate primitive `and`; pin-name aliases A1/A2/ZN.
module cells3x3 (a, b, y);
    input [2:0] a;
    input [2:0] b;
    output [5:0] y;
    wire pp00, pp01, pp02, pp10, pp11, pp12, pp20, pp21, pp22, n22;
    wire c1, s2a, c2a, c2b, s3a, c3a, c3b, x4, g4, t4, u4, c4;

    and g00 (pp00, a[0], b[0]);
    AND2 g01 (.A(a[0]), .B(b[1]), .Y(pp01));
    AND2 g02 (.A1(a[0]), .A2(b[2]), .ZN(pp02));
    AND2 g10 (.A(a[1]), .B(b[0]), .Y(pp10));
    AND2 g11 (.A(a[1]), .B(b[1]), .Y(pp11));
    AND2 g12 (.A(a[1]), .B(b[2]), .Y(pp12));
    AND2 g20 (.A(a[2]), .B(b[0]), .Y(pp20));
    AND2 g21 (.A(a[2]), .B(b[1]), .Y(pp21));
    NAND2 g22n (.A(a[2]), .B(b[2]), .Y(n22));
    INV g22 (.A(n22), .Y(pp22));

    assign y[0] = pp00;
    HA h1 (.A(pp10), .B(pp01), .S(y[1]), .CO(c1));
    FA f2 (.A(pp20), .B(pp11), .CI(pp02), .S(s2a), .CO(c2a));
    HA h2 (.A(s2a), .B(c1), .S(y[2]), .CO(c2b));
    FA f3 (.A(pp21), .B(pp12), .CIN(c2a), .SUM(s3a), .COUT(c3a));
    HA h3 (.A(s3a), .B(c2b), .S(y[3]), .CO(c3b));
    // column 4: a full adder from simple gates
    XOR2 x4a (.A(pp22), .B(c3a), .Y(x4));
    XOR2 x4b (.A(x4), .B(c3b), .Y(y[4]));
    AND2 g4a (.A(pp22), .B(c3a), .Y(g4));
    AND2 t4a (.A(x4), .B(c3b), .Y(t4));
    OR2 c4a (.A(g4), .B(t4), .Y(c4));
    BUF b5 (.A(c4), .Y(u4));
    assign y[5] = u4;
endmodule
