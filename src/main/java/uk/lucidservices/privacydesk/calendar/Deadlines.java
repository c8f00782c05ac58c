package uk.lucidservices.privacydesk.calendar;

import java.time.LocalDate;

/**
 * Computed dates for a rights request.
 *
 * @param paused true while a pause is open (dates will keep moving)
 */
public record Deadlines(
        LocalDate clockStart,
        LocalDate statutoryDeadline,
        LocalDate internalTarget,
        LocalDate escalationDate,
        long pausedDays,
        boolean paused,
        boolean extended) {}
