package uk.lucidservices.privacydesk.calendar;

import java.time.LocalDate;

/**
 * Computed dates for a complaint.
 *
 * @param acknowledgementDue DPA 2018 s.164A: the data-protection complaint is acknowledged within 30 days
 *                           beginning with receipt (the day of receipt is day 1: received 15 June, due 14 July)
 * @param ofcomAdrPoint      the ADR point, 8 weeks (56 days) after receipt (Ofcom GC C4): the complainant may
 *                           go to the ADR scheme. Not a statutory deadline, though the register's
 *                           statutory column holds it for a complaint.
 */
public record ComplaintDeadlines(
        LocalDate received,
        LocalDate acknowledgementDue,
        LocalDate internalTarget,
        LocalDate escalationDate,
        LocalDate ofcomAdrPoint) {}
