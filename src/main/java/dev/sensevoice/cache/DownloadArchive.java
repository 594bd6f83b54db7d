package dev.sensevoice.cache;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Unpacks the wanted files of a {@code .tar.bz2} download (commons-compress: the JDK reads neither
 * format). Only files the manifest names are written, each under its plain name, so an entry
 * cannot land outside the target folder; everything else in the archive (test recordings) is
 * skipped.
 */
final class DownloadArchive {
    private DownloadArchive() {
    }

    /** Writes {@code folder/<name>} for each wanted name into {@code into}; a missing one is an error. */
    static void unpack(Path archive, String folder, Set<String> wanted, Path into) {
        Set<String> missing = new LinkedHashSet<>(wanted);
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new BZip2CompressorInputStream(file, true))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (entry.isFile() && name.startsWith(prefix) && missing.remove(name.substring(prefix.length()))) {
                    Files.copy(tar, into.resolve(name.substring(prefix.length())), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START, archive + ": cannot unpack (" + e.getMessage()
                    + "); the download is damaged: run the command again with --force");
        }
        if (!missing.isEmpty()) {
            throw new SenseVoiceException(ExitCode.MODEL_START, archive + ": lacks " + prefix
                    + String.join(", " + prefix, missing) + "; the manifest and the archive disagree");
        }
    }
}
