#!/usr/bin/env bash
# Peak memory of `sensevoice transcribe` on six workloads (issue 4, docs/benchmarks.md "Memory"):
#   single  one 30 s recording
#   many    1,000 short recordings (2.5 s each)
#   long    one 3-hour recording (FLAC), which the pipeline must stream
#   single-continuous  30 s of that recording without a pause: one 30 s segment, the longest the
#           default --max-segment-s allows (the VAD cuts the single file into 18 s + 12 s, and
#           attention memory grows with the square of a segment's length)
#   looped-30s / looped-3h  a 30 s file (the clip's first 29 s between half-second silences: one
#           29.4 s segment) and that very file 360 times over: a long recording of exactly the
#           speech the 30 s file holds, so only the length differs
# The goal: 1,000 files and a 3-hour file peak within 10 % of one 30 s file (many vs single,
# looped-3h vs looped-30s; long against both single files shows what longer segments add). Also
# checks that the 3-hour transcripts' timestamps are monotonic and inside the audio.
#
# Needs: GNU time as /usr/bin/time (Debian: `apt-get install time`; bash's builtin `time` does not
# report memory), espeak-ng, sox, ffmpeg, python3, and a built ./sensevoice (`make build`).
#
# Usage: scripts/bench-memory.sh [--model NAME|DIR] [--work DIR] [-- extra transcribe options]
#   --work DIR  where fixtures and outputs go (default: $TMPDIR/sensevoice-bench-memory); fixtures
#               are generated once and reused by later runs.
# SENSEVOICE_JAVA_OPTS is passed to the JVM as usual (e.g. -Xmx512m to compare heap limits).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model=""
work="${TMPDIR:-/tmp}/sensevoice-bench-memory"
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "bench-memory: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

for tool in espeak-ng sox ffmpeg python3; do
  command -v "$tool" >/dev/null || { echo "bench-memory: $tool is missing; install it" >&2; exit 2; }
done
if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench-memory: GNU time is missing: apt-get install time" >&2
  exit 2
fi

fixtures="$work/fixtures"
mkdir -p "$fixtures"

# A 30 s English speech clip at 16 kHz mono: espeak-ng text, padded or cut to exactly 30 s.
make_clip() {
  local clip="$fixtures/clip30.wav"
  [[ -f "$clip" ]] && return
  local text="The quarterly report is ready. Revenue grew by twelve percent, and costs stayed flat.
  We will hire four engineers next month. Please send your comments before Friday at noon.
  The meeting on Tuesday moves to room three. Thank you all for the hard work this season."
  espeak-ng -s 150 -w "$fixtures/speech.wav" "$text"
  sox "$fixtures/speech.wav" -r 16000 -c 1 -b 16 "$fixtures/speech16.wav"
  sox "$fixtures/speech16.wav" "$fixtures/looped.wav" repeat 3
  sox "$fixtures/looped.wav" "$clip" trim 0 30
  rm -f "$fixtures/speech.wav" "$fixtures/speech16.wav" "$fixtures/looped.wav"
}

make_single() {
  mkdir -p "$fixtures/single"
  [[ -f "$fixtures/single/call.wav" ]] || cp "$fixtures/clip30.wav" "$fixtures/single/call.wav"
}

# 1,000 files of 2.5 s: 2,500 s of the looped clip cut by ffmpeg's segment muxer.
make_many() {
  local dir="$fixtures/many"
  [[ -d "$dir" && $(find "$dir" -name '*.wav' | wc -l) -ge 1000 ]] && return
  rm -rf "$dir" && mkdir -p "$dir"
  sox "$fixtures/clip30.wav" "$fixtures/loop2500.wav" repeat 84
  ffmpeg -nostdin -v error -i "$fixtures/loop2500.wav" -t 2500 -f segment -segment_time 2.5 \
    -c:a pcm_s16le "$dir/short%04d.wav"
  rm -f "$fixtures/loop2500.wav"
  find "$dir" -name '*.wav' | sort | tail -n +1001 | xargs -r rm -f
}

