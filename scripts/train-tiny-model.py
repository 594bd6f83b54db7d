#!/usr/bin/python3
"""Trains the tiny SenseVoice-contract model that recognises synthesized spoken digit strings.

Everything from nothing, with Debian's python3 (torch 1.13, torchaudio, onnx 1.12, numpy) plus
espeak-ng and ffmpeg: synthesizes a pool of augmented utterances, computes the contract's features
(Kaldi fbank, FunASR-padded LFR 7/6, CMVN from the pool), trains with SenseVoice's loss (cross-
entropy on the four tag frames + CTC on the text frames), then trains an event branch alone on
utterances the network never heard (finetune_event), exports the sherpa-onnx flavour (opset 13,
21 metadata keys, tokens.txt) and evaluates on held-out files in many formats.
Seeded: the same command gives the same model. pinned_kernels.py made the network the same on
another AVX2 CPU; the event branch trains as matmuls (sensevoice_arch.conv_by_matmul) so that its
floats do not depend on oneDNN either, not yet checked on a second CPU (model README).

    scripts/train-tiny-model.py                  # full run (26 min on 2 cores, model README)
    scripts/train-tiny-model.py --event-finetune 0   # the network alone
    scripts/train-tiny-model.py --smoke          # a few steps end to end, to check the plumbing
    scripts/train-tiny-model.py --eval-only      # evaluate the model already in --out
"""
import argparse
import copy
import importlib.util
import json
import math
import os
import sys
import time
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pinned_kernels  # noqa: E402,F401  (before numpy and torch load their kernels)
import numpy as np  # noqa: E402
import torch  # noqa: E402

import digits_speech as ds  # noqa: E402
import sensevoice_arch as arch  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHAPE = dict(size=128, heads=4, units=384, blocks=5, tp_blocks=1, kernel_size=11)
HELDOUT_SEED = 777


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--out", default=os.path.join(ROOT, "models", "sensevoice-tiny-digits"))
    p.add_argument("--work", default=os.path.join(ROOT, "build", "tiny-digits"))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--pool", type=int, default=6000, help="synthesized training utterances")
    p.add_argument("--steps", type=int, default=4000)
    p.add_argument("--max-minutes", type=float, default=0,
                   help="stop training early after this long (0: never); breaks exact reruns")
    p.add_argument("--batch", type=int, default=24)
    p.add_argument("--melodies", type=int, default=0,
                   help="melody clips to mix under speech in the feature domain (0: none, as the "
                        "shipped model; tried with 600, see the model README)")
    p.add_argument("--melody-rate", type=float, default=0.3,
                   help="share of speech-only utterances that get a clip mixed under them")
    p.add_argument("--melody-under-speech", type=float, default=0.0,
                   help="share of the mixed clips kept to the speech frames only")
    p.add_argument("--melody-db", type=float, nargs=2, default=(-20.0, -3.0), metavar=("LOW", "HIGH"),
                   help="level range of the mixed clips, as mix() draws it (dB re the speech)")
    p.add_argument("--event-branch", action="store_true",
                   help="add sensevoice_arch.EventBranch (convolutions over the fbank) to the event frame, "
                        "trained with the network (as Conv, through oneDNN: CPU-dependent)")
    p.add_argument("--event-finetune", type=int, default=3000, metavar="STEPS",
                   help="then train an EventBranch alone, the network frozen, on a pool of its own")
    p.add_argument("--event-pool", type=int, default=4000, help="utterances of the event pool")
    p.add_argument("--event-bgm-rate", type=float, default=0.65, help="share of the event pool with a melody")
    p.add_argument("--event-tight", type=float, default=0.75, help="share of the event pool cut tight")
    p.add_argument("--event-channels", type=int, default=16,
                   help="channels of the EventBranch (the model README's --event-branch rows: 8; "
                        "the branch bundled until 2026-12-07: 24 with --event-rows two)")
    p.add_argument("--event-rows", choices=("mean", "two"), default="mean",
                   help="the EventBranch's rows per LFR frame (sensevoice_arch.EventBranch)")
    p.add_argument("--event-lr", type=float, default=3e-3)
    p.add_argument("--base", metavar="MODEL_PT",
                   help="start from this trained network (a model.pt of an earlier run) instead of training one")
    p.add_argument("--lr", type=float, default=1.5e-3)
    p.add_argument("--ema", type=float, default=0.0, metavar="DECAY",
                   help="export an exponential moving average of the weights with this decay "
                        "(0: the last step's weights)")
    p.add_argument("--heldout", type=int, default=240, help="held-out files to evaluate on")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--threads", type=int, default=1,
                   help="torch threads (OpenBLAS has its own): on 2 cores 1 ran 2.5x faster than 2")
    p.add_argument("--smoke", action="store_true", help="tiny pool, few steps, small eval")
    p.add_argument("--eval-only", action="store_true")
    args = p.parse_args()
    if args.event_branch:
        args.event_finetune = 0  # the branch is trained with the network instead of after it
    if args.smoke:
        args.pool, args.steps, args.heldout = 48, 12, 20
        args.event_pool, args.event_finetune = 48, min(args.event_finetune, 12)
        args.melodies = min(args.melodies, 8)
        args.work += "-smoke"
        args.out = os.path.join(args.work, "model")
    return args


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


