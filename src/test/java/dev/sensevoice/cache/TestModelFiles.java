package dev.sensevoice.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** The random-weight test model, packed as sherpa-onnx packs its releases, and a manifest for it. */
public final class TestModelFiles {
    public static final Path SHERPA = Path.of("src/test/resources/models/test-sherpa");
    public static final List<String> FILES = List.of("model.onnx", "model.int8.onnx", "tokens.txt");
    static final String FOLDER = "test-sherpa-2024";

    private TestModelFiles() {
    }

    /** {@code test-sherpa-2024/<files>} plus a recording that the install must skip, as .tar.bz2. */
    public static byte[] archive() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new BZip2CompressorOutputStream(bytes))) {
            for (String name : FILES) {
                add(tar, FOLDER + "/" + name, Files.readAllBytes(SHERPA.resolve(name)));
            }
            add(tar, FOLDER + "/test_wavs/en.wav", new byte[] {1, 2, 3});
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** Writes {@code <name>.json} into {@code folder}: the archive at {@code url}, digest as given (or null). */
    public static void manifest(Path folder, String name, String url, String archiveSha256) throws IOException {
        Files.createDirectories(folder);
        String sha = archiveSha256 == null ? "null" : "\"" + archiveSha256 + "\"";
        StringBuilder files = new StringBuilder();
        for (String file : FILES) {
            files.append(files.length() == 0 ? "" : ",").append("{\"name\":\"").append(file).append("\",\"sha256\":null}");
        }
        Files.writeString(folder.resolve(name + ".json"), "{\"name\":\"" + name + "\",\"kind\":\"asr\","
                + "\"flavour\":\"sherpa-onnx\",\"description\":\"test model\",\"archive\":{\"url\":\"" + url
                + "\",\"folder\":\"" + FOLDER + "\",\"size\":null,\"sha256\":" + sha + "},\"files\":[" + files + "]}");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
