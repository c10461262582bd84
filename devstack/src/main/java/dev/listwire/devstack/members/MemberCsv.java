package dev.listwire.devstack.members;

import dev.listwire.common.mail.Addresses;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Members from CSV: a header row with {@code email} and any attribute columns, then one member a row.
 * A column named {@code name[]} holds a string set, its values separated by {@code ;} (for example
 * {@code tickers[]} = {@code NVDA;AAPL}). Empty cells are left out. Addresses are lower-cased.
 * A row that breaks a rule is rejected with its line and reason; the other rows are still read.
 */
public final class MemberCsv {

    /** A member ready to write, or the reason a row was refused. */
    public record Row(int line, Map<String, AttributeValue> item, String rejection) {
        public boolean rejected() {
            return rejection != null;
        }
    }

    private MemberCsv() {}

    public static List<Row> read(BufferedReader in) throws IOException {
        CsvRows csv = new CsvRows(in);
        List<String> header = csv.next();
        if (header == null
                || header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).noneMatch("email"::equals)) {
            throw new IOException(
                    "The first row must be a header naming an 'email' column, for example: email,name,tickers[]");
        }
        List<String> columns = header.stream().map(String::trim).toList();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            rows.add(row(csv.line(), columns, cells, seen));
        }
        return rows;
    }

    private static Row row(int line, List<String> columns, List<String> cells, Map<String, Integer> seen) {
        if (cells.size() != columns.size()) {
            return new Row(line, null, cells.size() + " cells, but the header has " + columns.size());
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String cell = cells.get(i).trim();
            if (column.equalsIgnoreCase("email")) {
                Addresses.Verdict verdict = Addresses.check(cell.toLowerCase(Locale.ROOT));
                if (verdict instanceof Addresses.Refused refused) {
                    return new Row(line, null, "'" + cell + "' is not an email address: " + refused.why());
                }
                String email = ((Addresses.Accepted) verdict).address().getAddress();
                Integer first = seen.putIfAbsent(email, line);
                if (first != null) {
                    return new Row(line, null, email + " is already on line " + first);
                }
                item.put("email", AttributeValue.fromS(email));
            } else if (!cell.isEmpty()) {
                item.put(attributeName(column), attribute(column, cell));
            }
        }
        return new Row(line, item, null);
    }

    private static String attributeName(String column) {
        return column.endsWith("[]") ? column.substring(0, column.length() - 2) : column;
    }

    private static AttributeValue attribute(String column, String cell) {
        if (!column.endsWith("[]")) {
            return AttributeValue.fromS(cell);
        }
        return AttributeValue.fromSs(Arrays.stream(cell.split(";"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList());
    }
}
