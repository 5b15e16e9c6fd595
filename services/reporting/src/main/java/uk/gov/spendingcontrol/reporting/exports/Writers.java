package uk.gov.spendingcontrol.reporting.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes a {@link Table} as CSV (RFC 4180, UTF-8) or XLSX, row by row. */
public final class Writers {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FLUSH_EVERY = 1000;

    private Writers() {
    }

    public static void csv(Table table, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        line(w, table.columns().stream().map(c -> (Object) c).toList());
        try {
            table.rows().forEach(row -> {
                try {
                    line(w, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    private static void line(Writer w, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /**
     * One CSV cell: numbers as plain decimals; text quoted when it holds a comma, quote or line break, and prefixed
     * with an apostrophe when it starts like a spreadsheet formula (=, +, -, @), so that opening the file runs nothing.
     */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    public static void xlsx(Table table, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Spending Control", "1.0");
        Worksheet ws = wb.newWorksheet(table.name().length() > 31 ? table.name().substring(0, 31) : table.name());
        for (int c = 0; c < table.columns().size(); c++) {
            ws.value(0, c, table.columns().get(c));
            ws.style(0, c).bold().set();
        }
        int[] r = {1};
        try {
            table.rows().forEach(row -> {
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number n) {
                        ws.value(r[0], c, n);
                    } else if (v instanceof Boolean b) {
                        ws.value(r[0], c, b);
                    } else if (v != null) {
                        ws.value(r[0], c, v.toString());
                    }
                }
                r[0]++;
                if (r[0] % FLUSH_EVERY == 0) {
                    try {
                        ws.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        ws.finish();
        wb.finish();
    }
}
