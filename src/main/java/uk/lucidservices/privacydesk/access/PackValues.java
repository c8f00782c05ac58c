package uk.lucidservices.privacydesk.access;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;

/** How record values are written into the pack: dates as ISO 8601, numbers and booleans as themselves. */
final class PackValues {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private PackValues() {}

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value.toString();
    }

    static void json(JsonGenerator json, String field, Object value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof BigDecimal b) {
            json.writeNumber(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            json.writeNumber(n.doubleValue());
        } else {
            json.writeString(text(value));
        }
    }

    /**
     * One CSV cell (RFC 4180). A cell that a spreadsheet would run as a formula (starting with
     * {@code = + - @}, tab or carriage return, as OWASP lists them) starts with an apostrophe, so
     * opening the pack in Excel cannot execute text someone typed into a form.
     */
    static String csv(Object value) {
        String s = text(value);
        if (!(value instanceof Number) && !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
