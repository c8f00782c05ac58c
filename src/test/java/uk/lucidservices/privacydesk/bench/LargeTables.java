package uk.lucidservices.privacydesk.bench;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.records.demo.BulkFiller;

/**
 * Fills every large records table to the bench size once, for lookup, erasure and pack alike, the
 * way a bulk load is done at ten million rows a table: the tables' secondary indexes (as the
 * Flyway migrations made them) are dropped, every table is filled by one set-based
 * {@code INSERT ... SELECT ... FROM generate_series} (foreign-key triggers off for the filling
 * session), on {@code threads} connections at once, then the same indexes are built again from
 * their saved definitions and the tables analysed. Primary keys and unique constraints stay in
 * place throughout.
 *
 * <p>Five tables hold the bench subjects the lookup looks for (the values of
 * {@link BulkFiller#benchEmail} and {@link BulkFiller#benchPhone}, one per row number); the other
 * eleven (CRM, billing, porting, directory, CCTV) hold people nobody asks about (London 020 numbers,
 * .invalid emails, accounts BN-n). Autovacuum is held off these tables until {@link #release()}, so
 * it does not wake up on sixteen freshly filled tables in the middle of the measurements.
 */
final class LargeTables {

    /** The tables this fills, parents first: each phase's tables are filled at once, then the next phase. */
    static final List<String> TABLES = List.of(
            "crm_account",
            "tm_lead",
            "chat_transcript",
            "call_recording",
            "web_enquiry",
            "cctv_footage",
            "crm_contact",
            "contract",
            "complaint",
            "tm_call_recording",
            "chat_message",
            "call_detail_record",
            "invoice",
            "payment",
            "number_port",
            "directory_entry");

    private static final String T0 = "TIMESTAMP WITH TIME ZONE '2025-01-06 08:00:00+00'";
    private static final String EMAIL = "'bench' || g || '@example.net'";
    private static final String PHONE = "'+441632' || lpad((g % 960000)::text, 6, '0')";
    private static final String NATIONAL = "'01632' || lpad((g % 960000)::text, 6, '0')";

    /** The fill's phases, seconds per step, and the database's size once filled. */
    record Fill(Map<String, Double> seconds, double totalSeconds, long databaseBytes, long tablesBytes) {}

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final int threads;

