#!/usr/bin/env bash
# Throughput of `sensevoice transcribe` against the reference runtime (sherpa-onnx-node, contract §8)
# on the same model, the same files and the same cores.
#
#   scripts/compare-sherpa.sh [MODEL_DIR] [FILES] [SECONDS]
#
# MODEL_DIR defaults to ~/.cache/sensevoice/models/bench-full (scripts/make-bench-model.py), with
# model.onnx (fp32) and, when present, model.int8.onnx. FILES (default 4) files of SECONDS (default
# 30) of espeak-ng speech, 16 kHz mono. The reference decodes each whole file on one stream with
# 2 threads; we count only its decode time (not model load, not reading the WAV). Ours is the run's
# wall time from --stats (no model load either), everything included: decoding, VAD, features,
# batching, inference and writing the outputs. Both are pinned to the same CPUs (taskset).
# Needs: espeak-ng, sox, node (make oracle installs sherpa-onnx-node), the built jar (make build).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
model_dir="${1:-$HOME/.cache/sensevoice/models/bench-full}"
files="${2:-4}"
seconds="${3:-30}"
cpus="${CPUS:-0,1}"
oracle="${ORACLE_DIR:-$here/target/oracle}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sentences=("The quick brown fox jumps over the lazy dog near the river bank."
  "Please call me back before five o'clock tomorrow afternoon."
  "Twenty three people were waiting at the station when the train arrived."
  "We measured the latency of every stage and wrote the figures down."
  "She sells sea shells by the sea shore on sunny days."
  "The meeting has been moved to Thursday at half past nine.")

make_audio() {
  sox -n -r 16000 -b 16 -c 1 "$work/pause.wav" trim 0 0.6
  local parts=()
  for i in "${!sentences[@]}"; do
    espeak-ng -v en-us -s $((150 + 10 * i)) -w "$work/raw$i.wav" "${sentences[$i]}"
    sox "$work/raw$i.wav" -r 16000 -b 16 -c 1 "$work/s$i.wav"
    parts+=("$work/s$i.wav" "$work/pause.wav")
  done
  sox "${parts[@]}" "$work/round.wav"
  local rounds=$(( seconds / 15 + 2 ))
  for f in $(seq 1 "$files"); do
    local list=()
    for _ in $(seq 1 "$rounds"); do list+=("$work/round.wav"); done
    # a different start per file, so that files are not identical
    sox "${list[@]}" "$work/in$f.wav" trim "$((f * 2))" "$seconds"
  done
}

reference() { # $1 = model file
  taskset -c "$cpus" env NODE_PATH="$oracle/node_modules" node "$here/scripts/sherpa-oracle.js" \
    --model "$1" --tokens "$model_dir/tokens.txt" --threads 2 "$work"/in*.wav \
    | node -e 'let ms=0,s=0;require("readline").createInterface({input:process.stdin}).on("line",l=>{const j=JSON.parse(l);ms+=j.decode_ms;s+=j.audio_s}).on("close",()=>console.log((ms/1000).toFixed(2),s.toFixed(1)))'
}

ours() { # $1 = model dir, rest = options
  local dir="$1"; shift
  rm -rf "$work/out"
  taskset -c "$cpus" "$here/sensevoice" transcribe --model "$dir" -q -o "$work/out" --stats "$work/stats.json" \
    "$@" "$work"/in*.wav
  node -e 'const j=require(process.argv[1]);console.log(j.total.wall_s.toFixed(2))' "$work/stats.json"
}

only() { # $1 = model file name: a folder where it is the only model (auto precision prefers int8)
  mkdir -p "$work/$1.d"
  ln -sf "$model_dir/$1" "$work/$1.d/$1"
  ln -sf "$model_dir/tokens.txt" "$work/$1.d/tokens.txt"
  echo "$work/$1.d"
}

row() { # precision, how, seconds, audio
  awk -v p="$1" -v h="$2" -v w="$3" -v a="$4" 'BEGIN { printf "| %s | %s | %.2f | %.1f |\n", p, h, w, a / w }'
}

make_audio
fp32="$(only model.onnx)"
audio=$(( files * seconds ))
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); $files files x ${seconds} s on CPUs $cpus"
echo "| model | runtime | seconds | audio s per s |"
echo "|---|---|---|---|"
read -r ref_s _ < <(reference "$model_dir/model.onnx")
row fp32 "sherpa-onnx-node (ORT 1.28.2), decode only, 2 threads" "$ref_s" "$audio"
row fp32 "sensevoice (ORT 1.23.2), defaults" "$(ours "$fp32")" "$audio"
row fp32 "sensevoice, --inference-workers 1 --threads 2" "$(ours "$fp32" --inference-workers 1 --threads 2)" "$audio"
row fp32 "sensevoice, --inference-workers 2 (both at once, no in-flight cap)" "$(ours "$fp32" --inference-workers 2)" "$audio"
row fp32 "sensevoice, --vad none" "$(ours "$fp32" --vad none)" "$audio"
if [[ -f "$model_dir/model.int8.onnx" ]]; then
  read -r ref8_s _ < <(reference "$model_dir/model.int8.onnx")
  row int8 "sherpa-onnx-node (ORT 1.28.2), decode only, 2 threads" "$ref8_s" "$audio"
  row int8 "sensevoice (ORT 1.23.2), defaults" "$(ours "$(only model.int8.onnx)")" "$audio"
fi
