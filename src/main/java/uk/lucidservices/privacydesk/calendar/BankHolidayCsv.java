package uk.lucidservices.privacydesk.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@code date,name} lines; blank lines and {@code #} comments are skipped, the header is optional. */
final class BankHolidayCsv {

    private BankHolidayCsv() {}

    /** Parses the stream (UTF-8) without closing it. */
    static Map<LocalDate, String> parse(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<LocalDate, String> days = new TreeMap<>();
        boolean firstContent = true;
        int lineNo = 0;
        try {
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
                lineNo++;
                String line = (lineNo == 1 ? stripBom(raw) : raw).trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (firstContent && isHeader(line)) {
                    firstContent = false;
                    continue;
                }
                firstContent = false;
                parseLine(line, lineNo, days);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bank holiday CSV", e);
        }
        return days;
    }

    private static void parseLine(String line, int lineNo, Map<LocalDate, String> days) {
        int comma = line.indexOf(',');
        if (comma < 0) {
            throw malformed(lineNo, line, "expected 'yyyy-MM-dd,name'");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(line.substring(0, comma).trim());
        } catch (DateTimeParseException e) {
            throw malformed(lineNo, line, "date is not yyyy-MM-dd");
        }
        String name = unquote(line.substring(comma + 1).trim());
        if (name.isEmpty()) {
            throw malformed(lineNo, line, "name is empty");
        }
        if (days.putIfAbsent(date, name) != null) {
            throw malformed(lineNo, line, "duplicate date " + date);
        }
    }

    private static IllegalArgumentException malformed(int lineNo, String line, String why) {
        return new IllegalArgumentException(
                "Malformed bank holiday CSV line " + lineNo + ": " + why + " (was '" + line + "')");
    }

    private static boolean isHeader(String line) {
        return line.replace(" ", "").equalsIgnoreCase("date,name");
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"").trim();
        }
        return s;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
