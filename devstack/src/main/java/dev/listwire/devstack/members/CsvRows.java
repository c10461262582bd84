package dev.listwire.devstack.members;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, one record at a time: quoted cells may hold commas, quotes ("") and line breaks. */
final class CsvRows {

    private final BufferedReader in;
    private int physical;
    private int recordStart;

    CsvRows(BufferedReader in) {
        this.in = in;
    }

    /** The line the last record started on (1-based). */
    int line() {
        return recordStart;
    }

    /** The next record's cells, or null at the end. */
    List<String> next() throws IOException {
        String text = in.readLine();
        if (text == null) {
            return null;
        }
        physical++;
        recordStart = physical;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; ; i++) {
            if (i == text.length()) {
                if (!quoted) {
                    break;
                }
                String more = in.readLine();
                if (more == null) {
                    throw new IOException("line " + recordStart + ": a quoted cell is never closed");
                }
                physical++;
                cell.append('\n');
                text = more;
                i = -1;
                continue;
            }
            char c = text.charAt(i);
            if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
