package dev.sensevoice.output;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The output formats of {@code -f/--format}; the file extension is the lower-case name. */
public enum OutputFormat {
    TXT(new TxtWriter()),
    JSON(new JsonWriter()),
    SRT(new SrtWriter()),
    VTT(new VttWriter()),
    CSV(new CsvWriter());

    private final TranscriptWriter writer;

    OutputFormat(TranscriptWriter writer) {
        this.writer = writer;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public TranscriptWriter writer() {
        return writer;
    }

    /** Parses "txt,json,srt" (case and spaces ignored); a bad or empty list is a usage error. */
    public static Set<OutputFormat> parseList(String list) {
        Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (String item : list.split(",", -1)) {
            formats.add(parse(item.strip()));
        }
        return formats;
    }

    private static OutputFormat parse(String item) {
        for (OutputFormat format : values()) {
            if (format.extension().equalsIgnoreCase(item)) {
                return format;
            }
        }
        throw new SenseVoiceException(ExitCode.USAGE,
                "--format: unknown format '" + item + "'; use any of txt,json,srt,vtt,csv separated by commas");
    }
}
