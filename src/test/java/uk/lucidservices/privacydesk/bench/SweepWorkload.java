package uk.lucidservices.privacydesk.bench;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.request.ScheduledErasure;

/**
 * The relationship-end sweep over {@code accounts} closed accounts holding {@code rows} expired rows
 * in each store it sweeps, spread evenly: call recordings (deleted 3 months after the close, found by
 * the caller's number), account contacts (anonymised at the close, by email and number) and directory
 * listings (deleted at the close, by account). Each account closed on 31 January 2025, so everything
 * is due on the suite's day; each gets its own internal erasure request, plan, run journal and notice
 * process, as in production. No audio files: the cost measured is the database's and the desk's.
 */
final class SweepWorkload {

    static final List<String> TABLES = List.of("call_recording", "crm_contact", "directory_entry");

    record Result(int accounts, long rowsPerStore, double fillSeconds, double seconds, long erased, long left) {}

    private final JdbcTemplate jdbc;
    private final ScheduledErasure sweep;

    SweepWorkload(JdbcTemplate jdbc, ScheduledErasure sweep) {
        this.jdbc = jdbc;
        this.sweep = sweep;
    }

    Result run(int accounts, int rows) {
        sweep.run(); // what was already due (the demo data's closed accounts), so the count below is the filler's
        int perAccount = Math.max(1, rows / accounts);
        long t0 = System.nanoTime();
        fill(accounts, perAccount);
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        long t = System.nanoTime();
        long erased = sweep.run();
        double seconds = (System.nanoTime() - t) / 1e9;
        Long left = jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM records.call_recording r JOIN records.crm_account a ON a.id = r.account_id
                        WHERE a.account_number LIKE 'SWEEP-%')
                     + (SELECT COUNT(*) FROM records.crm_contact c JOIN records.crm_account a ON a.id = c.account_id
                        WHERE a.account_number LIKE 'SWEEP-%' AND c.email_key IS NOT NULL)
                     + (SELECT COUNT(*) FROM records.directory_entry d JOIN records.crm_account a ON a.id = d.account_id
                        WHERE a.account_number LIKE 'SWEEP-%')""", Long.class);
        return new Result(
                accounts, (long) perAccount * accounts, fillSeconds, seconds, erased, left == null ? 0 : left);
    }

    /** Closed accounts SWEEP-n (numbers 023 xxxx xxxx, emails at .invalid) and their rows, in SQL. */
    private void fill(int accounts, int perAccount) {
        jdbc.update("""
                INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status,
                    opened_on, closed_on)
                SELECT 'SWEEP-' || g, 'Leaver ' || g, 'leaver' || g || '@sweep.invalid', 'leaver' || g || '@sweep.invalid',
                    '023 ' || lpad(g::text, 8, '0'), '+4423' || lpad(g::text, 8, '0'), 'CLOSED', DATE '2019-01-01',
                    DATE '2025-01-31'
                FROM generate_series(1, ?) g""", accounts);
        String each = """
                FROM records.crm_account a CROSS JOIN generate_series(1, %d) s
                WHERE a.account_number LIKE 'SWEEP-%%'""".formatted(perAccount);
        jdbc.update("""
                INSERT INTO records.call_recording (account_id, cli, cli_key, dialled_number, started_at, duration_seconds,
                    agent_name)
                SELECT a.id, a.phone, a.phone_key, '0330 088 1234',
                    TIMESTAMP WITH TIME ZONE '2024-06-01 09:00:00+00' + s * INTERVAL '1 minute', 60, 'Agent'
                """ + each);
        jdbc.update("""
                INSERT INTO records.crm_contact (account_id, name, role, email, email_key, phone, phone_key)
                SELECT a.id, a.name, 'Site contact', a.email, a.email_key, a.phone, a.phone_key
                """ + each);
        jdbc.update("""
                INSERT INTO records.directory_entry (account_id, listed_name, number, number_key, address, listing, chosen_on)
                SELECT a.id, a.name, a.phone, a.phone_key, 'Anytown', 'FULL', DATE '2020-01-01'
                """ + each);
        jdbc.execute("ANALYZE");
    }
}
