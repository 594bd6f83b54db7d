#!/usr/bin/env python3
"""Score `sensevoice transcribe -f json -o OUTDIR` results against a held-out manifest.csv.

usage: evaluate-transcripts.py MANIFEST.csv OUTDIR [OUTDIR ...]

The manifest (from make-heldout.py) has columns file, language, digits, bgm (yes/no) and, when
present, melody_db (the melody's RMS against the speech's; BGM is then also reported by level
band, both runs summed over languages). For each
file, OUTDIR holds `<stem>.json` (or `<name with extension>.json` when stems collide), with the
design's keys: "text", "language", "segments"[].event and "options".itn. Prints, per language:
WER (English words) and CER (Mandarin characters) for runs without ITN, digit error rate for
runs with ITN, language accuracy, and event accuracy (BGM on melody files, Speech elsewhere).
Plain python3, standard library only.
"""
import csv
import json
import os
import re
import sys

ENGLISH_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
HANZI = "零一二三四五六七八九"


def edit_distance(reference, hypothesis):
    row = list(range(len(hypothesis) + 1))
    for i, r in enumerate(reference, 1):
        previous, row[0] = row[0], i
        for j, h in enumerate(hypothesis, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (r != h))
    return row[-1]


def reference_units(language, digits, itn):
    """What the transcript should say, as the units the metric counts."""
    if itn:
        return list(digits)
    if language == "en":
        return [ENGLISH_WORDS[int(d)] for d in digits]
    return [HANZI[int(d)] for d in digits]


def hypothesis_units(language, text, itn):
    if itn:
        return re.findall(r"[0-9]", text)
    if language == "en":
        return re.findall(r"[a-z]+", text.lower())
    return [c for c in text if not c.isspace() and c not in "，。、,.!?！？"]


def json_path(outdir, file_name):
    base = os.path.basename(file_name)
    for name in (os.path.splitext(base)[0] + ".json", base + ".json"):
        if os.path.exists(os.path.join(outdir, name)):
            return os.path.join(outdir, name)
    return None


def read_manifest(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class Tally:
    """Counts for one (language, itn) group of one output folder."""

    def __init__(self):
        self.errors = self.units = self.files = self.exact = 0
        self.language_ok = self.event_ok = self.bgm_files = self.bgm_ok = self.missing = 0
        self.bgm_by_level = {band: [0, 0] for band in LEVEL_BANDS}  # band -> [found, files]

    def add(self, row, result):
        itn = bool(result.get("options", {}).get("itn"))
        ref = reference_units(row["language"], row["digits"], itn)
        hyp = hypothesis_units(row["language"], result.get("text", ""), itn)
        self.errors += edit_distance(ref, hyp)
        self.units += len(ref)
        self.files += 1
        self.exact += ref == hyp
        self.language_ok += result.get("language") == row["language"]
        events = {s.get("event") for s in result.get("segments", [])}
        wanted = "BGM" if row["bgm"] == "yes" else "Speech"
        self.event_ok += wanted in events
        if row["bgm"] == "yes":
            self.bgm_files += 1
            self.bgm_ok += "BGM" in events
            if row.get("melody_db"):
                counts = self.bgm_by_level[level_band(float(row["melody_db"]))]
                counts[0] += "BGM" in events
                counts[1] += 1

    def summary(self):
        pct = lambda a, b: f"{100.0 * a / b:6.2f}%" if b else "   n/a"
        return (f"error {pct(self.errors, self.units)}  exact {pct(self.exact, self.files)}  "
                f"language {pct(self.language_ok, self.files)}  event {pct(self.event_ok, self.files)}"
                f"  BGM {pct(self.bgm_ok, self.bgm_files)} ({self.bgm_files})  files {self.files}"
                + (f"  missing {self.missing}" if self.missing else ""))


# Melody RMS against the speech's (manifest column melody_db), the bands BGM is reported in.
LEVEL_BANDS = ("-3..-10 dB", "-10..-15 dB", "-15..-20 dB", "-20..-25 dB")


def level_band(db):
    return LEVEL_BANDS[0 if db >= -10 else 1 if db >= -15 else 2 if db >= -20 else 3]


def evaluate(manifest_rows, outdir):
    """{(language, itn): Tally} for one output folder."""
    tallies = {}
    for row in manifest_rows:
        path = json_path(outdir, row["file"])
        if path is None:
            tallies.setdefault((row["language"], None), Tally()).missing += 1
            continue
        with open(path, encoding="utf-8") as f:
            result = json.load(f)
        itn = bool(result.get("options", {}).get("itn"))
        tallies.setdefault((row["language"], itn), Tally()).add(row, result)
    return tallies


def metric_name(language, itn):
    if itn is None:
        return "no output"
    if itn:
        return "digit error (ITN)"
    return "WER" if language == "en" else "CER"


def report(manifest_rows, outdir, out=sys.stdout):
    tallies = evaluate(manifest_rows, outdir)
    print(f"{outdir}:", file=out)
    for (language, itn), tally in sorted(tallies.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        print(f"  {language} {metric_name(language, itn):18s} {tally.summary()}", file=out)
    by_level = {band: [0, 0] for band in LEVEL_BANDS}
    for tally in tallies.values():
        for band, (found, files) in tally.bgm_by_level.items():
            by_level[band][0] += found
            by_level[band][1] += files
    if any(files for _, files in by_level.values()):
        print("  BGM found by melody level (RMS vs speech): " + ", ".join(
            f"{band} {found}/{files}" for band, (found, files) in by_level.items()), file=out)
    return tallies


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    rows = read_manifest(argv[1])
    missing = 0
    for outdir in argv[2:]:
        tallies = report(rows, outdir)
        missing += sum(t.missing for t in tallies.values())
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
