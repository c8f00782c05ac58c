package uk.lucidservices.privacydesk.sla;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.lucidservices.privacydesk.calendar.ClockPause;
import uk.lucidservices.privacydesk.calendar.Deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The clock facts of requests in the register: pauses, extension, breaches, and the dates computed from them. */
@Repository
public class ClockStore {

    /** What the register says about a request's extension and breaches, beyond {@code Request}. */
    public record ClockRecord(String extensionReason, String extensionApprovedBy, LocalDate extendedOn,
                              OffsetDateTime extensionNoticeSentAt, OffsetDateTime internalTargetBreachedAt,
                              OffsetDateTime statutoryDeadlineBreachedAt) {

        public boolean breached(SlaClock clock) {
            return switch (clock) {
                case INTERNAL_TARGET -> internalTargetBreachedAt != null;
                case STATUTORY_DEADLINE -> statutoryDeadlineBreachedAt != null;
                default -> false;
            };
        }

        public List<SlaClock> breaches() {
            List<SlaClock> breaches = new ArrayList<>();
            if (internalTargetBreachedAt != null) {
                breaches.add(SlaClock.INTERNAL_TARGET);
            }
            if (statutoryDeadlineBreachedAt != null) {
                breaches.add(SlaClock.STATUTORY_DEADLINE);
            }
            return breaches;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ClockStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<ClockPause> pauses(long requestId) {
        return jdbc.query("SELECT asked, answered FROM desk.clock_pause WHERE request_id = ? ORDER BY asked, id",
                (rs, i) -> new ClockPause(rs.getObject("asked", LocalDate.class), rs.getObject("answered", LocalDate.class)),
                requestId);
    }

    /** Pauses of every open request in one query, for the dashboard and the metrics. */
    public Map<Long, List<ClockPause>> pausesOfOpenRequests() {
        Map<Long, List<ClockPause>> pauses = new HashMap<>();
        jdbc.query("""
                SELECT p.request_id, p.asked, p.answered FROM desk.clock_pause p
                JOIN desk.request r ON r.id = p.request_id
                WHERE r.closed_at IS NULL ORDER BY p.asked, p.id""", rs -> {
            pauses.computeIfAbsent(rs.getLong("request_id"), id -> new ArrayList<>())
                    .add(new ClockPause(rs.getObject("asked", LocalDate.class), rs.getObject("answered", LocalDate.class)));
        });
        return pauses;
    }

    public void openPause(long requestId, LocalDate asked) {
        jdbc.update("INSERT INTO desk.clock_pause (request_id, asked, created_at) VALUES (?, ?, ?)",
                requestId, asked, now());
    }

    public void closePause(long requestId, LocalDate answered) {
        jdbc.update("UPDATE desk.clock_pause SET answered = ? WHERE request_id = ? AND answered IS NULL",
                answered, requestId);
    }

    public Optional<ClockRecord> record(long requestId) {
        return jdbc.query("""
                SELECT extension_reason, extension_approved_by, extended_on, extension_notice_sent_at,
                       internal_target_breached_at, statutory_deadline_breached_at
                FROM desk.request WHERE id = ?""", (rs, i) -> new ClockRecord(
                rs.getString("extension_reason"), rs.getString("extension_approved_by"),
                rs.getObject("extended_on", LocalDate.class),
                rs.getObject("extension_notice_sent_at", OffsetDateTime.class),
                rs.getObject("internal_target_breached_at", OffsetDateTime.class),
                rs.getObject("statutory_deadline_breached_at", OffsetDateTime.class)), requestId).stream().findFirst();
    }

    public Map<Long, ClockRecord> recordsOfOpenRequests() {
        Map<Long, ClockRecord> records = new HashMap<>();
        jdbc.query("""
                SELECT id, extension_reason, extension_approved_by, extended_on, extension_notice_sent_at,
                       internal_target_breached_at, statutory_deadline_breached_at
                FROM desk.request WHERE closed_at IS NULL""", rs -> {
            records.put(rs.getLong("id"), new ClockRecord(
                    rs.getString("extension_reason"), rs.getString("extension_approved_by"),
                    rs.getObject("extended_on", LocalDate.class),
                    rs.getObject("extension_notice_sent_at", OffsetDateTime.class),
                    rs.getObject("internal_target_breached_at", OffsetDateTime.class),
                    rs.getObject("statutory_deadline_breached_at", OffsetDateTime.class)));
        });
        return records;
    }

    /** Writes the computed dates back, so the register, Tasklist and reports agree with the timers. */
    public void saveDates(long requestId, Deadlines d) {
        jdbc.update("""
                UPDATE desk.request SET clock_start = ?, statutory_deadline = ?, internal_target = ?,
                    escalation_date = ?, paused = ?, extended = ? WHERE id = ?""",
                d.clockStart(), d.statutoryDeadline(), d.internalTarget(), d.escalationDate(), d.paused(),
                d.extended(), requestId);
    }

    public void saveClockStart(long requestId, LocalDate clockStart) {
        jdbc.update("UPDATE desk.request SET clock_start = ? WHERE id = ?", clockStart, requestId);
    }

    public void saveExtension(long requestId, String reason, String approvedBy, LocalDate on) {
        jdbc.update("""
                UPDATE desk.request SET extended = TRUE, extension_reason = ?, extension_approved_by = ?, extended_on = ?
                WHERE id = ?""", reason, approvedBy, on, requestId);
    }

    public void saveExtensionNoticeSent(long requestId) {
        jdbc.update("UPDATE desk.request SET extension_notice_sent_at = ? WHERE id = ?", now(), requestId);
    }

    /** Marks the clock breached once; answers false when it already was. */
    public boolean markBreached(long requestId, SlaClock breached) {
        String column = switch (breached) {
            case INTERNAL_TARGET -> "internal_target_breached_at";
            case STATUTORY_DEADLINE -> "statutory_deadline_breached_at";
            default -> throw new IllegalArgumentException(breached + " is not a breach");
        };
        return jdbc.update("UPDATE desk.request SET breached = TRUE, " + column + " = ? WHERE id = ? AND " + column
                + " IS NULL", now(), requestId) == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
