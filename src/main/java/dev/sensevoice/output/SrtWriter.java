package dev.sensevoice.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** SubRip: numbered cues, {@code 00:00:01,234 --> 00:00:03,000}, a blank line after each. */
final class SrtWriter implements TranscriptWriter {
    @Override
    public void write(Transcript transcript, OutputStream out) throws IOException {
        StringBuilder srt = new StringBuilder();
        int number = 1;
        for (Cue cue : SubtitleCues.of(transcript)) {
            srt.append(number++).append('\n')
                    .append(Cue.timestamp(cue.startMs(), ',')).append(" --> ")
                    .append(Cue.timestamp(cue.endMs(), ',')).append('\n')
                    .append(String.join("\n", cue.lines())).append("\n\n");
        }
        out.write(srt.toString().getBytes(StandardCharsets.UTF_8));
    }
}
