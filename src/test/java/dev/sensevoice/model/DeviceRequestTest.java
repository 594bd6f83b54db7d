package dev.sensevoice.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DeviceRequestTest {
    @Test
    void parsesTheFourForms() {
        assertEquals(DeviceRequest.AUTO, DeviceRequest.parse("auto"));
        assertEquals(new DeviceRequest.Explicit(ExecutionDevice.CPU), DeviceRequest.parse(" CPU "));
        assertEquals(new DeviceRequest.Explicit(new ExecutionDevice.Cuda(0)), DeviceRequest.parse("cuda"));
        assertEquals(new DeviceRequest.Explicit(new ExecutionDevice.Cuda(3)), DeviceRequest.parse("cuda:3"));
        assertEquals("cuda:3", DeviceRequest.parse("cuda:3").toString());
    }

    @Test
    void rejectsOtherFormsInOneLine() {
        for (String bad : new String[] {"gpu", "cuda:", "cuda:-1", "cuda:x", "", "cpu:0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceRequest.parse(bad));
            assertEquals("device '" + bad + "' is not auto, cpu, cuda or cuda:N", e.getMessage());
        }
    }

    @Test
    void parsesPrecision() {
        assertEquals(Precision.INT8, Precision.parse("int8"));
        assertEquals(Precision.FP32, Precision.parse("FP32"));
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp16"));
    }
}
