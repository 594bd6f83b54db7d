#!/usr/bin/env bash
# Start-up time, cold (no snapshot) vs warm (optimized snapshot from `sensevoice cache warm`):
# seconds from launching `sensevoice transcribe` to its first transcript on disk (the output's
# mtime), median of N runs, for the fp32 and the int8 file of a model directory.
#
#   scripts/bench-startup.sh [MODEL_DIR] [RUNS]
#
# MODEL_DIR defaults to the full-size benchmark network made by scripts/make-bench-model.py
# ($cache/models/bench-full). Uses a private cache under a temp folder, so the user's snapshots
# are untouched. Run it on an idle machine; it prints the load average it saw.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cache="${SENSEVOICE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sensevoice}"
model="${1:-$cache/models/bench-full}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SENSEVOICE_CACHE_DIR="$work/cache"

# One folder per precision, so that transcribe's automatic choice picks the file measured.
mkdir -p "$work/fp32" "$work/int8"
ln -s "$(readlink -f "$model/model.onnx")" "$work/fp32/model.onnx"
ln -s "$(readlink -f "$model/model.int8.onnx")" "$work/int8/model.int8.onnx"
for d in fp32 int8; do ln -s "$(readlink -f "$model/tokens.txt")" "$work/$d/tokens.txt"; done

# A 3-5 s spoken input.
espeak-ng -s 150 -w "$work/say.wav" "start up time, measured from the command to the first transcript" 2>/dev/null
echo "input: $(soxi -D "$work/say.wav") s; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Seconds from launch to the transcript's mtime.
first_transcript() {
  local out="$work/out"
  rm -rf "$out"
  local t0; t0=$(date +%s.%N)
  "$here/sensevoice" transcribe --device cpu -q -f txt -o "$out" --model "$1" "${@:2}" "$work/say.wav"
  local t1; t1=$(stat -c %.Y "$out/say.txt")
  echo "$t1 - $t0" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for precision in fp32 int8; do
  dir="$work/$precision"
  "$here/sensevoice" transcribe --device cpu -q -f txt -o "$work/out" --model "$dir" --no-snapshot "$work/say.wav" # page cache, hash memo
  "$here/sensevoice" cache warm --model "$dir" --device cpu
  # Cold and warm runs alternate, so that a change in the machine's load hits both alike.
  cold=(); warm=()
  for _ in $(seq "$runs"); do
    cold+=("$(first_transcript "$dir" --no-snapshot)")
    warm+=("$(first_transcript "$dir")")
  done
  c=$(printf '%s\n' "${cold[@]}" | median); w=$(printf '%s\n' "${warm[@]}" | median)
  printf '%s cold: %s  median %.2f s\n' "$precision" "${cold[*]}" "$c"
  printf '%s warm: %s  median %.2f s  (warm/cold %.2f)\n' "$precision" "${warm[*]}" "$w" "$(echo "$w / $c" | bc -l)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
