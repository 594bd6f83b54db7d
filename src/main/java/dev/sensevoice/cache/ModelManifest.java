package dev.sensevoice.cache;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One known model, as {@code models/<name>.json} describes it: either bundled with the tool (a
 * folder of the repository) or downloadable, as one archive or as one URL per file. Sizes and
 * checksums are optional: no publisher gives official checksums for these models, so
 * {@code sha256} is usually absent and the first download's digest is recorded instead.
 *
 * @param kind      {@code asr} (a SenseVoice model) or {@code vad} (a speech detector)
 * @param flavour   {@code sherpa-onnx}, {@code funasr} or {@code silero-vad}
 * @param note      what is not confirmed about this entry, shown by {@code model list}
 * @param bundled   the repository-relative folder of a bundled model
 * @param archive   the one archive the files come from, if they come as one
 */
public record ModelManifest(String name, String kind, String flavour, String description, Optional<String> note,
                            Optional<String> bundled, Optional<Archive> archive, List<File> files) {
    public static final String ASR = "asr";

    public ModelManifest {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException(name + ": the manifest lists no files");
        }
        if (bundled.isEmpty() && archive.isEmpty() && files.stream().anyMatch(f -> f.url().isEmpty())) {
            throw new IllegalArgumentException(name + ": a file has no url and there is no archive");
        }
    }

    public boolean isBundled() {
        return bundled.isPresent();
    }

    /** What a download fetches: the archive, or each file by its own URL. */
    public List<Download> downloads() {
        if (archive.isPresent()) {
            Archive a = archive.get();
            return List.of(new Download(a.url(), a.size(), a.sha256()));
        }
        return files.stream().filter(f -> f.url().isPresent())
                .map(f -> new Download(f.url().get(), f.size(), f.sha256())).toList();
    }

    /** Sum of the exact file sizes where known, else of the approximate ones; empty when neither is. */
    public OptionalLong approximateBytes() {
        long sum = 0;
        for (File f : files) {
            OptionalLong bytes = f.size().isPresent() ? f.size() : f.approxBytes();
            if (bytes.isEmpty()) {
                return OptionalLong.empty();
            }
            sum += bytes.getAsLong();
        }
        return OptionalLong.of(sum);
    }

    /**
     * A file of the installed model.
     *
     * @param name        its name inside the model folder
     * @param url         where to get it, when not from the archive
     * @param size        exact bytes, when known
     * @param approxBytes approximate bytes from a published listing, for display only
     * @param sha256      official lower-case hex digest, when one exists
     */
    public record File(String name, Optional<URI> url, OptionalLong size, OptionalLong approxBytes,
                       Optional<String> sha256) {
        public File {
            if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("file name '" + name + "' must be a plain name");
            }
        }
    }

    /**
     * A {@code .tar.bz2} archive holding the files under {@code folder/}.
     *
     * @param folder the top folder inside the archive ("" when the files are at its root)
     */
    public record Archive(URI url, String folder, OptionalLong size, Optional<String> sha256) {
    }

    /** One HTTP fetch: the URL and what the result must measure. */
    public record Download(URI url, OptionalLong size, Optional<String> sha256) {
        /** The last path segment of the URL: the name the fetched file is kept under. */
        public String fileName() {
            String path = url.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }
}
