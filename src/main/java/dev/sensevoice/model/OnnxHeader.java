package dev.sensevoice.model;

import dev.sensevoice.ExitCode;
import dev.sensevoice.SenseVoiceException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an ONNX file declares, read straight from its protobuf without starting ONNX Runtime:
 * metadata, graph inputs and outputs, operator types. Reading it skips the weights by position
 * ({@link ProtobufFile}), so telling flavours apart and reading CMVN stays cheap in time and
 * memory even for a 900 MB model.
 */
record OnnxHeader(Path file, Map<String, String> metadata, List<TensorSpec> inputs,
                  List<TensorSpec> outputs, Set<String> operators) {

    // Field numbers of onnx.proto (ModelProto, GraphProto, NodeProto, ValueInfoProto, TypeProto).
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_METADATA = 14;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_OP_TYPE = 4;
    private static final Set<String> QUANTIZED_OPERATORS =
            Set.of("DynamicQuantizeLinear", "MatMulInteger", "ConvInteger", "QLinearMatMul");
    private static final String[] ELEMENT_TYPES = {"undefined", "float", "uint8", "int8", "uint16",
        "int16", "int32", "int64", "string", "bool", "float16", "double", "uint32", "uint64"};

    OnnxHeader {
        metadata = Map.copyOf(metadata);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        operators = Set.copyOf(operators);
    }

    /** Reads the header of {@code file}; any file that is not an ONNX model gives a one-line error. */
    static OnnxHeader read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new SenseVoiceException(ExitCode.MODEL_START,
                        file + ": larger than 2 GiB; SenseVoice Small exports are under 1 GiB");
            }
            return parse(file, new ProtobufFile(channel, 0, channel.size()));
        } catch (IOException e) {
            throw new SenseVoiceException(ExitCode.MODEL_START, file + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof SenseVoiceException s) {
                throw s;
            }
            throw notOnnx(file);
        }
    }

    private static OnnxHeader parse(Path file, ProtobufFile model) throws IOException {
        Builder builder = new Builder();
        boolean irVersion = false;
        boolean graph = false;
        while (model.next()) {
            switch (model.field()) {
                case MODEL_IR_VERSION -> irVersion = model.wireType() == ProtobufReader.VARINT;
                case MODEL_GRAPH -> graph = builder.graph(model.enter());
                case MODEL_METADATA -> builder.metadata(model.message());
                default -> model.skip();
            }
        }
        if (!irVersion || !graph) {
            throw notOnnx(file);
        }
        return new OnnxHeader(file, builder.metadata, builder.inputs, builder.outputs, builder.operators);
    }

    private static SenseVoiceException notOnnx(Path file) {
        return new SenseVoiceException(ExitCode.MODEL_START,
                file + ": not an ONNX model (damaged or wrong file); download or export it again");
    }

    /**
     * A dynamically quantized (int8) graph: the exports' int8 file names, or the operators only
     * such graphs contain. Its quantization scale spans the whole batch (one segment per run).
     */
    boolean quantized() {
        return ModelFiles.quantizedName(file) || operators.stream().anyMatch(QUANTIZED_OPERATORS::contains);
    }

    TensorSpec input(String name) {
        return inputs.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    List<String> inputNames() {
        return inputs.stream().map(TensorSpec::name).toList();
    }

    List<String> outputNames() {
        return outputs.stream().map(TensorSpec::name).toList();
    }

    /** Collects the parts of the protobuf the header keeps. */
    private static final class Builder {
        final Map<String, String> metadata = new LinkedHashMap<>();
        final List<TensorSpec> inputs = new ArrayList<>();
        final List<TensorSpec> outputs = new ArrayList<>();
        final Set<String> operators = new TreeSet<>();

        boolean graph(ProtobufFile graph) throws IOException {
            while (graph.next()) {
                switch (graph.field()) {
                    case GRAPH_NODE -> operator(graph.message());
                    case GRAPH_INPUT -> inputs.add(valueInfo(graph.message()));
                    case GRAPH_OUTPUT -> outputs.add(valueInfo(graph.message()));
                    default -> graph.skip();
                }
            }
            return true;
        }

        void metadata(ProtobufReader entry) {
            String key = "";
            String value = "";
            while (entry.next()) {
                switch (entry.field()) {
                    case 1 -> key = entry.string();
                    case 2 -> value = entry.string();
                    default -> entry.skip();
                }
            }
            metadata.put(key, value);
        }

        void operator(ProtobufReader node) {
            while (node.next()) {
                if (node.field() == NODE_OP_TYPE) {
                    operators.add(node.string());
                } else {
                    node.skip();
                }
            }
        }

        /** ValueInfoProto: name (1), type (2) → tensor_type (1) → elem_type (1), shape (2) → dim (1). */
        TensorSpec valueInfo(ProtobufReader info) {
            String name = "";
            String type = "?";
            List<String> shape = new ArrayList<>();
            while (info.next()) {
                if (info.field() == 1) {
                    name = info.string();
                } else if (info.field() == 2) {
                    ProtobufReader typeProto = info.message();
                    while (typeProto.next()) {
                        if (typeProto.field() == 1) {
                            type = tensorType(typeProto.message(), shape);
                        } else {
                            typeProto.skip();
                        }
                    }
                } else {
                    info.skip();
                }
            }
            return new TensorSpec(name, type, shape);
        }

        private String tensorType(ProtobufReader tensor, List<String> shape) {
            String type = "?";
            while (tensor.next()) {
                if (tensor.field() == 1) {
                    long code = tensor.varint();
                    type = code >= 0 && code < ELEMENT_TYPES.length ? ELEMENT_TYPES[(int) code] : "type" + code;
                } else if (tensor.field() == 2) {
                    ProtobufReader dims = tensor.message();
                    while (dims.next()) {
                        if (dims.field() == 1) {
                            shape.add(dimension(dims.message()));
                        } else {
                            dims.skip();
                        }
                    }
                } else {
                    tensor.skip();
                }
            }
            return type;
        }

        private String dimension(ProtobufReader dim) {
            String value = "?";
            while (dim.next()) {
                switch (dim.field()) {
                    case 1 -> value = Long.toString(dim.varint());
                    case 2 -> value = dim.string();
                    default -> dim.skip();
                }
            }
            return value;
        }
    }
}
