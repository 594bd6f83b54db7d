/** Waveform to model features: Kaldi fbank, LFR stacking (7/6, FunASR padding), CMVN (contract §2). */
package dev.sensevoice.frontend;
