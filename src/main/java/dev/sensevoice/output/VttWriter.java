package dev.sensevoice.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** WebVTT: the {@code WEBVTT} header, then cues {@code 00:00:01.234 --> 00:00:03.000} with escaped text. */
final class VttWriter implements TranscriptWriter {
    @Override
    public void write(Transcript transcript, OutputStream out) throws IOException {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (Cue cue : SubtitleCues.of(transcript)) {
            vtt.append(Cue.timestamp(cue.startMs(), '.')).append(" --> ")
                    .append(Cue.timestamp(cue.endMs(), '.')).append('\n');
            for (String line : cue.lines()) {
                vtt.append(escape(line)).append('\n');
            }
            vtt.append('\n');
        }
        out.write(vtt.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Cue text is markup in WebVTT: "&", "<" and ">" must be entities (this also rules out "-->"). */
    static String escape(String line) {
        return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
