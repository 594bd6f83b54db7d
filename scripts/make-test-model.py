#!/usr/bin/python3
"""Random-weight SenseVoice test models in both export flavours (contract §1), from one seed.

Writes OUT/test-sherpa/ (model.onnx with the 21 metadata keys, tokens.txt) and OUT/test-funasr/
(model.onnx with the FunASR signature and the same weights, am.mvn, tokens.json). With
--int8 (needs onnxruntime, i.e. the venv stack) also OUT/test-sherpa/model.int8.onnx, quantized
the way sherpa-onnx does it (MatMul, QUInt8).

The weights are random, so the text means nothing, but it is deterministic and varied: the
CTC layer is scaled up so that frames pick many different pieces, and the blank wins only part of
the time, so decoders get non-trivial token sequences. Like the real model, the four query frames
emit [language, emotion, event, ITN] tags and the text frames emit no tag: a short fit teaches
them that (the text frames are held to the random model's own choice among non-tag pieces), so parity with sherpa-onnx, which reads tags by position, is
tested on the same kind of output the real model gives.

Usage: make-test-model.py [--out src/test/resources/models] [--seed 20261122] [--int8]
"""
import argparse
import copy
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sensevoice_arch as arch  # noqa: E402

ENGLISH_WORDS = """the a an and of to in is it that was for on are with as i his they be at one
have this from or had by hot word but what some we can out other were all there when up use your
how said each she which do their time if will way about many then them write would like so these
her long make thing see him two has look more day could go come did number sound no most people
my over know water than call first who may down side been now find any new work part take get
place made live where after back little only round man year came show every good me give our
under name very through just form sentence great think say help low line differ turn cause much
mean before move right boy old too same tell does set three want air well also play small end
put home read hand port large spell add even land here must big high such follow act why ask men
change went light kind off need house picture try us again animal point mother world near build
self earth father hello seven eight nine zero four five six ten yes thank you morning""".split()
SUFFIXES = ["s", "ed", "ing", "er", "ly", "est", "tion", "al", "en", "y", "'s", "n't"]
LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)]
DIGITS = [str(d) for d in range(10)]
PUNCTUATION = [",", ".", "?", "!", "'", "，", "。", "？", "！", "、"]
CJK = list("你好世界我们是的一二三四五六七八九十百千万零点时间早上下午开饭放至在有人这个中国大小"
           "天年月日不了和说们为子来到会出")
KANA = list("こんにちはありがとうございますです")
HANGUL = list("안녕하세요감사합니다")


def pieces():
    words = ["▁" + w for w in ENGLISH_WORDS]
    return (words + ["▁" + d for d in DIGITS] + DIGITS + SUFFIXES + LETTERS + ["▁"]
            + PUNCTUATION + CJK + KANA + HANGUL)


def cmvn(generator):
    """80 realistic values repeated 7 times, as the real am.mvn (contract §1.2, §2.5)."""
    base_mean = torch.linspace(-8.3, -11.7, 80) + 0.4 * torch.randn(80, generator=generator)
    base_scale = 0.15 + 0.008 * torch.randn(80, generator=generator)
    return base_mean.repeat(7).tolist(), base_scale.repeat(7).tolist()


def build(vocab_size, seed, size, blocks):
    torch.manual_seed(seed)
    model = arch.SenseVoiceSmall(vocab_size, size=size, heads=4, units=2 * size, blocks=blocks,
                                 tp_blocks=1, kernel_size=11)
    with torch.no_grad():
        model.ctc_lo.weight.mul_(6.0)       # sharp, varied argmax over the vocabulary
        model.ctc_lo.bias.zero_()
        model.ctc_lo.bias[0] = 10.0         # the blank (id 0) wins on some frames, not all
    return model.eval()


# The tag each language query should produce; auto answers English.
QUERY_TAGS = [(0, "<|en|>"), (3, "<|zh|>"), (4, "<|en|>"), (7, "<|yue|>"), (11, "<|ja|>"),
              (12, "<|ko|>")]


def _tag_batch(ids, generator, n=16):
    frames = int(torch.randint(8, 120, (1,), generator=generator))
    x = torch.randn(n, frames, arch.FEATURE_DIM, generator=generator)
    lengths = torch.randint(1, frames + 1, (n,), generator=generator)
    lengths[0] = frames
    pick = torch.randint(0, len(QUERY_TAGS), (n,), generator=generator)
    language = torch.tensor([QUERY_TAGS[i][0] for i in pick])
    itn = torch.randint(0, 2, (n,), generator=generator).bool()
    text_norm = torch.where(itn, torch.tensor(arch.WITH_ITN_ROW), torch.tensor(arch.WITHOUT_ITN_ROW))
    targets = torch.tensor([[ids[QUERY_TAGS[i][1]], ids["<|NEUTRAL|>"], ids["<|Speech|>"],
                             ids["<|withitn|>" if w else "<|woitn|>"]] for i, w in zip(pick, itn)])
    return x, lengths, language, text_norm, targets


