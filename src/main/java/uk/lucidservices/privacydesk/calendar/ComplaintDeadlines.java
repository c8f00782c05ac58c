package uk.lucidservices.privacydesk.calendar;

import java.time.LocalDate;

/**
 * Computed dates for a complaint.
 *
 * @param acknowledgementDue statutory data protection complaint acknowledgement (30 days)
 * @param ofcomAdrPoint      8 weeks: the complainant may go to ADR / the regulator
 */
public record ComplaintDeadlines(
        LocalDate received,
        LocalDate acknowledgementDue,
        LocalDate internalTarget,
        LocalDate escalationDate,
        LocalDate ofcomAdrPoint) {}
