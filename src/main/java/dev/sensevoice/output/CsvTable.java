package dev.sensevoice.output;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 4180 rows with a header (also when there are no rows), quoted only where a cell holds a
 * comma, quote or line break; null cells empty.
 */
final class CsvTable {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private CsvTable() {
    }

    /** One row's cells; null becomes an empty cell (jackson would drop it and shift the columns). */
    static List<Object> cells(Object... values) {
        return Arrays.stream(values).map(value -> value == null ? "" : value).toList();
    }

    static SequenceWriter open(List<String> columns, OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        return MAPPER.writer(schema.build()).writeValues(out);
    }
}
