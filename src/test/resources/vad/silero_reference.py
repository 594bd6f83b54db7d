"""Writes silero-probs.txt: Silero v5 speech probabilities of speech-16k.wav, computed the way
upstream's OnnxWrapper does (512-sample chunks, 64 samples of context, zero state, last chunk
zero-padded), with Python onnxruntime. Run from this folder:
    python silero_reference.py ../../../../models/silero-vad/silero_vad_v5.onnx
"""
import sys
import wave

import numpy as np
import onnxruntime as ort

with wave.open("speech-16k.wav") as w:
    x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768
session = ort.InferenceSession(sys.argv[1], providers=["CPUExecutionProvider"])
state = np.zeros((2, 1, 128), np.float32)
context = np.zeros((1, 64), np.float32)
rate = np.array(16000, dtype=np.int64)
with open("silero-probs.txt", "w") as out:
    out.write(f"# onnxruntime {ort.__version__}, one probability per 512-sample chunk\n")
    for i in range(0, len(x), 512):
        chunk = np.zeros((1, 512), np.float32)
        part = x[i:i + 512]
        chunk[0, :len(part)] = part
        window = np.concatenate([context, chunk], axis=1)
        prob, state = session.run(None, {"input": window, "state": state, "sr": rate})
        context = window[:, -64:]
        out.write(f"{prob[0][0]:.8f}\n")
