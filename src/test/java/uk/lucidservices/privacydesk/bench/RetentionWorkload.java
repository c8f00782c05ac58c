package uk.lucidservices.privacydesk.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.retention.RetentionJob;

/**
 * The retention job over {@code rows} expired rows in every store of the desk: requests closed seven
 * years before the suite's day with their mail, ID documents, notes, manual answers, letters,
 * certificates, expired packs and downloads. File paths point at no file: the file store's cost is a
 * missing-file check per row, so the number is the database's. Used by workload 8 of
 * {@link DeskBenchmarkTest} and by {@link RetentionBenchmarkTest}.
 */
final class RetentionWorkload {

    static final List<String> STORES = List.of(
            "raw-mail",
            "id-documents",
            "register-personal-fields",
            "intake-log",
            "triage-notes",
            "manual-answers",
            "packs",
            "sent-letters",
            "certificates",
            "download-log");

    private static final OffsetDateTime CLOSED = OffsetDateTime.of(2019, 6, 7, 10, 0, 0, 0, ZoneOffset.UTC);

    /** What one timed run removed, by store, and how long it took. */
    record Result(Map<String, Long> removed, double fillSeconds, double seconds, long personalFieldsLeft) {
        long total() {
            return removed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcTemplate jdbc;
    private final RetentionJob job;

    RetentionWorkload(JdbcTemplate jdbc, RetentionJob job) {
        this.jdbc = jdbc;
        this.job = job;
    }

    Result run(int rows) {
        job.run(); // what was already due, so the counts below are the filler's
        long t0 = System.nanoTime();
        long first = fill(rows);
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        long t = System.nanoTime();
        RetentionJob.Report report = job.run();
        double seconds = (System.nanoTime() - t) / 1e9;
        Long left = jdbc.queryForObject(
                "SELECT COUNT(*) FROM desk.request WHERE id >= ? AND requester_email IS NOT NULL", Long.class, first);
        return new Result(report.removed(), fillSeconds, seconds, left == null ? 0 : left);
    }

    /** {@code rows} closed requests, each with one row in every store; returns the first request id. */
    private long fill(int rows) {
        Long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM desk.request", Long.class);
        jdbc.update("""
                INSERT INTO desk.request (reference, type, channel, requester_name, requester_email, requester_phone,
                                          received_at, clock_start, status, closed_at, outcome, created_at)
                SELECT 'BENCH-RET-' || g, 'SUBJECT_ACCESS', 'EMAIL', 'Bench Person', 'bench.retention' || g || '@example.org',
                       '+441632960000', ?, DATE '2019-05-01', 'CLOSED', ?, 'DISCLOSED', ?
                FROM generate_series(1, ?) g""", CLOSED.minusDays(30), CLOSED, CLOSED.minusDays(30), rows);
        long first = before + 1;
        String requests = "SELECT id, reference FROM desk.request WHERE id >= " + first;
        jdbc.update(
                "INSERT INTO desk.request_identifier (request_id, kind, id_value, value_key) SELECT id, 'EMAIL', 'x', 'x' FROM ("
                        + requests + ") r");
        jdbc.update("""
                INSERT INTO desk.intake_log (message_key, message_id, read_at, sender_address, subject, outcome, request_id,
                                             request_reference, raw_file, mailbox_expunged_at)
                SELECT 'bench-ret-' || r.id, NULL, ?, 'bench@example.org', 'My data', 'STARTED', r.id, r.reference,
                       'intake/bench/' || r.id || '.eml', ?
                FROM (%s) r""".formatted(requests), CLOSED.minusDays(30), CLOSED);
        jdbc.update("""
                INSERT INTO desk.intake_attachment (intake_id, request_id, file_name, content_type, size_bytes, sha256, stored_path)
                SELECT l.id, l.request_id, 'id.pdf', 'application/pdf', 1, 'h', 'intake/bench/' || l.id || '.pdf'
                FROM desk.intake_log l WHERE l.request_id >= ?""", first);
        jdbc.update(
                "INSERT INTO desk.triage_note (request_id, kind, note, written_by, written_at) SELECT id, 'REFUSAL', 'n', 'olivia', ? FROM ("
                        + requests + ") r",
                CLOSED);
        jdbc.update("""
                INSERT INTO desk.search_result (reference, category_id, system, searched_at, manual, manual_answer)
                SELECT reference, 'paper-files', 'Office filing', ?, TRUE, 'a' FROM (%s) r""".formatted(requests), CLOSED);
        jdbc.update("""
                INSERT INTO desk.sent_letter (request_id, reference, template, recipient, sent_at, message_id)
                SELECT id, reference, 'acknowledgement', 'REQUESTER', ?, '<bench-ret-' || id || '>' FROM (%s) r""".formatted(requests), CLOSED);
        jdbc.update("""
                INSERT INTO desk.erasure_certificate (reference, issued_at, json_path, pdf_path, json_sha256, pdf_sha256)
                SELECT reference, ?, 'certificates/' || reference || '.json', 'certificates/' || reference || '.pdf', 'j', 'p'
                FROM (%s) r""".formatted(requests), CLOSED);
        jdbc.update("""
                INSERT INTO desk.disclosure_pack (id, reference, file_path, size_bytes, record_count, created_at, expires_at)
                SELECT 'bench-ret-' || id, reference, 'packs/' || reference || '/p.zip', 1, 1, ?, ? FROM (%s) r""".formatted(requests), CLOSED, CLOSED);
        jdbc.update("""
                INSERT INTO desk.pack_download (pack_id, downloaded_at, remote_hash)
                SELECT 'bench-ret-' || id, ?, 'h' FROM (%s) r""".formatted(requests), CLOSED);
        jdbc.execute("ANALYZE");
        return first;
    }
}
