package uk.lucidservices.privacydesk.records.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

/**
 * Bench mode: fills the large tables with N made-up rows each, fast enough for a million rows a
 * table in seconds (COPY on PostgreSQL, batched inserts elsewhere). The rows belong to bench
 * subjects that never collide with the demo people.
 */
@Component
public class BulkFiller {

    private static final int BATCH = 5_000;
    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 1, 6, 8, 0, 0, 0, ZoneOffset.UTC);

    private final DataSource dataSource;

    public BulkFiller(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A bench subject's E.164 number: 01632 0xxxxx-95xxxx, clear of the demo people's 96xxxx. */
    public static String benchPhone(int n) {
        return "+441632" + "%06d".formatted(n % 960_000);
    }

    public static String benchEmail(int n) {
        return "bench" + n + "@example.net";
    }

    public void callRecordings(int rows) {
        fill(
                "records.call_recording",
                "cli, cli_key, dialled_number, started_at, duration_seconds, agent_name",
                rows,
                n -> csv(
                        "0" + benchPhone(n).substring(3),
                        benchPhone(n),
                        "0330 088 1234",
                        T0.plusMinutes(n).toString(),
                        String.valueOf(30 + n % 600),
                        "Agent " + (n % 40)));
    }

    public void webEnquiries(int rows) {
        fill(
                "records.web_enquiry",
                "form_type, name, email, email_key, phone, phone_key, message, last_click_source, submitted_at",
                rows,
                n -> csv(
                        "CONTACT",
                        "Bench Person " + n,
                        benchEmail(n),
                        benchEmail(n),
                        benchPhone(n),
                        benchPhone(n),
                        "Please call me",
                        "google-organic",
                        T0.plusMinutes(n).toString()));
    }

    public void telemarketingLeads(int rows) {
        fill(
                "records.tm_lead",
                "source, name, email, email_key, phone, phone_key, consent, tps_status, imported_on",
                rows,
                n -> csv(
                        "Bench Lists Ltd",
                        "Bench Person " + n,
                        benchEmail(n),
                        benchEmail(n),
                        benchPhone(n),
                        benchPhone(n),
                        "true",
                        "CLEAR",
                        "2025-06-01"));
    }

    public void chatTranscripts(int rows) {
        fill(
                "records.chat_transcript",
                "visitor_name, visitor_email, email_key, agent_name, started_at",
                rows,
                n -> csv(
                        "Bench " + n,
                        benchEmail(n),
                        benchEmail(n),
                        "Agent " + (n % 40),
                        T0.plusMinutes(n).toString()));
    }

    /** Messages for existing transcripts, spread over their ids. */
    public void chatMessages(int rows, long firstTranscriptId, long transcripts) {
        fill(
                "records.chat_message",
                "transcript_id, sent_at, sender, body",
                rows,
                n -> csv(
                        String.valueOf(firstTranscriptId + n % transcripts),
                        T0.plusSeconds(n).toString(),
                        n % 2 == 0 ? "VISITOR" : "AGENT",
                        "Bench message " + n));
    }

    private void fill(String table, String columns, int rows, IntFunction<String> csvLine) {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(PGConnection.class)) {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn(
                        "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
                        new LinesReader(rows, csvLine));
            } else {
                batchInsert(connection, table, columns, rows, csvLine);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk fill of " + table + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void batchInsert(
            Connection connection, String table, String columns, int rows, IntFunction<String> csvLine)
            throws SQLException {
        int width = columns.split(",").length;
        String marks = String.join(", ", Collections.nCopies(width, "?"));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement ps =
                connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
            for (int n = 0; n < rows; n++) {
                String[] values = csvLine.apply(n).split(",", -1);
                for (int i = 0; i < width; i++) {
                    ps.setString(i + 1, unquote(values[i]));
                }
                ps.addBatch();
                if ((n + 1) % BATCH == 0) {
                    ps.executeBatch();
                    connection.commit();
                }
            }
            ps.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String csv(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append('"').append(values[i].replace("\"", "\"\"")).append('"');
        }
        return line.append('\n').toString();
    }

    private static String unquote(String value) {
        String v = value.strip();
        return v.startsWith("\"") && v.endsWith("\"")
                ? v.substring(1, v.length() - 1).replace("\"\"", "\"")
                : v;
    }

    /** Feeds COPY one generated line at a time, so a million rows never sit in memory. */
    private static final class LinesReader extends Reader {
        private final int rows;
        private final IntFunction<String> line;
        private int next;
        private String current = "";
        private int pos;

        LinesReader(int rows, IntFunction<String> line) {
            this.rows = rows;
            this.line = line;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos >= current.length()) {
                if (next >= rows) {
                    return -1;
                }
                current = line.apply(next++);
                pos = 0;
            }
            int n = Math.min(len, current.length() - pos);
            current.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {}
    }
}
