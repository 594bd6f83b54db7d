/**
 * Audio decoding: turns any input file into a {@link dev.sensevoice.audio.SampleSource} of
 * 16 kHz mono floats, streamed block by block.
 *
 * <p>{@link dev.sensevoice.audio.AudioDecoder} sniffs the first bytes: WAV (own RIFF parser:
 * 8-bit unsigned, 16/24/32-bit integer, 32/64-bit float, WAVE_FORMAT_EXTENSIBLE, RF64, streamed
 * WAV with unknown data size) and FLAC (jflac, frame by frame) are decoded in Java, downmixed by
 * averaging the channels and resampled with TarsosDSP; everything else goes through an ffmpeg
 * child process that outputs 16 kHz mono itself. Every failure is one
 * {@link dev.sensevoice.audio.AudioException} whose message names the file and the reason.
 * {@link dev.sensevoice.audio.AudioDecoder#probe} reads duration, rate and channels for
 * progress and never fails.
 */
package dev.sensevoice.audio;
