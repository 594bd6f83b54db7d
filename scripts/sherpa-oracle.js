#!/usr/bin/env node
// The reference runtime (contract §8): decodes WAV files with sherpa-onnx-node, whole file, one
// stream, no VAD, and prints one JSON line per file. The parity tests and compare-sherpa.sh use it.
//
//   node scripts/sherpa-oracle.js --model DIR/model.onnx --tokens DIR/tokens.txt \
//        [--language auto] [--itn 0|1] [--threads 1] FILE.wav...
//
// NODE_PATH must reach sherpa-onnx-node (make oracle installs it under target/oracle).
'use strict';
const sherpa = require('sherpa-onnx-node');

function parseArgs(argv) {
  const opts = {language: 'auto', itn: 0, threads: 1, files: []};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      opts[a.slice(2)] = argv[++i];
    } else {
      opts.files.push(a);
    }
  }
  if (!opts.model || !opts.tokens || opts.files.length === 0) {
    throw new Error('usage: sherpa-oracle.js --model M --tokens T [--language L] [--itn 0|1] FILE...');
  }
  return opts;
}

function recognizer(opts) {
  return new sherpa.OfflineRecognizer({
    featConfig: {sampleRate: 16000, featureDim: 80},
    modelConfig: {
      senseVoice: {
        model: opts.model,
        language: opts.language,
        useInverseTextNormalization: Number(opts.itn),
      },
      tokens: opts.tokens,
      numThreads: Number(opts.threads),
      provider: 'cpu',
      debug: 0,
    },
  });
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rec = recognizer(opts);
  for (const file of opts.files) {
    const wave = sherpa.readWave(file);
    const stream = rec.createStream();
    stream.acceptWaveform({sampleRate: wave.sampleRate, samples: wave.samples});
    const started = process.hrtime.bigint();
    rec.decode(stream);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const r = rec.getResult(stream);
    process.stdout.write(JSON.stringify({
      file, lang: r.lang, emotion: r.emotion, event: r.event, text: r.text,
      tokens: r.tokens, timestamps: r.timestamps, decode_ms: ms,
      audio_s: wave.samples.length / wave.sampleRate,
    }) + '\n');
  }
}

main();