# ---------------------------------------------------------------- vocabulary and targets

VOCAB = arch.vocabulary(ds.text_pieces())
ID = {piece: i for i, piece in enumerate(VOCAB)}


def tag_targets(language, bgm):
    """Output frames 0..2: [language tag, emotion, event]; frame 3 (ITN) is added per sample."""
    if language == "nospeech":
        return [ID["<|nospeech|>"], ID["<|EMO_UNKNOWN|>"], ID["<|BGM|>" if bgm else "<|Event_UNK|>"]]
    return [ID[f"<|{language}|>"], ID["<|NEUTRAL|>"], ID["<|BGM|>" if bgm else "<|Speech|>"]]


# ---------------------------------------------------------------- the training pool

def pool_item(seed, index, stream=(), bgm_rate=None, tight=0.5, audible=False):
    """Training utterance `index`: 4 % silence or a melody alone, the rest ds.utterance. The
    defaults make the main pool; the event pool (build_event_pool) draws from a stream of its own,
    with its own share of melodies (drawn here; None leaves it to utterance's 1 in 4), tight cuts
    and the held-out files' noise rule."""
    torch.set_num_threads(1)
    rng = np.random.default_rng([seed, *stream, index])
    if rng.random() < 0.04:
        wave, bgm = ds.no_speech(rng)
        language, digits = "nospeech", ""
    else:
        bgm = None if bgm_rate is None else bool(rng.random() < bgm_rate)
        wave, language, digits, bgm, _ = ds.utterance(rng, bgm=bgm, tight=tight, audible=audible)
    return ds.fbank(wave).to(torch.float16), language, digits, bgm


def build_pool(args):
    # "varied-tight": multi-timbre melodies, half the utterances cut tight like VAD segments;
    # older pools in the same folder are stale
    return synthesized(os.path.join(args.work, f"pool-{args.seed}-{args.pool}-varied-tight.pt"),
                       f"{args.pool} utterances", args.jobs, pool_item,
                       [(args.seed, i) for i in range(args.pool)])


def build_event_pool(args):
    name = f"event-pool-{args.seed}-{args.event_pool}-{args.event_bgm_rate:g}-{args.event_tight:g}.pt"
    return synthesized(os.path.join(args.work, name), f"{args.event_pool} event utterances", args.jobs,
                       pool_item, [(args.seed, i, (3 * 10 ** 6,), args.event_bgm_rate, args.event_tight, True)
                                   for i in range(args.event_pool)])


def synthesized(path, what, jobs, function, calls):
    """The list of function(*call) over calls, made in `jobs` processes once and kept in path."""
    if os.path.exists(path):
        return torch.load(path)
    log(f"synthesizing {what} with {jobs} processes")
    with Pool(jobs) as workers:
        items = workers.starmap(function, calls, chunksize=8)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.save(items, path)
    return items


def melody_item(seed, index):
    torch.set_num_threads(1)
    return ds.melody_clip(np.random.default_rng([seed, 2 * 10 ** 6, index]))


