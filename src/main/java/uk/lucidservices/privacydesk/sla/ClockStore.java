package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.lucidservices.privacydesk.calendar.ClockPause;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * The clock facts of requests: pauses (its own table), and the extension, breaches and computed
 * dates, which live on the request and are stored through the register that owns it.
 */
@Repository
public class ClockStore {

    /** What the register says about a request's extension and breaches, beyond {@code Request}. */
    public record ClockRecord(
            String extensionReason,
            String extensionApprovedBy,
            LocalDate extendedOn,
            OffsetDateTime extensionNoticeSentAt,
            OffsetDateTime internalTargetBreachedAt,
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
    private final RequestRegister register;
    private final Clock clock;

    public ClockStore(JdbcTemplate jdbc, RequestRegister register, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.clock = clock;
    }

    public List<ClockPause> pauses(long requestId) {
        return jdbc.query(
                "SELECT asked, answered FROM desk.clock_pause WHERE request_id = ? ORDER BY asked, id",
                (rs, i) -> new ClockPause(
                        rs.getObject("asked", LocalDate.class), rs.getObject("answered", LocalDate.class)),
                requestId);
    }

    /** Pauses of every open request, for the dashboard and the metrics (pauses are few: one per clarification). */
    public Map<Long, List<ClockPause>> pausesOfOpenRequests() {
        Set<Long> open = register.clockColumnsOfOpenRequests().keySet();
        Map<Long, List<ClockPause>> pauses = new HashMap<>();
        jdbc.query("SELECT request_id, asked, answered FROM desk.clock_pause ORDER BY asked, id", rs -> {
            if (open.contains(rs.getLong("request_id"))) {
                pauses.computeIfAbsent(rs.getLong("request_id"), id -> new ArrayList<>())
                        .add(new ClockPause(
                                rs.getObject("asked", LocalDate.class), rs.getObject("answered", LocalDate.class)));
            }
        });
        return pauses;
    }

    public void openPause(long requestId, LocalDate asked) {
        jdbc.update(
                "INSERT INTO desk.clock_pause (request_id, asked, created_at) VALUES (?, ?, ?)",
                requestId,
                asked,
                now());
    }

    public void closePause(long requestId, LocalDate answered) {
        jdbc.update(
                "UPDATE desk.clock_pause SET answered = ? WHERE request_id = ? AND answered IS NULL",
                answered,
                requestId);
    }

    /** Whether the request waits for ID it was asked for: its clock has not started and nothing may fall due. */
    public boolean held(long requestId) {
        Integer open = jdbc.queryForObject(
                "SELECT COUNT(*) FROM desk.clock_hold WHERE request_id = ? AND released IS NULL",
                Integer.class,
                requestId);
        return open != null && open > 0;
    }

    /** Ids of the open requests waiting for ID, for the dashboard and the metrics. */
    public Set<Long> heldRequestIds() {
        return Set.copyOf(
                jdbc.queryForList("SELECT request_id FROM desk.clock_hold WHERE released IS NULL", Long.class));
    }

    public void openHold(long requestId, LocalDate since) {
        jdbc.update(
                "INSERT INTO desk.clock_hold (request_id, since, created_at) VALUES (?, ?, ?)",
                requestId,
                since,
                now());
    }

    /** Releases the open hold, if any; answers whether there was one. */
    public boolean releaseHold(long requestId, LocalDate released) {
        return jdbc.update(
                        "UPDATE desk.clock_hold SET released = ? WHERE request_id = ? AND released IS NULL",
                        released,
                        requestId)
                > 0;
    }

    public boolean clearBreach(long requestId, SlaClock breached) {
        return switch (breached) {
            case INTERNAL_TARGET -> register.clearBreach(requestId, false);
            case STATUTORY_DEADLINE -> register.clearBreach(requestId, true);
            default -> throw new IllegalArgumentException(breached + " is not a breach");
        };
    }

    public Optional<ClockRecord> record(long requestId) {
        return register.clockColumns(requestId).map(ClockStore::record);
    }

    public Map<Long, ClockRecord> recordsOfOpenRequests() {
        Map<Long, ClockRecord> records = new HashMap<>();
        register.clockColumnsOfOpenRequests().forEach((id, columns) -> records.put(id, record(columns)));
        return records;
    }

    private static ClockRecord record(RequestRegister.ClockColumns c) {
        return new ClockRecord(
                c.extensionReason(),
                c.extensionApprovedBy(),
                c.extendedOn(),
                c.extensionNoticeSentAt(),
                c.internalTargetBreachedAt(),
                c.statutoryDeadlineBreachedAt());
    }

    /** Writes the computed dates back, so the register, Tasklist and reports agree with the timers. */
    public void saveDates(long requestId, Deadlines d) {
        register.saveClockDates(
                requestId,
                d.clockStart(),
                d.statutoryDeadline(),
                d.internalTarget(),
                d.escalationDate(),
                d.paused(),
                d.extended());
    }

    public void saveClockStart(long requestId, LocalDate clockStart) {
        register.saveClockStart(requestId, clockStart);
    }

    public void saveExtension(long requestId, String reason, String approvedBy, LocalDate on) {
        register.saveExtension(requestId, reason, approvedBy, on);
    }

    public void saveExtensionNoticeSent(long requestId) {
        register.saveExtensionNoticeSent(requestId);
    }

    /** Marks the clock breached once; answers false when it already was. */
    public boolean markBreached(long requestId, SlaClock breached) {
        return switch (breached) {
            case INTERNAL_TARGET -> register.markBreached(requestId, false);
            case STATUTORY_DEADLINE -> register.markBreached(requestId, true);
            default -> throw new IllegalArgumentException(breached + " is not a breach");
        };
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
