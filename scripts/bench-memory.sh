#!/usr/bin/env bash
# Peak resident memory of `sensevoice transcribe` (GNU time's "Maximum resident set size") for one
# 30 s file, 1,000 short files and one long file: the pipeline's memory should not grow with file
# count or file length (bounded queues, streamed decoding, --max-segment-s).
#
#   scripts/bench-memory.sh [MODEL_DIR] [HOURS] [-- TRANSCRIBE OPTIONS...]
#
# MODEL_DIR defaults to the test model (src/test/resources/models/test-sherpa); HOURS (default 3)
# is the long file's length. Options after -- go to every run (default: --vad energy, which keeps
# a 3-hour run short; Silero's state is fixed-size, so it changes time, not the memory trend).
# Needs espeak-ng, sox, GNU time (/usr/bin/time; apt-get install time) and the built jar.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
model_dir="${1:-$here/src/test/resources/models/test-sherpa}"
hours="${2:-3}"
shift $(( $# > 2 ? 2 : $# ))
[[ "${1:-}" == "--" ]] && shift
options=("$@")
[[ ${#options[@]} -eq 0 ]] && options=(--vad energy)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

espeak-ng -v en-us -w "$work/a22.wav" "Please call me back before five o'clock tomorrow afternoon."
espeak-ng -v en-us -w "$work/b22.wav" "The meeting has been moved to Thursday at half past nine."
sox "$work/a22.wav" -r 16000 -b 16 -c 1 "$work/a.wav"
sox "$work/b22.wav" -r 16000 -b 16 -c 1 "$work/b.wav"
sox -n -r 16000 -b 16 -c 1 "$work/pause.wav" trim 0 0.8
sox "$work/a.wav" "$work/pause.wav" "$work/b.wav" "$work/pause.wav" "$work/short.wav"
mkdir -p "$work/one" "$work/many" "$work/long"
sox "$work/short.wav" "$work/one/30s.wav" repeat 9 trim 0 30
for i in $(seq -w 1 1000); do cp "$work/short.wav" "$work/many/short-$i.wav"; done
sox "$work/one/30s.wav" "$work/long/long.wav" repeat $(( hours * 120 - 1 ))

peak() { # $1 = label, $2 = input; prints the label, the peak RSS in MiB and the wall time
  local out="$work/out-$RANDOM"
  /usr/bin/time -f "%M %e" -o "$work/time" "$here/sensevoice" transcribe --model "$model_dir" -q -f txt \
    -o "$out" "${options[@]}" "$2" >/dev/null
  read -r kb wall < "$work/time"
  echo "$1 $(( (kb + 1023) / 1024 )) $wall"
  rm -rf "$out"
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg); model: $model_dir; options: ${options[*]}"
echo "| input | peak RSS (MiB) | vs one 30 s file | wall (s) |"
echo "|---|---|---|---|"
read -r _ base wall < <(peak one "$work/one")
echo "| one 30 s file | $base | 1.00 | $wall |"
read -r _ many wall < <(peak many "$work/many")
echo "| 1,000 files of $(soxi -D "$work/short.wav" | cut -c1-4) s | $many | $(awk -v a="$many" -v b="$base" 'BEGIN{printf "%.2f", a/b}') | $wall |"
read -r _ long wall < <(peak long "$work/long")
echo "| one ${hours} h file | $long | $(awk -v a="$long" -v b="$base" 'BEGIN{printf "%.2f", a/b}') | $wall |"