def build_melodies(args):
    """Melody clips (fbank, RMS) that training mixes under speech-only utterances (ds.add_melody):
    the pool's own melodies are a quarter of 6,000 utterances, too few for five timbres at every
    level under every voice."""
    if not args.melodies:
        return []
    return synthesized(os.path.join(args.work, f"melodies-{args.seed}-{args.melodies}.pt"),
                       f"{args.melodies} melody clips", args.jobs, melody_item,
                       [(args.seed, i) for i in range(args.melodies)])


def cmvn_stats(items):
    """Mean and 1/std of the LFR features over the pool, as neg_mean and inv_stddev."""
    total = torch.zeros(560, dtype=torch.float64)
    squares = torch.zeros(560, dtype=torch.float64)
    count = 0
    for frames, *_ in items:
        x = ds.lfr(frames.float()).double()
        total += x.sum(0)
        squares += (x * x).sum(0)
        count += x.shape[0]
    mean = total / count
    std = (squares / count - mean * mean).clamp_min(1e-8).sqrt()
    return (-mean).float(), (1.0 / std).float()


# ---------------------------------------------------------------- batches

def spec_augment(frames, rng, fill):
    frames = frames.clone()
    for _ in range(2):
        width = int(rng.integers(0, 9))
        start = int(rng.integers(0, 80 - width))
        frames[:, start:start + width] = fill[start:start + width]
    for _ in range(int(rng.integers(0, 3))):
        width = int(rng.integers(0, 8))
        start = int(rng.integers(0, max(1, frames.shape[0] - width)))
        frames[start:start + width] = fill
    return frames


def pad_batch(features):
    lengths = torch.tensor([f.shape[0] for f in features], dtype=torch.int32)
    x = torch.zeros(len(features), int(lengths.max()), 560)
    for i, f in enumerate(features):
        x[i, :f.shape[0]] = f
    return x, lengths


def training_batch(items, order, rng, size, neg_mean, inv_stddev, melodies=(), melody_rate=0.0,
                   melody_db=(-20.0, -3.0), melody_under_speech=0.0):
    """`size` utterances of similar length (a random window of the length-sorted pool); a share of
    the speech-only ones get a melody clip mixed under them and the BGM event."""
    fill = -neg_mean[:80]
    feats, languages, norms, tags, texts = [], [], [], [], []
    start = int(rng.integers(0, len(order) - size + 1))
    for index in order[start:start + size]:
        frames, language, digits, bgm = items[int(index)]
        frames = frames.float()
        if melodies and language != "nospeech" and not bgm and rng.random() < melody_rate:
            clip, clip_rms = melodies[int(rng.integers(len(melodies)))]
            under = bool(rng.random() < melody_under_speech)
            frames, bgm = ds.add_melody(frames, clip, clip_rms, rng, melody_db, under), True
        frames = spec_augment(frames, rng, fill)
        feats.append((ds.lfr(frames) + neg_mean) * inv_stddev)
        if language == "nospeech":
            query = ["auto", "en", "zh"][int(rng.integers(3))]
        else:
            query = "auto" if rng.random() < 0.25 else language
        itn = bool(rng.random() < 0.5)
        languages.append(arch.LANGUAGE_ROWS[query])
        norms.append(arch.WITH_ITN_ROW if itn else arch.WITHOUT_ITN_ROW)
        tags.append(tag_targets(language, bgm) + [ID["<|withitn|>" if itn else "<|woitn|>"]])
        texts.append([ID[p] for p in ds.target_pieces(digits, language, itn)])
    x, lengths = pad_batch(feats)
    return (x, lengths, torch.tensor(languages, dtype=torch.int32),
            torch.tensor(norms, dtype=torch.int32), torch.tensor(tags), texts)


def loss_of(model, batch):
    x, lengths, languages, norms, tags, texts = batch
    logits = model(x, lengths, languages, norms)
    ce = torch.nn.functional.cross_entropy(logits[:, :4].reshape(-1, logits.shape[-1]),
                                           tags.reshape(-1))
    log_probs = logits[:, 4:].log_softmax(-1).transpose(0, 1)
    targets = torch.tensor([t for text in texts for t in text], dtype=torch.long)
    ctc = torch.nn.functional.ctc_loss(
        log_probs, targets, lengths.long(), torch.tensor([len(t) for t in texts]),
        blank=0, zero_infinity=True)
    return ce, ctc


