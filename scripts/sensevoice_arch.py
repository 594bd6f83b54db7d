"""SenseVoice Small's network (contract §10) at any size, and its two ONNX export contracts (§1).

Shared by the scripts that make models: the random-weight test models, the trained tiny model and
the full-size benchmark network. Works with Debian's torch 1.13 and with current torch (export with
dynamo=False there). Plain nn.Modules, so any size from a few thousand to 234 M parameters.
"""
import math

import torch
from torch import nn

FEATURE_DIM = 560          # 80 mel bins x LFR window 7
QUERY_ROWS = 16            # the query embedding (contract §3)
LANGUAGE_ROWS = {"auto": 0, "zh": 3, "en": 4, "yue": 7, "ja": 11, "ko": 12, "nospeech": 13}
WITH_ITN_ROW = 14
WITHOUT_ITN_ROW = 15

LANGUAGE_TAGS = ["<|zh|>", "<|en|>", "<|yue|>", "<|ja|>", "<|ko|>", "<|nospeech|>"]
EMOTION_TAGS = ["<|HAPPY|>", "<|SAD|>", "<|ANGRY|>", "<|NEUTRAL|>", "<|FEARFUL|>",
                "<|DISGUSTED|>", "<|SURPRISED|>", "<|OTHER|>", "<|EMO_UNKNOWN|>"]
EVENT_TAGS = ["<|Speech|>", "<|BGM|>", "<|Laughter|>", "<|Applause|>", "<|Cry|>", "<|Sneeze|>",
              "<|Breath|>", "<|Cough|>", "<|Sing|>", "<|Speech_Noise|>", "<|GBG|>", "<|Event_UNK|>"]
ITN_TAGS = ["<|withitn|>", "<|woitn|>"]
SPECIAL_TAGS = LANGUAGE_TAGS + EMOTION_TAGS + EVENT_TAGS + ITN_TAGS


def vocabulary(pieces):
    """id 0 <unk> (the CTC blank), 1 <s>, 2 </s>, then the given pieces, then every special tag."""
    head = ["<unk>", "<s>", "</s>"]
    seen = set(head)
    vocab = list(head)
    for p in list(pieces) + SPECIAL_TAGS:
        if p not in seen:
            seen.add(p)
            vocab.append(p)
    return vocab


