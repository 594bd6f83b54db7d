/**
 * The use case: {@link dev.sensevoice.transcribe.BatchTranscriber} runs many inputs through the
 * stages (decode, segmentation, features, batcher, inference, post, assembler, sink) and returns a
 * {@link dev.sensevoice.transcribe.TranscriptionSummary}; {@link dev.sensevoice.transcribe.InputWalker}
 * turns command-line arguments into inputs. The stages are the small interfaces gathered in
 * {@link dev.sensevoice.transcribe.Stages}; the real audio, vad, frontend, model, decode and output
 * packages are adapted to them. {@link dev.sensevoice.transcribe.FolderWatch} is the drop-folder
 * mode ({@code --watch}): repeated runs over arriving files, with the model reloaded beside the old
 * one when its files change ({@code LiveStages} counts the runs holding each set of stages).
 */
package dev.sensevoice.transcribe;