def train(args, items, neg_mean, inv_stddev, melodies):
    torch.manual_seed(args.seed)
    rng = np.random.default_rng([args.seed, 10 ** 6])
    model = new_model(args, args.event_branch)
    log(f"model: {sum(p.numel() for p in model.parameters()):,} parameters, shape {SHAPE}")
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warmup = min(300, args.steps // 10 + 1)
    schedule = lambda s: min(1.0, (s + 1) / warmup) * (
        0.03 + 0.97 * 0.5 * (1 + math.cos(math.pi * min(1.0, s / args.steps))))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    order = sorted(range(len(items)), key=lambda i: items[i][0].shape[0])
    average = copy.deepcopy(model) if args.ema else None
    start, ce_sum, ctc_sum = time.time(), 0.0, 0.0
    model.train()
    for step in range(1, args.steps + 1):
        ce, ctc = loss_of(model, training_batch(items, order, rng, args.batch, neg_mean, inv_stddev,
                                                      melodies, args.melody_rate, args.melody_db,
                                                      args.melody_under_speech))
        optimizer.zero_grad()
        (ce + ctc).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        scheduler.step()
        if average is not None:
            follow(average, model, min(args.ema, (1 + step) / (10 + step)))
        ce_sum, ctc_sum = ce_sum + ce.item(), ctc_sum + ctc.item()
        if step % 200 == 0 or step == args.steps:
            n = 200 if step % 200 == 0 else step % 200
            log(f"step {step}/{args.steps}  ce {ce_sum / n:.4f}  ctc {ctc_sum / n:.4f}  "
                f"lr {scheduler.get_last_lr()[0]:.2e}  {time.time() - start:.0f} s")
            ce_sum = ctc_sum = 0.0
        if args.max_minutes and time.time() - start > args.max_minutes * 60:
            log(f"stopping at step {step}: --max-minutes {args.max_minutes} reached")
            break
    final = average if average is not None else model
    final.eval()
    return final, time.time() - start


def finetune_event(args, model, items, neg_mean, inv_stddev):
    """Adds an EventBranch and trains it alone on the event frame, the network frozen. The network
    has learned its own pool by heart, so its event errors show on utterances it never heard: the
    branch learns from those, and as it only adds to frame 2 the text and other tags stay as they were."""
    torch.manual_seed(args.seed + 1)
    rng = np.random.default_rng([args.seed, 3 * 10 ** 6])
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    model.event_branch = arch.EventBranch(len(VOCAB), args.event_channels, args.event_rows)
    model.event_branch.by_matmul = True  # the same floats on any AVX2 CPU (conv_by_matmul)
    log(f"event branch: {sum(p.numel() for p in model.event_branch.parameters()):,} parameters, "
        f"{args.event_finetune} steps on {len(items)} utterances the network never heard")
    optimizer = torch.optim.AdamW(model.event_branch.parameters(), lr=args.event_lr, weight_decay=0.01)
    schedule = lambda s: 0.03 + 0.97 * 0.5 * (1 + math.cos(math.pi * min(1.0, s / args.event_finetune)))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    order = sorted(range(len(items)), key=lambda i: items[i][0].shape[0])
    model.eval()
    start, loss_sum, right = time.time(), 0.0, 0
    for step in range(1, args.event_finetune + 1):
        x, lengths, languages, norms, tags, _ = training_batch(items, order, rng, args.batch, neg_mean, inv_stddev)
        event = model(x, lengths, languages, norms)[:, 2]
        loss = torch.nn.functional.cross_entropy(event, tags[:, 2])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        loss_sum, right = loss_sum + loss.item(), right + (event.argmax(-1) == tags[:, 2]).sum().item()
        if step % 200 == 0 or step == args.event_finetune:
            n = 200 if step % 200 == 0 else step % 200
            log(f"event step {step}/{args.event_finetune}  ce {loss_sum / n:.4f}  "
                f"right {100.0 * right / (n * args.batch):.1f} %  {time.time() - start:.0f} s")
            loss_sum, right = 0.0, 0
    model.event_branch.by_matmul = False  # from here on as Conv: the export and the evaluation
    check_matmul_form(model.event_branch, x, lengths)
    return model


@torch.no_grad()
def check_matmul_form(branch, x, lengths):
    """The branch was trained as matmuls and is exported as Conv: the two must agree."""
    as_conv = branch(x, lengths)
    branch.by_matmul = True
    as_matmuls = branch(x, lengths)
    branch.by_matmul = False
    drift = (as_conv - as_matmuls).abs().max().item()
    log(f"event branch as Conv against as matmuls: max difference {drift:.1e}")
    if drift > 1e-3:
        raise SystemExit(f"the event branch's Conv and matmul forms disagree by {drift}")


@torch.no_grad()
def follow(average, model, decay):
    """One step of the moving average: average = decay * average + (1 - decay) * model."""
    for a, p in zip(average.parameters(), model.parameters()):
        a.mul_(decay).add_(p.detach(), alpha=1 - decay)
    for a, b in zip(average.buffers(), model.buffers()):
        a.copy_(b)


# ---------------------------------------------------------------- export

def export(args, model, neg_mean, inv_stddev):
    import onnx
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "model.onnx")
    arch.export_sherpa(model, path, opset=13)
    comment = (f"tiny digits-only SenseVoice-contract model, {SHAPE}, {args.steps} steps, "
               f"made by scripts/train-tiny-model.py --seed {args.seed}"
               + (f" --ema {args.ema}" if args.ema else "")
               + (" --event-branch" if args.event_branch else "")
               + (f" --event-finetune {args.event_finetune} --event-channels {args.event_channels}"
                  f" --event-rows {args.event_rows}" if args.event_finetune else ""))
    arch.add_metadata(path, arch.sherpa_metadata(len(VOCAB), neg_mean.tolist(),
                                                 inv_stddev.tolist(), comment))
    arch.write_tokens_txt(os.path.join(args.out, "tokens.txt"), VOCAB)
    loaded = onnx.load(path)
    onnx.checker.check_model(loaded)
    log(f"exported {path}: {os.path.getsize(path):,} bytes, opset "
        f"{loaded.opset_import[0].version}, {len(loaded.metadata_props)} metadata keys; checker ok")
    write_reference(args, model)


