package uk.lucidservices.privacydesk.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The request clocks and the staff notices they send ({@code desk.sla.*}).
 *
 * @param reminderLeadDays  days before a request's internal target that the holders of its open tasks
 *                          are reminded (never before the clock starts)
 * @param noticeTime        the UK time of day reminders and escalations go out on their day; breaches fire
 *                          at midnight after the deadline day
 * @param replyChaseAfter   how long the desk waits for a requester's reply before chasing it (ISO 8601
 *                          period; must be positive)
 * @param clarificationWait how long the clock stays stopped waiting for a clarification before the request
 *                          is closed (ISO 8601 period; must be positive)
 * @param bankHolidaysFile  a file of England and Wales bank holidays that replaces the bundled list, for a
 *                          one-off holiday the government announces; empty: the bundled list
 * @param notices           staff notices
 * @param metrics           the {@code desk_requests_*} gauges
 */
@Validated
@ConfigurationProperties("desk.sla")
public record SlaProperties(
        @DefaultValue("14") @PositiveOrZero int reminderLeadDays,
        @DefaultValue("08:00") @NotNull LocalTime noticeTime,
        @DefaultValue("P14D") @NotNull Period replyChaseAfter,
        @DefaultValue("P1M") @NotNull Period clarificationWait,
        @DefaultValue("") String bankHolidaysFile,
        @DefaultValue @Valid Notices notices,
        @DefaultValue @Valid Metrics metrics) {

    /**
     * Staff notices: reminders, escalations and breaches.
     *
     * @param deskUrl base address of the desk, for the Tasklist and Cockpit links in staff notices;
     *                DESK_URL, default the desk's public address
     */
    public record Notices(
            @DefaultValue("http://localhost:8080") @NotNull String deskUrl) {}

    /**
     * The {@code desk_requests_*} gauges, recomputed from the register.
     *
     * @param refresh      how often they are recomputed
     * @param firstRefresh how long after start-up they are first computed
     */
    public record Metrics(
            @DefaultValue("PT1M") Duration refresh,
            @DefaultValue("PT30S") Duration firstRefresh) {}
}
