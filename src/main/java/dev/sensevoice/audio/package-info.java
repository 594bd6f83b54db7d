/**
 * Audio decoding: turns any input file into a {@link dev.sensevoice.audio.SampleSource} of
 * 16 kHz mono floats, streamed block by block (a long recording is never held whole).
 *
 * <p>{@link dev.sensevoice.audio.AudioDecoder} sniffs the first bytes, not the extension:
 * <ul>
 *   <li>WAV: own RIFF parser (8-bit unsigned, 16/24/32-bit integer, 32/64-bit float,
 *       WAVE_FORMAT_EXTENSIBLE, RF64, any channel count, unknown chunks skipped). A data size of
 *       0 or 0xFFFFFFFF (WAV streamed through a pipe) means "read to the end"; a data chunk cut
 *       short yields the whole frames present, without error.</li>
 *   <li>FLAC: jflac, one frame at a time.</li>
 *   <li>WAV and FLAC are downmixed by averaging the channels and resampled with TarsosDSP to
 *       exactly round(frames × 16000 / rate) samples; 16 kHz mono passes through bit-exact.</li>
 *   <li>Everything else (MP3, Ogg, M4A, Opus, WebM, AAC, and WAV encodings such as μ-law or
 *       ADPCM) goes through an ffmpeg child process that outputs 16 kHz mono itself: ffmpeg's
 *       downmix, normalised so stereo is the average of its channels (for 5.1 ffmpeg's standard
 *       weights), and ffmpeg's resampler. Without ffmpeg such a file fails with "install ffmpeg".</li>
 * </ul>
 * Every failure is one {@link dev.sensevoice.audio.AudioException} whose message names the file
 * and the reason; the pipeline records it and skips the file.
 * {@link dev.sensevoice.audio.AudioDecoder#probe} reads duration, rate and channels for progress
 * and never fails.
 */
package dev.sensevoice.audio;
