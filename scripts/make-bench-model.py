#!/usr/bin/env python3
"""The full-size SenseVoice Small network with random weights, for speed and memory benchmarks.

Same shape as the real model (contract §10: width 512, 4 heads, 2048 units, 50 + 20 blocks,
kernel 11, 25055 pieces, about 234 M parameters), exported as a sherpa-onnx model with its 21
metadata keys, plus the int8 sibling made the way sherpa-onnx makes it (quantize_dynamic, MatMul,
QUInt8). Transcripts from it are meaningless; timings and memory are those of the real network.

Needs the venv stack (scripts/requirements.txt: torch, onnx, onnxruntime). Writes about 1.3 GB:
never commit the result. Usage:
  make-bench-model.py [DIR]   (default: $SENSEVOICE_CACHE_DIR/models/bench-full, where the cache
                               root defaults to $XDG_CACHE_HOME/sensevoice, else ~/.cache/sensevoice)
"""
import argparse
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sensevoice_arch as arch  # noqa: E402

VOCAB_SIZE = 25055
SEED = 20261123


def default_dir():
    root = os.environ.get("SENSEVOICE_CACHE_DIR")
    if not root:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(xdg, "sensevoice")
    return os.path.join(root, "models", "bench-full")


def pieces(count):
    """Filler pieces for the real vocabulary size: CJK characters, then ▁-words and sub-words."""
    cjk = [chr(c) for c in range(0x4E00, 0x4E00 + 12000)]
    rest = [("▁w%d" if i % 2 == 0 else "p%d") % i for i in range(count - len(cjk))]
    return cjk + rest


def build(vocab_size):
    """Every layer is initialised on its own (torch's defaults plus jitter on the norms), so no
    two weight tensors are equal and the exporter cannot fold them into one."""
    torch.manual_seed(SEED)
    model = arch.SenseVoiceSmall(vocab_size, size=512, heads=4, units=2048, blocks=50,
                                 tp_blocks=20, kernel_size=11)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, torch.nn.LayerNorm):
                module.weight.copy_(1.0 + 0.05 * torch.randn_like(module.weight))
                module.bias.copy_(0.02 * torch.randn_like(module.bias))
        model.ctc_lo.weight.mul_(6.0)
        model.ctc_lo.bias[0] += 10.0
    return model.eval()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default=default_dir())
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    vocab = arch.vocabulary(pieces(VOCAB_SIZE - 3 - len(arch.SPECIAL_TAGS)))
    assert len(vocab) == VOCAB_SIZE, len(vocab)
    model = build(VOCAB_SIZE)
    print(f"parameters: {sum(p.numel() for p in model.parameters()):,}", flush=True)

    gen = torch.Generator().manual_seed(SEED)
    neg_mean = (torch.linspace(-8.3, -11.7, 80) + 0.4 * torch.randn(80, generator=gen)).repeat(7)
    inv_stddev = (0.15 + 0.008 * torch.randn(80, generator=gen)).repeat(7)

    fp32 = os.path.join(args.dir, "model.onnx")
    int8 = os.path.join(args.dir, "model.int8.onnx")
    started = time.time()
    arch.export_sherpa(model, fp32 + ".tmp")
    arch.add_metadata(fp32 + ".tmp", arch.sherpa_metadata(
        VOCAB_SIZE, neg_mean.tolist(), inv_stddev.tolist(),
        comment="random-weight full-size benchmark network, seed %d" % SEED))
    os.replace(fp32 + ".tmp", fp32)
    print(f"fp32 written in {time.time() - started:.0f} s: {os.path.getsize(fp32):,} bytes", flush=True)

    from onnxruntime.quantization import QuantType, quantize_dynamic
    started = time.time()
    quantize_dynamic(fp32, int8 + ".tmp", op_types_to_quantize=["MatMul"],
                     weight_type=QuantType.QUInt8)
    os.replace(int8 + ".tmp", int8)
    print(f"int8 written in {time.time() - started:.0f} s: {os.path.getsize(int8):,} bytes", flush=True)
    arch.write_tokens_txt(os.path.join(args.dir, "tokens.txt"), vocab)
    print(args.dir)


if __name__ == "__main__":
    main()
