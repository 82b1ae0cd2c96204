// 2x2 exact unsigned multiplier, written by hand: non-ANSI ports, scalar wires, assign.
module mult2x2 (A, B, O);
    input  [1:0] A;
    input  [1:0] B;
    output [3:0] O;
    wire pp00, pp01, pp10, pp11, c1;

    assign pp00 = A[0] & B[0];
    assign pp01 = A[0] & B[1];
    assign pp10 = A[1] & B[0];
    assign pp11 = A[1] & B[1];
    assign O[0] = pp00;
    assign O[1] = pp01 ^ pp10;
    assign c1 = pp01 & pp10;      /* carry into column 2 */
    assign O[2] = pp11 ^ c1;
    assign O[3] = pp11 & c1;
endmodule