    LargeTables(JdbcTemplate jdbc, DataSource dataSource, int threads) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.threads = Math.max(1, threads);
    }

    Fill fill(int rows) {
        long start = System.nanoTime();
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<String> indexes = jdbc.queryForList("""
                SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'records' AND t.relname = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                      WHERE c.conrelid = t.oid AND c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
                ORDER BY t.relname, 1""", String.class, (Object) TABLES.toArray(String[]::new));
        for (String table : TABLES) {
            jdbc.execute("ALTER TABLE records." + table + " SET (autovacuum_enabled = false)");
        }
        seconds.put("drop " + indexes.size() + " secondary indexes", time(() -> {
            for (String definition : indexes) {
                jdbc.execute("DROP INDEX records." + indexName(definition));
            }
        }));

        seconds.put(
                "fill crm_account, tm_lead, chat_transcript, call_recording, web_enquiry, cctv_footage",
                time(() -> inParallel(List.of(
                        insert("crm_account", rows, """
                        INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status, opened_on)
                        SELECT 'BN' || g, 'Filler ' || g, 'f' || g || '@filler.invalid', 'f' || g || '@filler.invalid',
                            '020 ' || lpad(g::text, 8, '0'), '+4420' || lpad(g::text, 8, '0'), 'ACTIVE', DATE '2020-01-01'"""),
                        insert("tm_lead", rows, """
                        INSERT INTO records.tm_lead (source, name, email, email_key, phone, phone_key, consent, tps_status, imported_on)
                        SELECT 'Bench Lists Ltd', 'Bench Person ' || g, %s, %s, %s, %s, TRUE, 'CLEAR', DATE '2025-06-01'""".formatted(EMAIL, EMAIL, PHONE, PHONE)),
                        insert("chat_transcript", rows, """
                        INSERT INTO records.chat_transcript (visitor_name, visitor_email, email_key, agent_name, started_at)
                        SELECT 'Bench ' || g, %s, %s, 'Agent ' || (g %% 40), %s + g * INTERVAL '1 minute'""".formatted(EMAIL, EMAIL, T0)),
                        insert("call_recording", rows, """
                        INSERT INTO records.call_recording (cli, cli_key, dialled_number, started_at, duration_seconds, agent_name)
                        SELECT %s, %s, '0330 088 1234', %s + g * INTERVAL '1 minute', 30 + g %% 600, 'Agent ' || (g %% 40)""".formatted(NATIONAL, PHONE, T0)),
                        insert("web_enquiry", rows, """
                        INSERT INTO records.web_enquiry (form_type, name, email, email_key, phone, phone_key, message,
                            last_click_source, submitted_at)
                        SELECT 'CONTACT', 'Bench Person ' || g, %s, %s, %s, %s, 'Please call me', 'google-organic',
                            %s + g * INTERVAL '1 minute'""".formatted(EMAIL, EMAIL, PHONE, PHONE, T0)),
                        insert("cctv_footage", rows, """
                        INSERT INTO records.cctv_footage (site, camera, recorded_from, recorded_to, person_name, email_key, phone_key,
                            reason_linked)
                        SELECT 'Head office', 'Reception 1', TIMESTAMP WITH TIME ZONE '2026-06-01 08:00:00+00',
                            TIMESTAMP WITH TIME ZONE '2026-06-01 08:05:00+00', 'Filler ' || g, 'v' || g || '@filler.invalid',
                            '+4426' || lpad(g::text, 8, '0'), 'Visitor sign-in'""")))));

        long firstAccount = jdbc.queryForObject(
                "SELECT MIN(id) FROM records.crm_account WHERE account_number LIKE 'BN%'", Long.class);
        long firstLead =
                jdbc.queryForObject("SELECT MIN(id) FROM records.tm_lead WHERE source = 'Bench Lists Ltd'", Long.class);
        long firstTranscript = jdbc.queryForObject(
                "SELECT MIN(id) FROM records.chat_transcript WHERE visitor_name LIKE 'Bench %'", Long.class);
        String account = "(" + firstAccount + " + (g % " + Math.max(1, rows / 2) + "))";
        seconds.put(
                "fill the other 10 tables (accounts' contacts, contracts, complaints, calls, bills, ports, listings; lead calls; chat messages)",
                time(() -> inParallel(List.of(
                        insert("crm_contact", rows, """
                        INSERT INTO records.crm_contact (account_id, name, email, email_key, phone, phone_key)
                        SELECT %s, 'Filler contact', 'c' || g || '@filler.invalid', 'c' || g || '@filler.invalid',
                            '020 ' || lpad(g::text, 8, '0'), '+4421' || lpad(g::text, 8, '0')""".formatted(account)),
                        insert("contract", rows, """
                        INSERT INTO records.contract (account_id, contract_ref, product, start_date)
                        SELECT %s, 'F-' || g, 'Broadband 80/20', DATE '2020-01-01'""".formatted(account)),
                        insert("complaint", rows, """
                        INSERT INTO records.complaint (account_id, complainant_name, email_key, phone_key, category, received_at, status)
                        SELECT %s, 'Filler', 'm' || g || '@filler.invalid', '+4422' || lpad(g::text, 8, '0'), 'OTHER',
                            TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00', 'CLOSED'""".formatted(account)),
                        insert("tm_call_recording", rows, """
                        INSERT INTO records.tm_call_recording (lead_id, started_at, duration_seconds)
                        SELECT %d + (g %% %d), TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00', 30""".formatted(firstLead, Math.max(1, rows / 2))),
                        insert("chat_message", rows, """
                        INSERT INTO records.chat_message (transcript_id, sent_at, sender, body)
                        SELECT %d + g, %s + g * INTERVAL '1 second', CASE WHEN g %% 2 = 0 THEN 'VISITOR' ELSE 'AGENT' END,
                            'Bench message ' || g""".formatted(firstTranscript, T0)),
                        insert("call_detail_record", rows, """
                        INSERT INTO records.call_detail_record (account_id, direction, cli, cli_key, dialled_number, started_at,
                            duration_seconds, charge)
                        SELECT %s, 'OUT', '020 ' || lpad(g::text, 8, '0'), '+4420' || lpad(g::text, 8, '0'), '0330 088 1234',
                            TIMESTAMP WITH TIME ZONE '2026-01-05 10:00:00+00' + g * INTERVAL '1 second', 60, 0.05""".formatted(account)),
                        insert("invoice", rows, """
                        INSERT INTO records.invoice (account_id, invoice_number, billing_name, period_start, period_end, issued_on,
                            net_amount, vat_amount)
                        SELECT %s, 'F-INV-' || g, 'Filler ' || g, DATE '2026-03-01', DATE '2026-03-31', DATE '2026-04-01', 40, 8""".formatted(account)),
                        insert("payment", rows, """
                        INSERT INTO records.payment (account_id, paid_at, amount, method, payer_name, processor_reference)
                        SELECT %s, TIMESTAMP WITH TIME ZONE '2026-04-11 09:30:00+00', 48, 'DIRECT_DEBIT', 'Filler ' || g, 'f_' || g""".formatted(account)),
                        insert("number_port", rows, """
                        INSERT INTO records.number_port (account_id, number, number_key, direction, other_provider, requested_on,
                            completed_on, status)
                        SELECT %s, '020 ' || lpad(g::text, 8, '0'), '+4424' || lpad(g::text, 8, '0'), 'IN', 'BT',
                            DATE '2026-01-05', DATE '2026-01-12', 'COMPLETED'""".formatted(account)),
                        insert("directory_entry", rows, """
                        INSERT INTO records.directory_entry (account_id, listed_name, number, number_key, address, listing, chosen_on)
                        SELECT %s, 'Filler ' || g, '020 ' || lpad(g::text, 8, '0'), '+4425' || lpad(g::text, 8, '0'), 'Anytown',
                            'FULL', DATE '2024-01-01'""".formatted(account))))));

        seconds.put(
                "build the " + indexes.size() + " secondary indexes again",
                time(() ->
                        inParallel(indexes.stream().map(LargeTables::statement).toList())));
        seconds.put(
                "ANALYZE",
                time(() -> inParallel(TABLES.stream()
                        .map(table -> statement("ANALYZE records." + table))
                        .toList())));
        double total = (System.nanoTime() - start) / 1e9;
        long database = jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
        long tables = jdbc.queryForObject(
                "SELECT SUM(pg_total_relation_size(('records.' || t)::regclass))::bigint FROM unnest(?::text[]) t",
                Long.class,
                (Object) TABLES.toArray(String[]::new));
        return new Fill(seconds, total, database, tables);
    }

    /** Hands the tables back to autovacuum. */
    void release() {
        for (String table : TABLES) {
            jdbc.execute("ALTER TABLE records." + table + " RESET (autovacuum_enabled)");
        }
    }

    /**
     * Sequential scans of each filled table so far, as the statistics collector has them: waits
     * for the sessions' last reports first (PostgreSQL sends them at most every half second).
     */
    Map<String, Long> sequentialScans() {
        // Read until two reads 600 ms apart agree: by then the last session's report has arrived.
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
        await().pollDelay(Duration.ofMillis(600))
                .pollInterval(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(30))
                .until(() -> last.getAndSet(readSequentialScans()).equals(last.get()));
        return last.get();
    }

    private Map<String, Long> readSequentialScans() {
        Map<String, Long> scans = new LinkedHashMap<>();
        jdbc.query(
                "SELECT relname, seq_scan FROM pg_stat_user_tables WHERE schemaname = 'records' AND relname = ANY (?) ORDER BY relname",
                rs -> {
                    scans.put(rs.getString(1), rs.getLong(2));
                },
                (Object) TABLES.toArray(String[]::new));
        return scans;
    }

    private static String indexName(String definition) {
        // CREATE [UNIQUE] INDEX name ON records.table USING ...
        String afterIndex = definition.substring(definition.indexOf(" INDEX ") + " INDEX ".length());
        return afterIndex.substring(0, afterIndex.indexOf(' '));
    }

    private static Sql insert(String table, int rows, String insertSelect) {
        return statement(insertSelect + " FROM generate_series(0, " + (rows - 1) + ") g");
    }

    private static Sql statement(String sql) {
        return new Sql(sql);
    }

    /** One SQL statement run on a connection of its own. */
    private record Sql(String sql) {}

    private void inParallel(List<Sql> statements) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, statements.size()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Sql statement : statements) {
                running.add(pool.submit(() -> run(statement.sql())));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Bench fill failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * On a connection of its own, with room to sort an index in memory and, where the user may
     * (a superuser, as on the embedded database), without the foreign-key triggers: every
     * reference the fill makes points at rows it made itself.
     */
    private void run(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '256MB'");
            statement.execute("SET max_parallel_maintenance_workers = 0");
            boolean superuser = "on".equals(setting(statement, "is_superuser"));
            if (superuser) {
                statement.execute("SET session_replication_role = replica");
            }
            try {
                statement.execute(sql);
            } finally {
                statement.execute("RESET maintenance_work_mem");
                statement.execute("RESET max_parallel_maintenance_workers");
                if (superuser) {
                    statement.execute("RESET session_replication_role");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (var rs = statement.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double time(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1e9;
    }
}