class SinusoidalPositionEncoder(nn.Module):
    """Positions 1..L; all sines first, then all cosines; depth = the input width (560)."""

    def forward(self, x):
        _, length, depth = x.shape
        positions = torch.arange(1, length + 1, dtype=x.dtype, device=x.device)
        inc = math.log(10000.0) / (depth / 2 - 1)
        inv = torch.exp(torch.arange(depth // 2, dtype=x.dtype, device=x.device) * -inc)
        scaled = positions[:, None] * inv[None, :]
        return x + torch.cat([torch.sin(scaled), torch.cos(scaled)], dim=1)[None, :, :]


class MultiHeadedAttentionSANM(nn.Module):
    def __init__(self, in_size, size, heads, kernel_size):
        super().__init__()
        self.heads = heads
        self.d_k = size // heads
        self.linear_q_k_v = nn.Linear(in_size, 3 * size)
        self.linear_out = nn.Linear(size, size)
        self.fsmn_block = nn.Conv1d(size, size, kernel_size, groups=size, bias=False)
        self.left = (kernel_size - 1) // 2
        self.right = kernel_size - 1 - self.left

    def forward(self, x, mask):
        # mask: (B, L) float, 1 for valid frames
        b, length, _ = x.shape
        q, k, v = torch.split(self.linear_q_k_v(x), self.d_k * self.heads, dim=-1)
        memory = self._fsmn(v, mask)
        q = q.reshape(b, length, self.heads, self.d_k).transpose(1, 2) * (self.d_k ** -0.5)
        k = k.reshape(b, length, self.heads, self.d_k).transpose(1, 2)
        v = v.reshape(b, length, self.heads, self.d_k).transpose(1, 2)
        scores = torch.matmul(q, k.transpose(-2, -1))
        key_pad = (mask < 0.5)[:, None, None, :]
        scores = scores.masked_fill(key_pad, float(torch.finfo(torch.float32).min))
        weights = torch.softmax(scores, dim=-1).masked_fill(key_pad, 0.0)
        context = torch.matmul(weights, v).transpose(1, 2).reshape(b, length, self.heads * self.d_k)
        return self.linear_out(context) + memory

    def _fsmn(self, v, mask):
        v = v * mask[:, :, None]
        h = nn.functional.pad(v.transpose(1, 2), (self.left, self.right))
        h = self.fsmn_block(h).transpose(1, 2)
        return (h + v) * mask[:, :, None]


class FeedForward(nn.Module):
    def __init__(self, size, units):
        super().__init__()
        self.w_1 = nn.Linear(size, units)
        self.w_2 = nn.Linear(units, size)

    def forward(self, x):
        return self.w_2(torch.relu(self.w_1(x)))


class EncoderLayerSANM(nn.Module):
    def __init__(self, in_size, size, heads, units, kernel_size):
        super().__init__()
        self.in_size = in_size
        self.size = size
        self.norm1 = nn.LayerNorm(in_size)
        self.self_attn = MultiHeadedAttentionSANM(in_size, size, heads, kernel_size)
        self.norm2 = nn.LayerNorm(size)
        self.feed_forward = FeedForward(size, units)

    def forward(self, x, mask):
        attended = self.self_attn(self.norm1(x), mask)
        x = x + attended if self.in_size == self.size else attended
        return x + self.feed_forward(self.norm2(x))


class SenseVoiceEncoderSmall(nn.Module):
    def __init__(self, size, heads, units, blocks, tp_blocks, kernel_size):
        super().__init__()
        self.size = size
        self.pos = SinusoidalPositionEncoder()
        self.encoders0 = nn.ModuleList(
            [EncoderLayerSANM(FEATURE_DIM, size, heads, units, kernel_size)])
        self.encoders = nn.ModuleList(
            [EncoderLayerSANM(size, size, heads, units, kernel_size) for _ in range(blocks - 1)])
        self.after_norm = nn.LayerNorm(size)
        self.tp_encoders = nn.ModuleList(
            [EncoderLayerSANM(size, size, heads, units, kernel_size) for _ in range(tp_blocks)])
        self.tp_norm = nn.LayerNorm(size)

    def forward(self, x, mask):
        x = self.pos(x * math.sqrt(self.size))
        for layer in self.encoders0:
            x = layer(x, mask)
        for layer in self.encoders:
            x = layer(x, mask)
        x = self.after_norm(x)
        for layer in self.tp_encoders:
            x = layer(x, mask)
        return self.tp_norm(x)


class EventBranch(nn.Module):
    """Tiny model only (off in the real network's shape): sustained tones anywhere in a segment, added
    to the event frame's scores. 2-D convolutions over the fbank recovered from the LFR frames (the
    48 mel bins under ~2.7 kHz where the tunes' notes and first harmonics lie), each output zeroed
    beyond x_length so that padding never reaches a valid position, then the maximum and the mean
    over the segment.
    `rows`: "mean", one row per LFR frame, the mean of its six 10 ms frames (the bundled model); or
    "two", its frames 0 and 3 (the branch bundled before, twice the rows and twice the work).
    `by_matmul`: training runs the convolutions as matmuls (conv_by_matmul), the export as Conv.
    A melody 15-20 dB under the speech shows as level lines between and under the words; the
    encoder's event query did not find it there (models/sensevoice-tiny-digits/README.md)."""

    BINS = 48

    def __init__(self, vocab_size, channels=8, rows="mean"):
        super().__init__()
        if rows not in ("mean", "two"):
            raise ValueError(f"rows must be 'mean' or 'two', not {rows!r}")
        self.rows = rows
        self.by_matmul = False
        self.convs = nn.ModuleList([
            nn.Conv2d(1, channels, (9, 3), padding=(4, 1)),
            nn.Conv2d(channels, channels, (5, 3), padding=(2, 1)),
            nn.Conv2d(channels, 2 * channels, (5, 1), padding=(2, 0)),
        ])
        self.out = nn.Linear(4 * channels, vocab_size)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def forward(self, x, x_length):
        n, t = x.shape[0], x.shape[1]
        frames = x[:, :, :480].reshape(n, t, 6, 80)[:, :, :, :self.BINS]
        per_frame = 1 if self.rows == "mean" else 2
        frames = frames.mean(dim=2) if per_frame == 1 else frames[:, :, 0:6:3].reshape(n, 2 * t, self.BINS)
        valid = (torch.arange(t, device=x.device)[None, :] < x_length.long()[:, None]).float()
        mask = valid[:, :, None].expand(n, t, per_frame).reshape(n, per_frame * t, 1, 1)
        h = frames[:, :, :, None] * mask  # (N, rows, bins, channels): channels last
        for conv in self.convs:
            h = torch.relu(self.convolve(h, conv)) * mask
        # ReLU outputs are >= 0 and padding is 0, so the plain maximum is the maximum over valid rows
        peak = h.amax(dim=(1, 2))
        mean = h.mean(dim=2).sum(dim=1) / (per_frame * x_length.float().clamp(min=1))[:, None]
        return self.out(torch.cat([peak, mean], dim=1))

    def convolve(self, h, conv):
        if self.by_matmul:
            return conv_by_matmul(h, conv)
        return conv(h.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)


def conv_by_matmul(h, conv):
    """A 'same'-padded nn.Conv2d on channels-last h (N, T, F, C), as matmuls through BLAS.

    Why: oneDNN's convolutions trained another branch on another CPU, while the matmuls go to
    OpenBLAS, whose kernels and threads pinned_kernels fixes. The frequency taps are unfolded into
    the columns; the time taps are row offsets into that one matrix (_RowOffsetMatmul), which
    spares a copy per tap. A single input channel unfolds its time taps too: 3 columns are too few."""
    co, ci, kt, kf = conv.weight.shape
    n, t, f, _ = h.shape
    padded = nn.functional.pad(h, (0, 0, kf // 2, kf // 2, kt // 2, kt // 2))
    if ci == 1:
        taps = torch.cat([padded[:, i:i + t, j:j + f] for i in range(kt) for j in range(kf)], dim=3)
        weight = conv.weight.permute(2, 3, 1, 0).reshape(kt * kf, co)
        return torch.addmm(conv.bias, taps.reshape(-1, kt * kf), weight).reshape(n, t, f, co)
    taps = torch.cat([padded[:, :, j:j + f] for j in range(kf)], dim=3)
    weight = conv.weight.permute(2, 3, 1, 0).reshape(kt, kf * ci, co)
    out = _RowOffsetMatmul.apply(taps.reshape(-1, kf * ci), weight, conv.bias, f)
    return out.reshape(n, t + kt - 1, f, co)[:, :t]


class _RowOffsetMatmul(torch.autograd.Function):
    """out[r] = bias + sum over i of rows[r + i * step] @ weight[i], for the first
    len(rows) - (taps - 1) * step rows (the rest 0). Autograd's own slicing would allocate a
    full-size gradient per tap; this backward adds each tap's share into one."""

    @staticmethod
    def forward(ctx, rows, weight, bias, step):
        m = rows.shape[0] - (weight.shape[0] - 1) * step
        out = torch.zeros(rows.shape[0], weight.shape[2])
        valid = out[:m]
        valid.copy_(bias.expand(m, -1))
        for i in range(weight.shape[0]):
            valid.addmm_(rows[i * step:i * step + m], weight[i])
        ctx.save_for_backward(rows, weight)
        ctx.step = step
        return out

    @staticmethod
    def backward(ctx, grad):
        rows, weight = ctx.saved_tensors
        step, taps = ctx.step, weight.shape[0]
        m = rows.shape[0] - (taps - 1) * step
        grad = grad[:m]
        grad_rows = None
        if ctx.needs_input_grad[0]:
            grad_rows = torch.zeros_like(rows)
            for i in range(taps):
                grad_rows[i * step:i * step + m].addmm_(grad, weight[i].t())
        grad_weight = torch.stack([rows[i * step:i * step + m].t() @ grad for i in range(taps)])
        return grad_rows, grad_weight, grad.sum(dim=0), None


class SenseVoiceSmall(nn.Module):
    """The network with the four query frames prepended inside, as both exports do (contract §3).

    forward(x (N,T,560) float, x_length (N,) int, language (N,) int, text_norm (N,) int)
    -> logits (N, T+4, vocab). Padding beyond x_length never changes a valid output.
    Real SenseVoice Small: size 512, heads 4, units 2048, blocks 50, tp_blocks 20, kernel 11.
    """

    def __init__(self, vocab_size, size=512, heads=4, units=2048, blocks=50, tp_blocks=20,
                 kernel_size=11, event_branch=False, event_channels=8, event_rows="mean"):
        super().__init__()
        self.embed = nn.Embedding(QUERY_ROWS, FEATURE_DIM)
        self.encoder = SenseVoiceEncoderSmall(size, heads, units, blocks, tp_blocks, kernel_size)
        self.ctc_lo = nn.Linear(size, vocab_size)
        self.event_branch = EventBranch(vocab_size, event_channels, event_rows) if event_branch else None

    def queries(self, language, text_norm):
        n = language.shape[0]
        fixed = self.embed(torch.tensor([1, 2], dtype=torch.long, device=language.device))
        return torch.cat([
            self.embed(language.long())[:, None, :],
            fixed[None, :, :].expand(n, 2, FEATURE_DIM),
            self.embed(text_norm.long())[:, None, :],
        ], dim=1)

    def encode(self, x, x_length, language, text_norm):
        x = torch.cat([self.queries(language, text_norm), x], dim=1)
        lengths = x_length.long() + 4
        mask = (torch.arange(x.shape[1], device=x.device)[None, :] < lengths[:, None]).float()
        return self.encoder(x, mask)

    def forward(self, x, x_length, language, text_norm):
        logits = self.ctc_lo(self.encode(x, x_length, language, text_norm))
        if self.event_branch is None:
            return logits
        event = logits[:, 2:3] + self.event_branch(x, x_length)[:, None, :]
        return torch.cat([logits[:, :2], event, logits[:, 3:]], dim=1)


class FunAsrExport(nn.Module):
    """The FunASR/ModelScope signature: speech, speech_lengths, language, textnorm ->
    ctc_logits, encoder_out_lens (contract §1.2). The same graph with a lengths output."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, speech, speech_lengths, language, textnorm):
        return self.model(speech, speech_lengths, language, textnorm), speech_lengths + 4


def _export(module, path, names_in, names_out, dynamic_axes, opset):
    args = (torch.randn(2, 100, FEATURE_DIM), torch.tensor([80, 100], dtype=torch.int32),
            torch.tensor([0, 3], dtype=torch.int32), torch.tensor([14, 15], dtype=torch.int32))
    kwargs = {}
    if int(torch.__version__.split(".")[0]) >= 2:
        kwargs["dynamo"] = False  # the new exporter ignores opset 13
    module.eval()
    with torch.no_grad():
        torch.onnx.export(module, args, str(path), input_names=names_in, output_names=names_out,
                          dynamic_axes=dynamic_axes, opset_version=opset, **kwargs)


def export_sherpa(model, path, opset=13):
    """sherpa-onnx signature: x, x_length, language, text_norm -> logits (contract §1.1)."""
    _export(model, path, ["x", "x_length", "language", "text_norm"], ["logits"],
            {"x": {0: "N", 1: "T"}, "x_length": {0: "N"}, "language": {0: "N"},
             "text_norm": {0: "N"}, "logits": {0: "N", 1: "T"}}, opset)


def export_funasr(model, path, opset=14):
    _export(FunAsrExport(model), path, ["speech", "speech_lengths", "language", "textnorm"],
            ["ctc_logits", "encoder_out_lens"],
            {"speech": {0: "batch_size", 1: "feats_length"}, "speech_lengths": {0: "batch_size"},
             "language": {0: "batch_size"}, "textnorm": {0: "batch_size"},
             "ctc_logits": {0: "batch_size", 1: "logits_length"},
             "encoder_out_lens": {0: "batch_size"}}, opset)


def _floats(values):
    return ",".join(f"{float(v):.7g}" for v in values)


def sherpa_metadata(vocab_size, neg_mean, inv_stddev, comment, url=""):
    """The 21 metadata keys of the sherpa-onnx export, all strings (contract §1.1)."""
    meta = {
        "lfr_window_size": "7", "lfr_window_shift": "6", "normalize_samples": "0",
        "neg_mean": _floats(neg_mean), "inv_stddev": _floats(inv_stddev),
        "model_type": "sense_voice_ctc", "version": "2", "model_author": "sensevoice",
        "maintainer": "sensevoice", "vocab_size": str(vocab_size), "comment": comment,
        "with_itn": str(WITH_ITN_ROW), "without_itn": str(WITHOUT_ITN_ROW), "url": url,
    }
    for lang, row in LANGUAGE_ROWS.items():
        meta["lang_" + lang] = str(row)
    assert len(meta) == 21, len(meta)
    return meta


def add_metadata(onnx_path, meta):
    import onnx
    model = onnx.load(str(onnx_path))
    del model.metadata_props[:]
    for key, value in meta.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.save(model, str(onnx_path))


def write_tokens_txt(path, vocab):
    with open(path, "w", encoding="utf-8") as f:
        for i, piece in enumerate(vocab):
            f.write(f"{piece} {i}\n")


def write_tokens_json(path, vocab):
    import json
    with open(path, "w", encoding="utf-8") as f:
        json.dump(list(vocab), f, ensure_ascii=False)


def write_am_mvn(path, neg_mean, inv_stddev):
    """Kaldi nnet text as FunASR ships it: <AddShift> then <Rescale>, 560 values each (§1.2)."""
    n = len(neg_mean)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"<Nnet>\n<Splice> {n} {n}\n[ 0 ]\n")
        f.write(f"<AddShift> {n} {n}\n<LearnRateCoef> 0 [ {' '.join(f'{v:.7g}' for v in neg_mean)} ]\n")
        f.write(f"<Rescale> {n} {n}\n<LearnRateCoef> 0 [ {' '.join(f'{v:.7g}' for v in inv_stddev)} ]\n")
        f.write("</Nnet>\n")
