#!/usr/bin/env python3
"""Checks an exported sherpa-flavour model with onnxruntime (run it in a venv that has
onnxruntime and numpy; Debian's python3 has no onnxruntime).

usage: check-onnx.py MODEL_DIR [REFERENCE.npz]

Checks the I/O names and types, the 21 metadata keys, that vocab_size matches tokens.txt, that
padding a batch does not change any valid output, and (with REFERENCE.npz from
train-tiny-model.py) that onnxruntime's logits equal torch's.
"""
import os
import sys

import numpy as np
import onnxruntime as ort

KEYS = {"lfr_window_size", "lfr_window_shift", "normalize_samples", "neg_mean", "inv_stddev",
        "model_type", "version", "model_author", "maintainer", "vocab_size", "comment",
        "with_itn", "without_itn", "url", "lang_auto", "lang_zh", "lang_en", "lang_yue", "lang_ja",
        "lang_ko", "lang_nospeech"}


def run(session, x, lengths, language, norm):
    return session.run(["logits"], {"x": x, "x_length": lengths, "language": language,
                                    "text_norm": norm})[0]


def main(model_dir, reference=None):
    session = ort.InferenceSession(os.path.join(model_dir, "model.onnx"),
                                   providers=["CPUExecutionProvider"])
    inputs = [(i.name, i.type, i.shape) for i in session.get_inputs()]
    outputs = [(o.name, o.type, o.shape) for o in session.get_outputs()]
    print("inputs ", inputs)
    print("outputs", outputs)
    assert [i[0] for i in inputs] == ["x", "x_length", "language", "text_norm"], inputs
    assert [i[1] for i in inputs] == ["tensor(float)"] + ["tensor(int32)"] * 3, inputs
    assert [o[0] for o in outputs] == ["logits"], outputs
    meta = session.get_modelmeta().custom_metadata_map
    assert set(meta) == KEYS, sorted(set(meta) ^ KEYS)
    assert len(meta["neg_mean"].split(",")) == 560 and len(meta["inv_stddev"].split(",")) == 560
    with open(os.path.join(model_dir, "tokens.txt"), encoding="utf-8") as f:
        tokens = [line.rsplit(" ", 1)[0] for line in f.read().splitlines()]
    assert int(meta["vocab_size"]) == len(tokens), (meta["vocab_size"], len(tokens))
    print(f"metadata: {len(meta)} keys ok; vocab_size {meta['vocab_size']} = tokens.txt lines")

    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 50, 560)).astype(np.float32)
    x[1, 20:] = 0
    batched = run(session, x, np.array([50, 20], np.int32), np.array([4, 3], np.int32),
                  np.array([14, 15], np.int32))
    alone = run(session, x[1:2, :20], np.array([20], np.int32), np.array([3], np.int32),
                np.array([15], np.int32))
    assert batched.shape == (2, 54, len(tokens)), batched.shape
    drift = float(np.abs(batched[1, :24] - alone[0]).max())
    print(f"padding: max |batched - alone| over valid frames = {drift:.2e}")
    assert drift < 1e-3, drift

    if reference:
        ref = np.load(reference)
        logits = run(session, ref["x"], ref["x_length"], ref["language"], ref["text_norm"])
        diff = 0.0
        for i, n in enumerate(ref["x_length"]):
            diff = max(diff, float(np.abs(logits[i, :n + 4] - ref["logits"][i, :n + 4]).max()))
        print(f"onnxruntime vs torch: max |difference| over valid frames = {diff:.2e}")
        assert diff < 1e-3, diff
    print("ok")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        sys.exit(2)
    main(*sys.argv[1:3])
