package uk.lucidservices.privacydesk.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * ICO time limits for UK GDPR rights requests: one calendar month from the day of receipt (that day
 * is day 1), extendable to three months, clock stopped during clarification, and a deadline that
 * lands on a weekend or bank holiday moves to the next working day. The internal target is day 28
 * counting the clock start as day 1 (received Monday 15 June: target Sunday 12 July).
 */
public final class DeadlineCalculator {

    static final int STATUTORY_MONTHS = 1;
    static final int EXTENDED_MONTHS = 3;
    static final int INTERNAL_TARGET_DAYS = 28;
    static final int ESCALATION_LEAD_DAYS = 7;
    static final int COMPLAINT_ACK_DAYS = 30;
    static final int COMPLAINT_ADR_DAYS = 56;

    private final UkCalendar calendar;

    public DeadlineCalculator(UkCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** All request dates as of {@code today} (which only matters for open pauses). */
    public Deadlines compute(RequestClock clock, LocalDate today) {
        long paused = clock.pausedDays(today);
        LocalDate statutory = statutoryDeadline(clock, today);
        // ICO's practical period: day 28 counting the day of receipt (or of ID) as day 1.
        LocalDate internal =
                clock.extended() ? statutory : clock.clockStart().plusDays(INTERNAL_TARGET_DAYS - 1 + paused);
        return new Deadlines(
                clock.clockStart(),
                statutory,
                internal,
                internal.minusDays(ESCALATION_LEAD_DAYS),
                paused,
                clock.isPaused(),
                clock.extended());
    }

    /** Statutory deadline, extended or not, as of {@code today}. */
    public LocalDate statutoryDeadline(RequestClock clock, LocalDate today) {
        return deadline(clock, today, clock.extended() ? EXTENDED_MONTHS : STATUTORY_MONTHS);
    }

    /** An extension must be made within the first month, and only once. */
    public boolean extensionAllowed(RequestClock clock, LocalDate today) {
        return !clock.extended() && !today.isAfter(deadline(clock, today, STATUTORY_MONTHS));
    }

    /**
     * An objection (a marketing objection, a do-not-record request):
     * no ID, no pause, no extension. Internal target and escalation: the next working day after
     * receipt; the statutory month (moved off a weekend or bank holiday) stays the outer limit.
     */
    public Deadlines nextWorkingDay(LocalDate received) {
        LocalDate target = calendar.onOrNextWorkingDay(received.plusDays(1));
        LocalDate statutory = calendar.onOrNextWorkingDay(received.plusMonths(STATUTORY_MONTHS));
        return new Deadlines(received, statutory, target, target, 0, false, false);
    }

    public ComplaintDeadlines complaint(LocalDate received) {
        LocalDate internal = received.plusDays(INTERNAL_TARGET_DAYS);
        return new ComplaintDeadlines(
                received,
                // DPA 2018 s.164A(3): "within 30 days beginning with" receipt, so the day of receipt is day 1.
                received.plusDays(COMPLAINT_ACK_DAYS - 1),
                internal,
                internal.minusDays(ESCALATION_LEAD_DAYS),
                received.plusDays(COMPLAINT_ADR_DAYS));
    }

    public SlaStatus status(LocalDate deadline, LocalDate today) {
        return SlaStatus.forDaysLeft(daysLeft(deadline, today));
    }

    /** Calendar days from {@code today} to {@code deadline}: 0 on the day, negative once passed. */
    public long daysLeft(LocalDate deadline, LocalDate today) {
        return ChronoUnit.DAYS.between(today, deadline);
    }

    // plusMonths clamps to the month's last day, as the ICO guidance requires; pauses are added
    // before the working-day shift so a pause cannot land the deadline on a bank holiday.
    private LocalDate deadline(RequestClock clock, LocalDate today, int months) {
        LocalDate unrolled = clock.clockStart().plusMonths(months).plusDays(clock.pausedDays(today));
        return calendar.onOrNextWorkingDay(unrolled);
    }
}
