package uk.lucidservices.privacydesk.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.records.demo.BulkFiller;

/**
 * Fills every large records table to the bench size once, for lookup, erasure and pack alike.
 * Five tables go through the desk's own bench filler (COPY; its rows are the bench subjects the
 * lookup looks for); the other five are set-based inserts of people nobody asks about (London 020
 * numbers, .invalid emails). Returns seconds per table.
 */
final class LargeTables {

    private final JdbcTemplate jdbc;
    private final BulkFiller filler;

    LargeTables(JdbcTemplate jdbc, BulkFiller filler) {
        this.jdbc = jdbc;
        this.filler = filler;
    }

    Map<String, Double> fill(int rows) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("call_recording (COPY)", time(() -> filler.callRecordings(rows)));
        seconds.put("web_enquiry (COPY)", time(() -> filler.webEnquiries(rows)));
        seconds.put("tm_lead (COPY)", time(() -> filler.telemarketingLeads(rows)));
        seconds.put("chat_transcript (COPY)", time(() -> filler.chatTranscripts(rows)));
        long firstTranscript = jdbc.queryForObject(
                "SELECT MIN(id) FROM records.chat_transcript WHERE visitor_name LIKE 'Bench %'", Long.class);
        seconds.put("chat_message (COPY)", time(() -> filler.chatMessages(rows, firstTranscript, rows)));
        seconds.put("crm_account", time(() -> jdbc.update("""
                INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status, opened_on)
                SELECT 'BN' || g, 'Filler ' || g, 'f' || g || '@filler.invalid', 'f' || g || '@filler.invalid',
                    '020 ' || lpad(g::text, 8, '0'), '+4420' || lpad(g::text, 8, '0'), 'ACTIVE', DATE '2020-01-01'
                FROM generate_series(1, ?) g""", rows)));
        long firstAccount = jdbc.queryForObject(
                "SELECT MIN(id) FROM records.crm_account WHERE account_number LIKE 'BN%'", Long.class);
        String account = "(" + firstAccount + " + (g % " + Math.max(1, rows / 2) + "))";
        seconds.put("crm_contact", time(() -> jdbc.update("""
                INSERT INTO records.crm_contact (account_id, name, email, email_key, phone, phone_key)
                SELECT %s, 'Filler contact', 'c' || g || '@filler.invalid', 'c' || g || '@filler.invalid',
                    '020 ' || lpad(g::text, 8, '0'), '+4421' || lpad(g::text, 8, '0') FROM generate_series(1, ?) g""".formatted(account), rows)));
        seconds.put("contract", time(() -> jdbc.update("""
                INSERT INTO records.contract (account_id, contract_ref, product, start_date)
                SELECT %s, 'F-' || g, 'Broadband 80/20', DATE '2020-01-01' FROM generate_series(1, ?) g""".formatted(account), rows)));
        seconds.put("complaint", time(() -> jdbc.update("""
                INSERT INTO records.complaint (account_id, complainant_name, email_key, phone_key, category, received_at, status)
                SELECT %s, 'Filler', 'm' || g || '@filler.invalid', '+4422' || lpad(g::text, 8, '0'), 'OTHER',
                    TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00', 'CLOSED' FROM generate_series(1, ?) g""".formatted(account), rows)));
        long firstLead =
                jdbc.queryForObject("SELECT MIN(id) FROM records.tm_lead WHERE source = 'Bench Lists Ltd'", Long.class);
        seconds.put(
                "tm_call_recording", time(() -> jdbc.update("""
                INSERT INTO records.tm_call_recording (lead_id, started_at, duration_seconds)
                SELECT %d + (g %% %d), TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00', 30
                FROM generate_series(1, ?) g""".formatted(firstLead, Math.max(1, rows / 2)), rows)));
        // Vacuumed and analysed now, so autovacuum does not wake up in the middle of the measurements.
        seconds.put("VACUUM ANALYZE", time(() -> jdbc.execute("VACUUM ANALYZE")));
        return seconds;
    }

    private static double time(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1e9;
    }
}
