#!/usr/bin/env bash
# The committed ResNet-8 / Fashion-MNIST search (results/search-resnet8). Resumable: run it again after a kill.
set -euo pipefail
cd "$(dirname "$0")"
AXMUL=${AXMUL:-../../.build-release/release/axmul}
[ -f resnet8-fmnist.safetensors ] && [ ! -f train.done ] && RESUME=--resume || RESUME=
if [ ! -f train.done ]; then
    /usr/bin/time -f "train wall %e s" $AXMUL train --model resnet8 --data fashion-mnist --epochs 1 --lr 0.05 --batch 64 \
        -o resnet8-fmnist.safetensors $RESUME
    touch train.done
fi
/usr/bin/time -f "search wall %e s" $AXMUL search --model resnet8-fmnist.safetensors --data fashion-mnist \
    --library "$(cat library.txt)" --library-filter 'mre<=20' \
    --validation-samples 500 --population 8 --generations 2 --seed 1 --max-accuracy-loss 1 --limit 2000 \
    --shards 8 --calibration max-abs --no-fold-bn -o out   # the defaults when the run was made
