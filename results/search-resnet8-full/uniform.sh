#!/usr/bin/env bash
# Issue 29 item 5: the uniform designs the search is compared with (every layer on one multiplier), on the same
# held-out base and all 10,000 test images, with the same calibration rule as the search (the first 4 training
# batches). Energy: the fpga-toggle model (evaluate's energy_rel); the published-power figure of a uniform
# assignment is the design's measured power over the Xilinx Multiplier IP's (PublishedCost.relativePower).
# AXMUL: the axmul binary (release build). Rerun-safe: a finished design is skipped.
set -euo pipefail
cd "$(dirname "$0")"
AXMUL=${AXMUL:-axmul}
[ -f base.done ] || { echo "uniform.sh: the base is not finished (run.sh first)" >&2; exit 1; }
for design in exact8 smapprox8x8-1100 smapprox8x8-1110 smapprox8x8-3330; do
    out="uniform-$design.json"
    [ -f "$out" ] && continue
    "$AXMUL" evaluate --model base.safetensors --data fashion-mnist --multiplier "$design" --json > "$out.tmp"
    mv "$out.tmp" "$out"
done
