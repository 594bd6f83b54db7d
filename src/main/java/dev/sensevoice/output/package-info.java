/**
 * What a run leaves on disk: the {@link dev.sensevoice.output.Transcript} model, one writer per
 * format (txt, json, srt, vtt, csv), where each input's outputs go ({@link
 * dev.sensevoice.output.OutputLayout}), atomic writing ({@link dev.sensevoice.output.AtomicFile}),
 * the {@code --skip-existing} check ({@link dev.sensevoice.output.TranscriptFiles}) and the
 * {@code --stats} table ({@link dev.sensevoice.output.StatsFile}).
 */
package dev.sensevoice.output;
