package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Turns a request's dates into the instants the engine works with, in UK time:
 * notices (reminder, escalation) go out at the start of the working day; a breach fires when
 * the deadline day is over, at midnight; a task is due at the end of its deadline day and
 * comes up for follow-up at the start of the escalation day.
 */
@Component
public class TimerDates {

    /** Where a timer waits while its request's clock is stopped: it cannot fire however long the pause lasts. */
    public static final Date HELD = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

    private final ZoneId zone;
    private final int reminderLeadDays;
    private final LocalTime noticeTime;

    public TimerDates(Clock clock, SlaProperties properties) {
        this.zone = clock.getZone();
        this.reminderLeadDays = properties.reminderLeadDays();
        this.noticeTime = properties.noticeTime();
    }

    /** The reminder goes to assignees this many days before the internal target, never before the clock starts. */
    public LocalDate reminderDate(Deadlines d) {
        LocalDate reminder = d.internalTarget().minusDays(reminderLeadDays);
        return reminder.isBefore(d.clockStart()) ? d.clockStart() : reminder;
    }

    public LocalDate date(SlaClock clock, Deadlines d) {
        return switch (clock) {
            case REMINDER -> reminderDate(d);
            case ESCALATION -> d.escalationDate();
            case INTERNAL_TARGET -> d.internalTarget();
            case STATUTORY_DEADLINE -> d.statutoryDeadline();
        };
    }

    /** When the timer for {@code clock} fires. */
    public Date firesAt(SlaClock clock, Deadlines d) {
        LocalDate date = date(clock, d);
        return clock.isBreach() ? at(date.plusDays(1), LocalTime.MIDNIGHT) : at(date, noticeTime);
    }

    /** When the timer for {@code clock} should be armed: {@link #firesAt}, or {@link #HELD} while a pause is open. */
    public Date armAt(SlaClock clock, Deadlines d) {
        return d.paused() ? HELD : firesAt(clock, d);
    }

    /** {@link #armAt} for every clock. */
    public Map<SlaClock, Date> all(Deadlines d) {
        Map<SlaClock, Date> dates = new EnumMap<>(SlaClock.class);
        for (SlaClock clock : SlaClock.values()) {
            dates.put(clock, armAt(clock, d));
        }
        return dates;
    }

    /**
     * A task's due date: the statutory deadline for rights requests; the 28-day internal target for
     * complaints, whose outside point (Ofcom's eight weeks) is not a date anyone should work to.
     */
    public Date taskDue(RequestType type, Deadlines d) {
        LocalDate due = type == RequestType.COMPLAINT ? d.internalTarget() : d.statutoryDeadline();
        return at(due, LocalTime.of(23, 59));
    }

    /** When a notice to send on {@code day} goes out (the start of the working day, UK time). */
    public Date noticeOn(LocalDate day) {
        return at(day, noticeTime);
    }

    /** The end of {@code day}, UK time: when a task due that day falls due. */
    public Date endOf(LocalDate day) {
        return at(day, LocalTime.of(23, 59));
    }

    /** The start of {@code day}, UK time. */
    public Date startOf(LocalDate day) {
        return at(day, LocalTime.MIDNIGHT);
    }

    public Date taskFollowUp(Deadlines d) {
        return at(d.escalationDate(), LocalTime.MIDNIGHT);
    }

    private Date at(LocalDate date, LocalTime time) {
        return Date.from(date.atTime(time).atZone(zone).toInstant());
    }
}
