#!/usr/bin/env bash
# Makes the demo recordings in samples/ from nothing: espeak-ng speech, sox effects, ffmpeg codecs.
# Usage: scripts/make-samples.sh [OUTDIR]   (default: samples/ next to this script's folder)
# What each file says is listed in samples/README.md; keep the two in step.
set -euo pipefail

out="${1:-$(cd "$(dirname "$0")/.." && pwd)/samples}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# speak VOICE SPEED PITCH TEXT FILE: espeak-ng at 22.05 kHz, padded with 0.4 s of silence each side
speak() {
  espeak-ng -v "$1" -s "$2" -p "$3" -w "$tmp/raw.wav" "$4"
  sox "$tmp/raw.wav" "$5" gain -n -1 pad 0.4 0.4
}

# melody SECONDS FILE: plucked notes of a simple tune, looped to the length, 22.05 kHz
melody() {
  local notes=(C4 E4 G4 E4 A4 G4 E4 D4) parts=() i=0
  for n in "${notes[@]}"; do
    sox -n -r 22050 "$tmp/note$i.wav" synth 0.45 pluck "$n" fade 0 0.45 0.3
    parts+=("$tmp/note$i.wav"); i=$((i + 1))
  done
  sox "${parts[@]}" "$tmp/tune.wav"
  sox "$tmp/tune.wav" "$2" repeat 20 trim 0 "$1"
}

# 1. English, 44.1 kHz MP3
speak en-us 160 50 "four one five, two nine three eight" "$tmp/en.wav"
ffmpeg -v error -y -i "$tmp/en.wav" -ar 44100 -c:a libmp3lame -b:a 48k "$out/en-digits-44k.mp3"

# 2. Mandarin, 48 kHz FLAC (pinyin voice: cmn reads digit characters as English letters)
speak cmn-latn-pinyin 150 50 "san1 qi1 er4 ling2 wu3 ba1" "$tmp/zh.wav"
sox "$tmp/zh.wav" -r 48000 -b 16 "$out/zh-digits-48k.flac"

# 3. English over a telephone line: 300-3400 Hz band, 8 kHz, 16-bit WAV
speak en-gb 140 40 "nine eight seven, six five four three" "$tmp/tel.wav"
sox "$tmp/tel.wav" -r 8000 -b 16 "$out/en-telephone-8k.wav" sinc 300-3400 gain -1

# 4. English with a melody under the speech, 44.1 kHz AAC in M4A
speak en-gb-x-rp 150 60 "two zero two six, one one nine" "$tmp/bgm-speech.wav"
melody "$(soxi -D "$tmp/bgm-speech.wav")" "$tmp/bgm-tune.wav"
sox -m -v 0.7 "$tmp/bgm-speech.wav" -v 0.25 "$tmp/bgm-tune.wav" "$tmp/bgm.wav" gain -n -2
ffmpeg -v error -y -i "$tmp/bgm.wav" -ar 44100 -c:a aac -b:a 48k "$out/en-melody-44k.m4a"

# 5. A longer recording (~35 s): six digit strings in both languages with pauses, 48 kHz Opus
speak en-us 150 50 "three one four one five nine" "$tmp/l1.wav"
speak cmn-latn-pinyin 140 55 "er4 qi1 yi1 ba1 er4 ba1" "$tmp/l2.wav"
speak en-029 170 45 "one six one eight, zero three" "$tmp/l3.wav"
speak cmn-latn-pinyin 160 40 "liu4 liu4 ling2 jiu3 si4" "$tmp/l4.wav"
speak en-gb 135 65 "five five five, two three six eight" "$tmp/l5.wav"
speak cmn-latn-pinyin 150 60 "yi1 er4 san1 si4 wu3 liu4 qi1" "$tmp/l6.wav"
sox -n -r 22050 -c 1 "$tmp/gap.wav" trim 0 3.2
sox "$tmp/l1.wav" "$tmp/gap.wav" "$tmp/l2.wav" "$tmp/gap.wav" "$tmp/l3.wav" "$tmp/gap.wav" \
    "$tmp/l4.wav" "$tmp/gap.wav" "$tmp/l5.wav" "$tmp/gap.wav" "$tmp/l6.wav" "$tmp/long.wav"
ffmpeg -v error -y -i "$tmp/long.wav" -ar 48000 -c:a libopus -b:a 24k "$out/mixed-long-48k.opus"

ls -l "$out"
