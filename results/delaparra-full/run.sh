#!/usr/bin/env bash
# Issue 29: De la Parra Tables 5-7 and Figs. 6-7 at full scale. Resumable: rerun to continue (finished cells
# under cells/ are reused). AXMUL: the axmul binary (release build).
#   base:       results/base-resnet8-fm/base.safetensors (ResNet-8, 30 epochs on all 60k images, 92.79 % float)
#   retraining: 1 epoch on 10,000 evenly spaced training images (1/6 of the set; the paper retrains ImageNet
#               on 20 % for 2 epochs), SGD lr 1e-4, momentum 0.9, batch 64; every cell tested on all 10,000
#               test images; quantisation "default" (max-abs, BatchNorm in float, per-tensor).
#   phase 1:    every method and control for the eight SMApprox 8x8 designs, seeds 1-3.
#   phase 2:    behavioural and errormodel, seeds 4-5, for the six designs below 7 % MRE.
set -euo pipefail
cd "$(dirname "$0")"
AXMUL=${AXMUL:-axmul}
common=(experiment delaparra --base ../base-resnet8-fm/base.safetensors --limit 10000 --epochs 1 -o .)
"$AXMUL" "${common[@]}" --seeds 3
"$AXMUL" "${common[@]}" --seeds 5 --methods behavioural,errormodel \
    --multipliers smapprox8x8-1100,smapprox8x8-2200,smapprox8x8-3300,smapprox8x8-1110,smapprox8x8-3330,smapprox8x8-2220
