#!/bin/bash
# Same search with the scontrol-polling driver (axmul4), 1, 2 and 4 array tasks, and locally.
export SLURM_CONF=/var/lib/axmul-slurm/etc/slurm.conf
cd /tmp/scale
for s in 1 2 4 local; do
  rm -rf p-$s
  flag="--shards $s --slurm"; [ $s = local ] && flag="--shards 1"
  t0=$(date +%s.%N)
  ./axmul4 search --model resnet8-fm.safetensors --data fashion-mnist \
     --library smapprox8x8-3330,smapprox8x8-2222,smapprox8x8-1100,drum8-k6 \
     --validation-samples 2000 --population 8 --generations 1 --seed 1 --limit 1000 \
     $flag -o p-$s > plog-$s.txt 2>&1
  rc=$?
  t1=$(date +%s.%N)
  echo "p shards $s rc $rc start $(date -d @${t0%.*} +%T) wall $(echo "$t1 - $t0" | bc) load $(cut -d' ' -f1-3 /proc/loadavg)" >> times4.txt
done
