#!/usr/bin/env bash
# Issue 29: the converged ResNet-8 base on all of Fashion-MNIST (60k train / 10k test), resumable: rerun
# this script to continue (train --resume trains until --epochs). AXMUL: the axmul binary (release build).
set -euo pipefail
cd "$(dirname "$0")"
AXMUL=${AXMUL:-axmul}
args=(train --model resnet8 --data fashion-mnist --epochs 30 --batch 64 --lr 0.05 --momentum 0.9 --weight-decay 0.0005
      --schedule cosine --seed 1 -o base.safetensors)
[ -f base.safetensors ] && args+=(--resume)
"$AXMUL" "${args[@]}"
