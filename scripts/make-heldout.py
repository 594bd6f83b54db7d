#!/usr/bin/python3
"""Writes held-out spoken digit files (seeds the training never used; the same voices, speeds,
pitches and melody) in every format the CLI reads, with manifest.csv (file, language, digits, bgm).

    scripts/make-heldout.py                       # 240 files into build/heldout (not committed)
    scripts/make-heldout.py --out DIR --count N --seed S
    scripts/make-heldout.py --parity              # the committed 24-file 16 kHz WAV subset:
                                                  # src/test/resources/heldout/
Formats cycle through wav 8/16/22.05/44.1/48 kHz, flac, mp3, ogg (vorbis), m4a (aac), opus;
one file in four has a melody under the speech. Debian's python3 (numpy, torch, torchaudio),
espeak-ng and ffmpeg.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pinned_kernels  # noqa: E402,F401  (before numpy and torch load their kernels)
import digits_speech as ds  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARITY_FORMATS = [("wav", 16000, ["-c:a", "pcm_s16le", "-bitexact"])]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--out")
    p.add_argument("--count", type=int)
    p.add_argument("--seed", type=int)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--parity", action="store_true",
                   help="short 16 kHz mono 16-bit WAV files for the Java-vs-sherpa parity test")
    args = p.parse_args()
    if args.parity:
        out = args.out or os.path.join(ROOT, "src", "test", "resources", "heldout")
        rows = ds.write_heldout(out, args.seed or 4242, args.count or 24, PARITY_FORMATS,
                                pad=(0.2, 0.5), jobs=args.jobs)
    else:
        out = args.out or os.path.join(ROOT, "build", "heldout")
        rows = ds.write_heldout(out, args.seed or 777, args.count or 240, jobs=args.jobs)
    print(f"{len(rows)} files and manifest.csv in {out}")


if __name__ == "__main__":
    main()
