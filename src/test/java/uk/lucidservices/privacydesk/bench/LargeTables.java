package uk.lucidservices.privacydesk.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.records.demo.BulkFiller;

/**
 * Fills every large records table to the bench size once, for lookup, erasure and pack alike.
 * Five tables go through the desk's own bench filler (COPY; its rows are the bench subjects the
 * lookup looks for); the other eleven (CRM, billing, porting, directory, CCTV) are set-based inserts
 * of people nobody asks about (London 020 numbers, .invalid emails, accounts BN-n). Returns seconds
 * per table.
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
        seconds.put("call_detail_record", time(() -> jdbc.update("""
                INSERT INTO records.call_detail_record (account_id, direction, cli, cli_key, dialled_number, started_at,
                    duration_seconds, charge)
                SELECT %s, 'OUT', '020 ' || lpad(g::text, 8, '0'), '+4420' || lpad(g::text, 8, '0'), '0330 088 1234',
                    TIMESTAMP WITH TIME ZONE '2026-01-05 10:00:00+00' + g * INTERVAL '1 second', 60, 0.05
                FROM generate_series(1, ?) g""".formatted(account), rows)));
        seconds.put("invoice", time(() -> jdbc.update("""
                INSERT INTO records.invoice (account_id, invoice_number, billing_name, period_start, period_end, issued_on,
                    net_amount, vat_amount)
                SELECT %s, 'F-INV-' || g, 'Filler ' || g, DATE '2026-03-01', DATE '2026-03-31', DATE '2026-04-01', 40, 8
                FROM generate_series(1, ?) g""".formatted(account), rows)));
        seconds.put("payment", time(() -> jdbc.update("""
                INSERT INTO records.payment (account_id, paid_at, amount, method, payer_name, processor_reference)
                SELECT %s, TIMESTAMP WITH TIME ZONE '2026-04-11 09:30:00+00', 48, 'DIRECT_DEBIT', 'Filler ' || g, 'f_' || g
                FROM generate_series(1, ?) g""".formatted(account), rows)));
        seconds.put("number_port", time(() -> jdbc.update("""
                INSERT INTO records.number_port (account_id, number, number_key, direction, other_provider, requested_on,
                    completed_on, status)
                SELECT %s, '020 ' || lpad(g::text, 8, '0'), '+4424' || lpad(g::text, 8, '0'), 'IN', 'BT',
                    DATE '2026-01-05', DATE '2026-01-12', 'COMPLETED' FROM generate_series(1, ?) g""".formatted(account), rows)));
        seconds.put("directory_entry", time(() -> jdbc.update("""
                INSERT INTO records.directory_entry (account_id, listed_name, number, number_key, address, listing, chosen_on)
                SELECT %s, 'Filler ' || g, '020 ' || lpad(g::text, 8, '0'), '+4425' || lpad(g::text, 8, '0'), 'Anytown',
                    'FULL', DATE '2024-01-01' FROM generate_series(1, ?) g""".formatted(account), rows)));
        seconds.put("cctv_footage", time(() -> jdbc.update("""
                INSERT INTO records.cctv_footage (site, camera, recorded_from, recorded_to, person_name, email_key, phone_key,
                    reason_linked)
                SELECT 'Head office', 'Reception 1', TIMESTAMP WITH TIME ZONE '2026-06-01 08:00:00+00',
                    TIMESTAMP WITH TIME ZONE '2026-06-01 08:05:00+00', 'Filler ' || g, 'v' || g || '@filler.invalid',
                    '+4426' || lpad(g::text, 8, '0'), 'Visitor sign-in' FROM generate_series(1, ?) g""", rows)));
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
