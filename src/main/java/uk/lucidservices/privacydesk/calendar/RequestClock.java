package uk.lucidservices.privacydesk.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The clock facts of one rights request.
 *
 * @param receivedDate date the request arrived
 * @param clockStart   date the clock started (ID or fee received); {@code null} means the received date
 * @param pauses       clarification pauses, open or closed
 * @param extended     whether the two-month extension has been applied
 */
public record RequestClock(LocalDate receivedDate, LocalDate clockStart, List<ClockPause> pauses, boolean extended) {

    public RequestClock {
        Objects.requireNonNull(receivedDate, "receivedDate");
        clockStart = clockStart == null ? receivedDate : clockStart;
        if (clockStart.isBefore(receivedDate)) {
            throw new IllegalArgumentException("clockStart " + clockStart + " is before receivedDate " + receivedDate);
        }
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    /** A fresh request: clock starts on receipt, no pauses, not extended. */
    public static RequestClock receivedOn(LocalDate receivedDate) {
        return new RequestClock(receivedDate, null, List.of(), false);
    }

    public RequestClock withClockStart(LocalDate start) {
        return new RequestClock(receivedDate, start, pauses, extended);
    }

    public RequestClock withPause(ClockPause pause) {
        List<ClockPause> all = new ArrayList<>(pauses);
        all.add(Objects.requireNonNull(pause, "pause"));
        return new RequestClock(receivedDate, clockStart, all, extended);
    }

    public RequestClock withExtended(boolean extend) {
        return new RequestClock(receivedDate, clockStart, pauses, extend);
    }

    /** Total paused days, counting open pauses up to {@code today}. */
    public long pausedDays(LocalDate today) {
        return pauses.stream().mapToLong(p -> p.days(today)).sum();
    }

    /** True while a pause is open. */
    public boolean isPaused() {
        return pauses.stream().anyMatch(ClockPause::isOpen);
    }
}