# 3 hours = the 30 s clip 360 times, as FLAC (~100 MB instead of 345 MB of WAV).
make_long() {
  [[ -f "$fixtures/long/three-hours.flac" ]] && return
  mkdir -p "$fixtures/long"
  sox "$fixtures/clip30.wav" "$fixtures/long/three-hours.flac" repeat 359
}

make_continuous() {
  [[ -f "$fixtures/continuous/call.wav" ]] && return
  mkdir -p "$fixtures/continuous"
  sox "$fixtures/long/three-hours.flac" "$fixtures/continuous/call.wav" trim 18.2 30
}

# A 30 s file and the same file 360 times over (3 hours).
make_looped() {
  [[ -f "$fixtures/looped/three-hours.flac" ]] && return
  mkdir -p "$fixtures/looped"
  sox "$fixtures/clip30.wav" "$fixtures/looped/call.wav" trim 0 29 pad 0.5 0.5
  sox "$fixtures/looped/call.wav" "$fixtures/looped/three-hours.flac" repeat 359
}

model_args=()
[[ -n "$model" ]] && model_args=(--model "$model")

# Runs one workload; prints "name peak_rss_mb wall_s exit".
measure() {
  local name="$1" input="$2"
  local out="$work/out-$name" log="$work/time-$name.txt"
  rm -rf "$out"
  local status=0
  /usr/bin/time -v -o "$log" "$here/sensevoice" transcribe "${model_args[@]}" -q -f json -o "$out" \
    --stats "$work/stats-$name.csv" "${extra[@]}" "$input" || status=$?
  local kb wall
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  peak[$name]=$((kb / 1024))
  printf '%-17s peak_rss_mb=%-6d wall=%-9s exit=%d\n' "$name" "${peak[$name]}" "$wall" "$status"
}
declare -A peak

# Each workload's peak against the single 30 s file's (goal: within 10 %).
compare() {
  local name
  for name in many long; do
    printf '%-7s vs single: %+d %%   vs single-continuous: %+d %%\n' "$name" \
      $(( (peak[$name] - peak[single]) * 100 / peak[single] )) \
      $(( (peak[$name] - peak[single-continuous]) * 100 / peak[single-continuous] ))
  done
  printf 'looped-3h vs looped-30s (the same file, 360 times): %+d %%\n' \
    $(( (peak[looped-3h] - peak[looped-30s]) * 100 / peak[looped-30s] ))
}

check_timestamps() {
  python3 - "$1" "$work/out-$1/three-hours.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[2]))
duration, previous, problems = doc["duration_s"], -1.0, 0
for seg in doc["segments"]:
    if not (previous <= seg["start"] <= seg["end"] <= duration + 1e-6):
        problems += 1
    previous = seg["end"]
    times = [t["start"] for t in seg["tokens"]]
    if times != sorted(times) or any(not (seg["start"] <= t <= seg["end"]) for t in times):
        problems += 1
print(f"{sys.argv[1]:<9} duration_s={duration} segments={len(doc['segments'])} "
      f"last_end={doc['segments'][-1]['end'] if doc['segments'] else None} timestamp_problems={problems}")
sys.exit(1 if problems else 0)
PY
}

echo "bench-memory: generating fixtures in $fixtures (once)" >&2
make_clip; make_single; make_many; make_long; make_continuous; make_looped
[[ -f "$here/target/sensevoice.jar" ]] || make -s -C "$here" build
echo "bench-memory: JVM options: ${SENSEVOICE_JAVA_OPTS:-(launcher defaults)}" >&2
measure single "$fixtures/single/call.wav"
measure single-continuous "$fixtures/continuous/call.wav"
measure many "$fixtures/many"
measure long "$fixtures/long/three-hours.flac"
measure looped-30s "$fixtures/looped/call.wav"
measure looped-3h "$fixtures/looped/three-hours.flac"
check_timestamps long
check_timestamps looped-3h
compare
