package uk.lucidservices.privacydesk.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.UkCalendar;
import uk.lucidservices.privacydesk.request.DeskProcessStart;

/**
 * Puts a mail in front of a person: starts {@code mail-triage} (a task in Tasklist for the
 * candidate group {@code triageGroup}) with the intake entry's id and a reason, never the mail's
 * content. Mail about a complaint (a complainant's reply the desk could not file by itself) goes
 * to complaint handlers, need to know; any other mail to privacy officers. Its due date runs from
 * the day the mail arrived, because a request's clock does too: the end of the second England and
 * Wales working day after it, so a mail that arrives on a Friday is due on Tuesday, not Sunday.
 */
@Component
class TriageStarter {

    public static final String PROCESS_KEY = "mail-triage";

    private final RuntimeService runtimeService;
    private final IntakeProperties properties;
    private final Clock clock;
    private final UkCalendar calendar;

    public TriageStarter(RuntimeService runtimeService, IntakeProperties properties, Clock clock, UkCalendar calendar) {
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Returns the triage process instance id; {@code group} is the team whose queue the task joins. */
    String start(long intakeId, String reason, Instant arrivedAt, String group) {
        LocalDate arrived = (arrivedAt != null ? arrivedAt : clock.instant())
                .atZone(clock.getZone())
                .toLocalDate();
        ZonedDateTime followUp = calendar.plusWorkingDays(arrived, properties.triageFollowUpWorkingDays())
                .atStartOfDay(clock.getZone());
        ZonedDateTime due = calendar.plusWorkingDays(arrived, properties.triageDueWorkingDays())
                .atTime(LocalTime.of(23, 59, 59))
                .atZone(clock.getZone());
        return DeskProcessStart.byDesk(() -> runtimeService
                .startProcessInstanceByKey(
                        PROCESS_KEY,
                        "MAIL-" + intakeId,
                        Map.of(
                                "intakeId",
                                intakeId,
                                "triageReason",
                                reason,
                                "triageGroup",
                                group,
                                "triageFollowUp",
                                Date.from(followUp.toInstant()),
                                "triageDue",
                                Date.from(due.toInstant())))
                .getId());
    }
}
