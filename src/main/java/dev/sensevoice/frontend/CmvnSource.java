package dev.sensevoice.frontend;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a model directory's CMVN comes from: FunASR exports keep it in {@code am.mvn}, sherpa-onnx
 * exports in the {@code neg_mean}/{@code inv_stddev} metadata of {@code model.onnx}, which only
 * the model package can read.
 */
@FunctionalInterface
public interface CmvnSource {
    /** The CMVN of the model in {@code modelDir}; a {@link SenseVoiceException} naming the file if none. */
    Cmvn cmvnOf(Path modelDir);

    /** Reads {@code am.mvn}; a directory without one needs the model package's metadata reader. */
    static CmvnSource amMvnOnly() {
        return dir -> {
            Path file = dir.resolve(AmMvn.FILE_NAME);
            if (Files.isRegularFile(file)) {
                return AmMvn.read(file);
            }
            throw new SenseVoiceException(ExitCode.NOT_BUILT, dir + ": no " + AmMvn.FILE_NAME
                    + " here, and reading CMVN from ONNX metadata is done by the model package,"
                    + " which this command is not connected to yet; use a FunASR model directory with am.mvn");
        };
    }
}
