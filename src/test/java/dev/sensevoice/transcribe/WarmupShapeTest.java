package dev.sensevoice.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sensevoice.model.DeviceRequest;
import dev.sensevoice.model.ModelOptions;
import dev.sensevoice.model.Precision;
import dev.sensevoice.model.SenseVoiceModel;
import dev.sensevoice.vad.SegmenterConfig;
import dev.sensevoice.vad.VadMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupShapeTest {
    private static TranscriptionRequest request(double batchS, double maxSegmentS) {
        SegmenterConfig s = SegmenterConfig.defaults();
        SegmenterConfig segmentation = new SegmenterConfig(VadMode.ENERGY, s.threshold(), s.minSpeechMs(),
                s.minSilenceMs(), s.padMs(), maxSegmentS, s.mergeS());
        TranscriptionRequest.Parallelism p = TranscriptionRequest.Parallelism.defaults();
        return TranscriptionRequest.defaults(List.of()).withSegmentation(segmentation)
                .withParallelism(new TranscriptionRequest.Parallelism(batchS, p.decodeWorkers(), p.featureWorkers(),
                        p.inferenceWorkers(), p.postWorkers()));
    }

    @Test
    void theLargestBatchIsAsManyLongestSegmentsAsFitOrOneAlone() {
        assertEquals(new WarmupShape(1, 30), WarmupShape.largest(request(30, 30)));
        assertEquals(new WarmupShape(4, 30), WarmupShape.largest(request(120, 30)));
        assertEquals(new WarmupShape(3, 12), WarmupShape.largest(request(40, 12)));
        assertEquals(new WarmupShape(1, 30), WarmupShape.largest(request(10, 30)));
    }

    @Test
    void aQuantizedModelWarmsUpWithOneSegmentAndFp32WithTheWholeBatch() {
        ModelOptions cpu = ModelOptions.defaults().withDevice(DeviceRequest.parse("cpu")).withThreads(1);
        Path dir = Path.of("src/test/resources/models/test-sherpa");
        for (Precision precision : List.of(Precision.INT8, Precision.FP32)) {
            try (ModelRecognizer recognizer = new ModelRecognizer(SenseVoiceModel.open(dir, cpu.withPrecision(precision),
                    w -> { }))) {
                recognizer.warmUp(new WarmupShape(3, 2.5)); // int8 would refuse a batch of 3
            }
        }
    }
}
