package dev.sensevoice.transcribe;

import dev.sensevoice.decode.Recognition;
import dev.sensevoice.decode.WordTimings;
import dev.sensevoice.output.ModelStamp;
import dev.sensevoice.output.ToolStamp;
import dev.sensevoice.output.Transcript;
import dev.sensevoice.output.OutputLayout;
import dev.sensevoice.output.TranscriptFiles;
import dev.sensevoice.output.TranscriptOptions;
import dev.sensevoice.output.TranscriptSegment;
import java.util.List;

/** The {@link TranscriptSink} over the output package: builds its {@link Transcript} and writes every format. */
final class OutputSink implements TranscriptSink {
    private final TranscriptFiles files;
    private final ModelStamp model;
    private final TranscriptOptions options;

    OutputSink(TranscriptFiles files, ModelStamp model, TranscriptOptions options) {
        this.files = files;
        this.model = model;
        this.options = options;
    }

    @Override
    public void write(FileTranscript t) {
        List<TranscriptSegment> segments = t.segments().stream().map(OutputSink::segment).toList();
        files.write(t.input(), Transcript.of(t.input().shownAs(), t.durationS(), segments, t.stats(), model, options,
                ToolStamp.current()));
    }

    @Override
    public boolean upToDate(InputFile input) {
        return files.upToDate(input, model, options);
    }

    static TranscriptSegment segment(SegmentResult s) {
        Recognition r = s.recognition();
        double end = s.segment().endSeconds();
        return new TranscriptSegment(s.segment().startSeconds(), end, r.text(), r.raw(), r.language(), r.emotion(),
                r.event(), r.itn(), r.tokens(), WordTimings.of(r.tokens(), end));
    }

    /** What the request says that changes a transcript (what --skip-existing compares). */
    @Override
    public TranscriptSink forInputs(TranscriptionRequest request) {
        OutputLayout layout = OutputLayout.plan(request.inputs(), request.output().formats(),
                request.output().outputDir().orElse(null));
        return new OutputSink(new TranscriptFiles(layout), model, options);
    }

    static TranscriptOptions options(TranscriptionRequest r) {
        var recognition = r.recognition();
        return new TranscriptOptions(recognition.language(), recognition.itn(), r.segmentation().mode().optionValue(),
                r.parallelism().batchS(), recognition.tags().name().toLowerCase(java.util.Locale.ROOT),
                r.segmentation().maxSegmentS(), r.segmentation().mergeS(),
                recognition.allowedLanguages().stream().sorted().toList());
    }
}
