package uk.lucidservices.privacydesk.records;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens leads against the TPS and CTPS registers in the database, set-based: a dated screening
 * row for every lead (the date and what it found), and each lead's current state from that row.
 * On PostgreSQL both are one statement (the update reads the inserted rows back from the insert);
 * elsewhere (H2, the first-run demo) an insert, then an update that looks up each lead's latest
 * row of the day. No number leaves the database and nothing is looped over in Java, so 2,000,000
 * leads against a 17,000,000-number register is one pass (see the benchmark).
 */
@Service
public class LeadScreening {

    // Two left joins on the register's key (number, register): at most one row each, so the planner
    // can hash or merge join the whole table rather than probe the register once per lead.
    private static final String SCREEN = """
            INSERT INTO records.tm_lead_screening (lead_id, screened_on, on_tps, on_ctps)
            SELECT l.id, ?, t.e164 IS NOT NULL, c.e164 IS NOT NULL
            FROM records.tm_lead l
            LEFT JOIN records.tps_register t ON t.e164 = l.phone_key AND t.register = 'TPS'
            LEFT JOIN records.tps_register c ON c.e164 = l.phone_key AND c.register = 'CTPS'
            WHERE l.phone_key IS NOT NULL""";
    // Portable (H2): a correlated subquery per lead, fine for the demo's few leads.
    private static final String APPLY = """
            UPDATE records.tm_lead u SET tps_checked_on = ?,
                   tps_status = (SELECT CASE WHEN s.on_tps THEN 'TPS' WHEN s.on_ctps THEN 'CTPS' ELSE 'CLEAR' END
                                 FROM records.tm_lead_screening s
                                 WHERE s.lead_id = u.id AND s.screened_on = ? ORDER BY s.id DESC FETCH FIRST 1 ROWS ONLY)
            WHERE u.phone_key IS NOT NULL""";
    // PostgreSQL: the insert's RETURNING rows feed the update as one join, so the pass reads the
    // screening table zero times rather than probing it once per lead (13.5 s against a 1.42 s
    // anti-join at 200,000 leads). Each lead is inserted once, so its row is that day's latest.
    private static final String SCREEN_AND_APPLY = """
            WITH s AS (%s
                       RETURNING lead_id, on_tps, on_ctps)
            UPDATE records.tm_lead u SET tps_checked_on = ?,
                   tps_status = CASE WHEN s.on_tps THEN 'TPS' WHEN s.on_ctps THEN 'CTPS' ELSE 'CLEAR' END
            FROM s WHERE u.id = s.lead_id""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Boolean postgres;

    public LeadScreening(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Screens every lead with a number today; returns how many were screened. */
    @Transactional
    public int screenAll() {
        LocalDate today = LocalDate.now(clock);
        if (onPostgres()) {
            return jdbc.update(SCREEN_AND_APPLY.formatted(SCREEN), today, today);
        }
        int screened = jdbc.update(SCREEN, today);
        jdbc.update(APPLY, today, today);
        return screened;
    }

    /** Screens one lead today (at import). */
    @Transactional
    public void screenLead(long leadId) {
        LocalDate today = LocalDate.now(clock);
        if (onPostgres()) {
            jdbc.update(SCREEN_AND_APPLY.formatted(SCREEN + " AND l.id = ?"), today, leadId, today);
        } else if (jdbc.update(SCREEN + " AND l.id = ?", today, leadId) > 0) {
            jdbc.update(APPLY + " AND u.id = ?", today, today, leadId);
        }
    }

    private boolean onPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>)
                    connection -> connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    /** Every date a lead was screened, oldest first. */
    public List<LocalDate> screenings(long leadId) {
        return jdbc.queryForList(
                "SELECT screened_on FROM records.tm_lead_screening WHERE lead_id = ? ORDER BY screened_on",
                LocalDate.class,
                leadId);
    }
}