def write_reference(args, model):
    """A padded batch and torch's logits, for check-onnx.py to compare onnxruntime against."""
    rng = np.random.default_rng(5)
    x = torch.from_numpy(rng.standard_normal((3, 40, 560)).astype(np.float32))
    lengths = torch.tensor([40, 23, 9], dtype=torch.int32)
    x[1, 23:] = 0
    x[2, 9:] = 0
    language = torch.tensor([0, 4, 3], dtype=torch.int32)
    norm = torch.tensor([14, 15, 14], dtype=torch.int32)
    with torch.no_grad():
        logits = model(x, lengths, language, norm)
        alone = model(x[1:2, :23], lengths[1:2], language[1:2], norm[1:2])
    drift = (logits[1, :27] - alone[0]).abs().max().item()
    log(f"padding check: max |batched - alone| on valid frames = {drift:.2e}")
    np.savez(os.path.join(args.work, "onnx-reference.npz"), x=x.numpy(), x_length=lengths.numpy(),
             language=language.numpy(), text_norm=norm.numpy(), logits=logits.numpy())


def new_model(args, with_branch):
    return arch.SenseVoiceSmall(len(VOCAB), **SHAPE, event_branch=with_branch,
                                event_channels=args.event_channels, event_rows=args.event_rows)


def load_model(args):
    import onnx
    model = new_model(args, args.event_branch or args.event_finetune)
    model.load_state_dict(torch.load(os.path.join(args.work, "model.pt")))
    model.eval()
    meta = {p.key: p.value for p in onnx.load(os.path.join(args.out, "model.onnx")).metadata_props}
    floats = lambda key: torch.tensor([float(v) for v in meta[key].split(",")])
    return model, floats("neg_mean"), floats("inv_stddev")


# ---------------------------------------------------------------- evaluation (pure-Python decode)

