package uk.lucidservices.privacydesk.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A "stop the clock" period while we wait for the requester to clarify.
 *
 * @param asked    date the clarification was requested
 * @param answered date the requester replied, or {@code null} while still waiting
 */
public record ClockPause(LocalDate asked, LocalDate answered) {

    public ClockPause {
        Objects.requireNonNull(asked, "asked");
        if (answered != null && answered.isBefore(asked)) {
            throw new IllegalArgumentException("answered " + answered + " is before asked " + asked);
        }
    }

    public static ClockPause open(LocalDate asked) {
        return new ClockPause(asked, null);
    }

    public static ClockPause closed(LocalDate asked, LocalDate answered) {
        return new ClockPause(asked, Objects.requireNonNull(answered, "answered"));
    }

    public boolean isOpen() {
        return answered == null;
    }

    /** Days the clock stood still; an open pause counts up to {@code today} (never negative). */
    public long days(LocalDate today) {
        LocalDate end = isOpen() ? Objects.requireNonNull(today, "today") : answered;
        return Math.max(0, ChronoUnit.DAYS.between(asked, end));
    }
}
