#!/usr/bin/env bash
# Issue 29 item 5: the ResNet-8 / Fashion-MNIST search redone on a converged base that never saw the search's
# validation images. Resumable: rerun it (train --resume continues the base; a search folder resumes from its cache).
# AXMUL: the axmul binary (release build).
#   base:   the recipe of results/base-resnet8-fm (30 epochs, cosine, seed 1) on the 60,000 training images minus the
#           2,000 validation images that `search --validation-samples 2000 --validation-seed 1 --calibration-batches 4`
#           draws (--hold-out-validation; the checkpoint records the split)
#   search: two NSGA-II seeds (1, 2) on that one split, constraint <= 1 point of validation loss, test on all 10,000
#           test images, energy under both cost sources (fpga-toggle and the published SMApprox measurements); library:
#           exact8 and the paper's eight SMApprox 8x8 designs (the ones with published power)
set -euo pipefail
cd "$(dirname "$0")"
AXMUL=${AXMUL:-axmul}
args=(train --model resnet8 --data fashion-mnist --epochs 30 --batch 64 --lr 0.05 --momentum 0.9 --weight-decay 0.0005
      --schedule cosine --seed 1 --hold-out-validation 2000 --hold-out-seed 1 --hold-out-calibration-batches 4 -o base.safetensors)
if [ ! -f base.done ]; then
    [ -f base.safetensors ] && args+=(--resume)
    "$AXMUL" "${args[@]}"
    touch base.done
fi
library=exact8,smapprox8x8-1100,smapprox8x8-2200,smapprox8x8-3300,smapprox8x8-1110,smapprox8x8-3330,smapprox8x8-2220,smapprox8x8-3333,smapprox8x8-2222
for seed in 1 2; do
    for cost in fpga-toggle published; do
        "$AXMUL" search --model base.safetensors --data fashion-mnist --library "$library" \
            --validation-samples 2000 --validation-seed 1 --calibration-batches 4 --seed "$seed" --cost "$cost" \
            --population 16 --generations 6 --max-accuracy-loss 1 --shards 4 -o "out-seed$seed-$cost"
    done
done
