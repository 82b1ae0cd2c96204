#!/bin/bash
# freeze.sh stop|cont : SIGSTOP/SIGCONT every process working in a helper worktree (quiet benchmarks)
sig=$1
for p in /proc/[0-9]*; do
  pid=${p#/proc/}
  cwd=$(readlink $p/cwd 2>/dev/null)
  cmd=$(tr '\0' ' ' < $p/cmdline 2>/dev/null)
  case "$cwd $cmd" in *"/work/wt-"*) kill -$sig $pid 2>/dev/null;; esac
done
