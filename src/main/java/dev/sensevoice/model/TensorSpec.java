package dev.sensevoice.model;

import java.util.List;

/**
 * One graph input or output as the ONNX file declares it.
 *
 * @param type  element type ("float", "int32", ...)
 * @param shape one entry per axis: a number, or the name of a dynamic axis ("N", "T")
 */
public record TensorSpec(String name, String type, List<String> shape) {
    public TensorSpec {
        shape = List.copyOf(shape);
    }

    /** The size of the last axis, or -1 when it is dynamic or absent. */
    public int lastDim() {
        if (shape.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(shape.get(shape.size() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return name + " " + type + shape;
    }
}
