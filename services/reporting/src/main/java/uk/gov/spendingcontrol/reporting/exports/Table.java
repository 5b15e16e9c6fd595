package uk.gov.spendingcontrol.reporting.exports;

import java.util.List;
import java.util.function.Consumer;

/** A table to export: a name, its columns, and its rows handed one at a time (so large ones stream). */
public record Table(String name, List<String> columns, RowSource rows) {

    /** Hands every row, in order, to the sink. */
    @FunctionalInterface
    public interface RowSource {
        void forEach(Consumer<List<Object>> sink);
    }

    public static Table of(String name, List<String> columns, List<List<Object>> rows) {
        return new Table(name, columns, rows::forEach);
    }
}
