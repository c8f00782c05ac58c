package uk.lucidservices.privacydesk.sla;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import uk.lucidservices.privacydesk.calendar.SlaStatus;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * One open request on the managers' SLA dashboard: its clocks and their state, no personal data.
 *
 * @param breaches          the clocks recorded as breached
 * @param rag               RED when breached or past a clock, AMBER with 7 days or fewer on either clock, else GREEN
 * @param processInstanceId the request's process, for the link into Cockpit
 */
record RequestSla(
        String reference,
        RequestType type,
        String status,
        OffsetDateTime receivedAt,
        LocalDate clockStart,
        LocalDate statutoryDeadline,
        long statutoryDaysLeft,
        LocalDate internalTarget,
        long internalDaysLeft,
        LocalDate escalationDate,
        boolean paused,
        boolean extended,
        boolean breached,
        List<SlaClock> breaches,
        SlaStatus rag,
        String processInstanceId) {

    static SlaStatus ragOf(boolean breached, long statutoryDaysLeft, long internalDaysLeft) {
        if (breached) {
            return SlaStatus.RED;
        }
        SlaStatus statutory = SlaStatus.forDaysLeft(statutoryDaysLeft);
        SlaStatus internal = SlaStatus.forDaysLeft(internalDaysLeft);
        return statutory.compareTo(internal) >= 0 ? statutory : internal;
    }

    long fewestDaysLeft() {
        return Math.min(statutoryDaysLeft, internalDaysLeft);
    }
}
