#!/usr/bin/python3
"""Golden frontend features for the Java tests (contract section 2).

Run with Debian's /usr/bin/python3 (torch 1.13 + torchaudio). For each committed 16 kHz mono
WAV in src/test/resources/frontend/ it writes, as float32 little-endian, row-major:
  NAME.fbank.f32  torchaudio.compliance.kaldi.fbank with SenseVoice's options, 80 per frame
  NAME.cmvn.f32   FunASR padded LFR (7/6) then CMVN from fixture.am.mvn, 560 per frame
                  (only for the files in CMVN_GOLDEN, to keep the fixtures small)

--remake-audio regenerates the WAVs and fixture.am.mvn first (espeak-ng + sox); the noise in
noisy.wav is random, so only do this when the fixtures should change.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import wave

import numpy as np
import torch
import torchaudio

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "test", "resources", "frontend")
FILES = ["speech", "noisy", "short", "quiet"]
CMVN_GOLDEN = ["speech", "short"]
LFR_M, LFR_N = 7, 6


def run(*cmd):
    subprocess.run(cmd, check=True)


def make_audio():
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "raw.wav")

        def say(text, dest, *effects):
            run("espeak-ng", "-v", "en-us", "-s", "170", "-w", raw, text)
            run("sox", raw, "-r", "16000", "-b", "16", "-c", "1", dest, *effects)

        say("Seven brown foxes jump over the lazy dog.", os.path.join(OUT, "speech.wav"), "trim", "0", "2.0")
        clean = os.path.join(tmp, "clean.wav")
        noise = os.path.join(tmp, "noise.wav")
        say("Hello there, how are you?", clean, "trim", "0", "1.2")
        run("sox", "-n", "-r", "16000", "-b", "16", "-c", "1", noise, "synth", "1.2", "whitenoise", "vol", "0.08")
        run("sox", "-m", clean, noise, os.path.join(OUT, "noisy.wav"))
        say("Yes.", os.path.join(OUT, "short.wav"), "trim", "0.05", "0.3")
        # Half a second of digital silence (every value at the log floor), then speech at -54 dB.
        quiet = os.path.join(tmp, "quiet.wav")
        say("Quiet please.", quiet, "trim", "0", "0.5", "vol", "0.002")
        run("sox", quiet, os.path.join(OUT, "quiet.wav"), "pad", "0.5", "0")
    write_am_mvn(os.path.join(OUT, "fixture.am.mvn"))


def write_am_mvn(path):
    """An am.mvn-shaped file with 560 distinct values near SenseVoice's (-8..-13, ~0.15)."""
    d = np.arange(560)
    shift = -(8.3 + 4.0 * np.sin(d / 37.0) ** 2 + d / 1000.0)
    scale = 0.15 + 0.02 * np.cos(d / 23.0) + d / 100000.0
    row = lambda v: "<LearnRateCoef> 0 [ " + " ".join("%.7g" % x for x in v) + " ]\n"
    with open(path, "w") as f:
        f.write("<Nnet>\n<Splice> 560 560\n[ 0 ]\n<AddShift> 560 560\n" + row(shift))
        f.write("<Rescale> 560 560\n" + row(scale) + "</Nnet>\n")


def read_am_mvn(path):
    rows = [line.split()[3:-1] for line in open(path) if line.startswith("<LearnRateCoef>")]
    return np.array(rows[0], dtype=np.float32), np.array(rows[1], dtype=np.float32)


def read_wav(path):
    with wave.open(path) as w:
        assert w.getframerate() == 16000 and w.getnchannels() == 1 and w.getsampwidth() == 2, path
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    return torch.from_numpy(pcm.astype(np.float32) / 32768.0).unsqueeze(0)


def fbank(waveform):
    return torchaudio.compliance.kaldi.fbank(
        waveform * 32768, num_mel_bins=80, frame_length=25, frame_shift=10, dither=0.0,
        window_type="hamming", snip_edges=True, energy_floor=0.0, sample_frequency=16000).numpy()


def apply_lfr(feats, m, n):
    """FunASR's apply_lfr: left-pad (m-1)//2 copies of frame 0, ceil(T/n) outputs, pad the tail."""
    t = feats.shape[0]
    t_lfr = int(np.ceil(t / n))
    feats = np.vstack([np.tile(feats[0], ((m - 1) // 2, 1)), feats])
    t = feats.shape[0]
    out = []
    for i in range(t_lfr):
        if m <= t - i * n:
            out.append(feats[i * n:i * n + m].reshape(-1))
        else:
            rest = feats[i * n:].reshape(-1)
            pad = np.tile(feats[-1], m - (t - i * n))
            out.append(np.hstack([rest, pad]))
    return np.vstack(out).astype(np.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--remake-audio", action="store_true")
    args = parser.parse_args()
    if args.remake_audio:
        make_audio()
    neg_mean, inv_stddev = read_am_mvn(os.path.join(OUT, "fixture.am.mvn"))
    for name in FILES:
        feats = fbank(read_wav(os.path.join(OUT, name + ".wav")))
        feats.astype("<f4").tofile(os.path.join(OUT, name + ".fbank.f32"))
        print(f"{name}: {feats.shape[0]} fbank frames", file=sys.stderr)
        if name in CMVN_GOLDEN:
            cmvn = (apply_lfr(feats, LFR_M, LFR_N) + neg_mean) * inv_stddev
            cmvn.astype("<f4").tofile(os.path.join(OUT, name + ".cmvn.f32"))
            print(f"{name}: {cmvn.shape[0]} LFR frames", file=sys.stderr)


if __name__ == "__main__":
    main()
