#!/bin/bash
export SLURM_CONF=/var/lib/axmul-slurm/etc/slurm.conf
cd /tmp/scale
( while [ ! -f /tmp/scale/stopfreeze ]; do ./freeze.sh STOP; sleep 3; done ) &
for s in 1 2 4; do
  rm -rf out-$s
  t0=$(date +%s.%N)
  ./axmul search --model resnet8-fm.safetensors --data fashion-mnist \
     --library smapprox8x8-3330,smapprox8x8-2222,smapprox8x8-1100,drum8-k6 \
     --validation-samples 2000 --population 8 --generations 1 --seed 1 --limit 1000 \
     --shards $s --slurm -o out-$s > log-$s.txt 2>&1
  rc=$?
  t1=$(date +%s.%N)
  echo "shards $s rc $rc wall $(echo "$t1 - $t0" | bc) load $(cut -d' ' -f1-3 /proc/loadavg)" >> times.txt
done
touch /tmp/scale/stopfreeze; sleep 4; ./freeze.sh CONT