def greedy_decode(logits):
    """sherpa-onnx's rules (contract §4): CTC greedy, tokens 0..2 are tags, 3 dropped, text 4.."""
    tokens, previous = [], -1
    for y in logits.argmax(-1).tolist():
        if y != 0 and y != previous:
            tokens.append(y)
        previous = y
    if len(tokens) < 3:
        return "", "", "", ""
    symbols = [VOCAB[t] for t in tokens]
    text = "".join(" " + s[1:] if s.startswith("\u2581") and len(s.encode()) >= 3 else s
                   for s in symbols[4:])
    bare = lambda s: s[2:-2] if s.startswith("<|") else s
    return bare(symbols[0]), bare(symbols[1]), bare(symbols[2]), text.strip()


def evaluate(args, model, neg_mean, inv_stddev):
    heldout = os.path.join(args.work, "heldout-varied")
    if not os.path.exists(os.path.join(heldout, "manifest.csv")):
        log(f"writing {args.heldout} held-out files to {heldout}")
        ds.write_heldout(heldout, HELDOUT_SEED, args.heldout, jobs=args.jobs)
    evaluator = load_evaluator()
    rows = evaluator.read_manifest(os.path.join(heldout, "manifest.csv"))
    feats = [(ds.features(ds.decode_file(os.path.join(heldout, r["file"]))) + neg_mean) * inv_stddev
             for r in rows]
    results = {}
    for lang_mode in ("given", "auto"):
        for itn in (False, True):
            outdir = os.path.join(args.work, "eval", f"{lang_mode}-{'itn' if itn else 'noitn'}")
            write_json_outputs(outdir, model, rows, feats, lang_mode, itn)
            tallies = evaluator.report(rows, outdir)
            results[(lang_mode, itn)] = tallies
    return results


def write_json_outputs(outdir, model, rows, feats, lang_mode, itn):
    """Fabricates the CLI's JSON (design Part 2) from the Python decode, one file per input."""
    os.makedirs(outdir, exist_ok=True)
    for row, f in zip(rows, feats):
        query = "auto" if lang_mode == "auto" else row["language"]
        with torch.no_grad():
            logits = model(f[None], torch.tensor([f.shape[0]], dtype=torch.int32),
                           torch.tensor([arch.LANGUAGE_ROWS[query]], dtype=torch.int32),
                           torch.tensor([arch.WITH_ITN_ROW if itn else arch.WITHOUT_ITN_ROW],
                                        dtype=torch.int32))[0]
        language, emotion, event, text = greedy_decode(logits)
        result = {"file": row["file"], "language": language, "text": text,
                  "segments": [{"start": 0.0, "end": round(f.shape[0] * 0.06, 2), "text": text,
                                "language": language, "emotion": emotion, "event": event,
                                "itn": itn}],
                  "options": {"lang": query, "itn": itn}}
        name = os.path.splitext(os.path.basename(row["file"]))[0] + ".json"
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as out:
            json.dump(result, out, ensure_ascii=False)


def load_evaluator():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "evaluate-transcripts.py")
    spec = importlib.util.spec_from_file_location("evaluate_transcripts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    args = parse_args()
    torch.set_num_threads(args.threads)
    os.makedirs(args.work, exist_ok=True)
    if args.eval_only:
        evaluate(args, *load_model(args))
        return
    items = build_pool(args)
    neg_mean, inv_stddev = cmvn_stats(items)
    log(f"pool: {len(items)} utterances, {sum(i[0].shape[0] for i in items) / 100 / 3600:.2f} h")
    if args.base:
        model = new_model(args, args.event_branch)
        model.load_state_dict(torch.load(args.base))
        model.eval()
        log(f"network from {args.base}")
    else:
        model, seconds = train(args, items, neg_mean, inv_stddev, build_melodies(args))
        log(f"trained in {seconds:.0f} s")
        torch.save(model.state_dict(), os.path.join(args.work, "network.pt"))  # what --base takes
    if args.event_finetune:
        model = finetune_event(args, model, build_event_pool(args), neg_mean, inv_stddev)
    torch.save(model.state_dict(), os.path.join(args.work, "model.pt"))
    export(args, model, neg_mean, inv_stddev)
    evaluate(args, model, neg_mean, inv_stddev)


if __name__ == "__main__":
    main()
