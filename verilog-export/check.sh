#!/usr/bin/env bash
# Checks one exported design with the real tools, for people and CI logs:
#   verilog-export/check.sh DIR TOP
# simulates tb_TOP.v + TOP.v with Icarus Verilog and yosys's Xilinx models (prints `sim PASS n` or
# `sim FAIL ...`), then runs `synth_xilinx -family xcup` and prints `yosys luts N carry4 N carry8 N`.
# Exit status 1 on a failed simulation. Works on a copy in a temporary folder.
set -euo pipefail
dir=$1 top=$2
models=/usr/share/yosys/xilinx/cells_sim.v
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$dir"/* "$work"/
cd "$work"
if [ -f "tb_$top.v" ]; then
    iverilog -g2005 -o sim.vvp -s "tb_$top" "tb_$top.v" "$top.v" "$models"
    verdict=$(vvp -n sim.vvp | grep -E '^(PASS|FAIL)' | tail -1)
    echo "sim $verdict"
else
    verdict="PASS (no testbench: wider than 8x8)"
    echo "sim skipped: no testbench for designs wider than 8x8"
fi
yosys -q -p "read_verilog $top.v; synth_xilinx -family xcup -top $top; tee -q -o stat.txt stat" >/dev/null
# With several modules, yosys ends with a "design hierarchy" section holding the totals: use it.
awk '/^=== design hierarchy ===/ {h = 1; l = 0; c4 = 0; c8 = 0}
     /^=== / && !/design hierarchy/ {if (!h) {l = 0; c4 = 0; c8 = 0}}
     /^ +LUT[0-9_]+ +[0-9]+$/ {l += $2} /^ +CARRY4 +[0-9]+$/ {c4 = $2} /^ +CARRY8 +[0-9]+$/ {c8 = $2}
     END {printf "yosys luts %d carry4 %d carry8 %d\n", l, c4, c8}' stat.txt
case "$verdict" in PASS*) exit 0 ;; *) exit 1 ;; esac