def teach_tags(model, vocab, seed, steps=400):
    """Fit the query frames to emit their tags while the text frames keep the random output."""
    ids = {p: i for i, p in enumerate(vocab)}
    tag_ids = torch.tensor([ids[t] for t in arch.SPECIAL_TAGS])
    teacher = copy.deepcopy(model).eval()
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    model.train()
    for _ in range(steps):
        x, lengths, language, text_norm, targets = _tag_batch(ids, generator)
        logits = model(x, lengths, language, text_norm)
        with torch.no_grad():
            # text frames keep the random choice, but never a tag (the real model puts none there)
            kept = teacher(x, lengths, language, text_norm)[:, 4:].index_fill(-1, tag_ids, -1e9).argmax(-1)
        valid = torch.arange(x.shape[1])[None, :] < lengths[:, None]
        tag_loss = nn_ce(logits[:, :4].reshape(-1, logits.shape[-1]), targets.reshape(-1))
        text_loss = nn_ce(logits[:, 4:][valid], kept[valid])
        optimizer.zero_grad()
        (tag_loss + text_loss).backward()
        optimizer.step()
    return model.eval()


def nn_ce(logits, targets):
    return torch.nn.functional.cross_entropy(logits, targets)


def tag_accuracy(model, vocab, seed):
    ids = {p: i for i, p in enumerate(vocab)}
    x, lengths, language, text_norm, targets = _tag_batch(ids, torch.Generator().manual_seed(seed), 64)
    with torch.no_grad():
        return (model(x, lengths, language, text_norm)[:, :4].argmax(-1) == targets).float().mean().item()


def emitted(model, vocab_size):
    """How many distinct ids the model picks on random normalised features (a sanity check)."""
    torch.manual_seed(1)
    x = torch.randn(2, 120, arch.FEATURE_DIM)
    with torch.no_grad():
        logits = model(x, torch.tensor([120, 90]), torch.tensor([0, 4]), torch.tensor([14, 15]))
    ids = logits.argmax(-1)
    return ids[0].unique().numel(), (ids[0] == 0).float().mean().item()


def quantize(fp32, int8):
    from onnxruntime.quantization import QuantType, quantize_dynamic
    quantize_dynamic(str(fp32), str(int8), op_types_to_quantize=["MatMul"],
                     weight_type=QuantType.QUInt8)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="src/test/resources/models")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--blocks", type=int, default=2)
    parser.add_argument("--int8", action="store_true")
    args = parser.parse_args()

    vocab = arch.vocabulary(pieces())
    model = teach_tags(build(len(vocab), args.seed, args.size, args.blocks), vocab, args.seed)
    distinct, blank = emitted(model, len(vocab))
    print(f"vocab {len(vocab)}, params {sum(p.numel() for p in model.parameters())}, "
          f"{distinct} distinct ids on 120 random frames, blank on {blank:.0%}, "
          f"query frames right on {tag_accuracy(model, vocab, args.seed + 1):.1%}")
    neg_mean, inv_stddev = cmvn(torch.Generator().manual_seed(args.seed))

    sherpa = os.path.join(args.out, "test-sherpa")
    funasr = os.path.join(args.out, "test-funasr")
    os.makedirs(sherpa, exist_ok=True)
    os.makedirs(funasr, exist_ok=True)
    arch.export_sherpa(model, os.path.join(sherpa, "model.onnx"))
    arch.add_metadata(os.path.join(sherpa, "model.onnx"), arch.sherpa_metadata(
        len(vocab), neg_mean, inv_stddev, comment="random-weight test model, seed %d" % args.seed))
    arch.write_tokens_txt(os.path.join(sherpa, "tokens.txt"), vocab)
    arch.export_funasr(model, os.path.join(funasr, "model.onnx"))
    arch.write_am_mvn(os.path.join(funasr, "am.mvn"), neg_mean, inv_stddev)
    arch.write_tokens_json(os.path.join(funasr, "tokens.json"), vocab)
    if args.int8:
        quantize(os.path.join(sherpa, "model.onnx"), os.path.join(sherpa, "model.int8.onnx"))


if __name__ == "__main__":
    main()
