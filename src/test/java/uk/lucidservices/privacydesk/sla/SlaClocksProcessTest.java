package uk.lucidservices.privacydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.mail.TemplateOverride;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/** The shared clocks process, driven through the TEST request process: one test per timer. */
class SlaClocksProcessTest extends SlaIntegrationTest {

    @Autowired
    ClockStore store;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SentLetters sentLetters;

    @Test
    void clocksStartWithTheRequestAndEachTimerWaitsForItsRegisterDate() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 0);
        ProcessInstance parent = startProcess(request);

        ProcessInstance clocksInstance = clocksOf(parent);
        assertThat(clocksInstance.getBusinessKey()).isEqualTo(request.reference());
        // Received Monday 15 June (day 1): internal target day 28, Sunday 12 July; reminder 14 days and
        // escalation 7 days before it; statutory deadline 15 July (a Wednesday). Breaches once the day is over.
        Map<SlaClock, Date> expected =
                firing("2026-06-28T08:00", "2026-07-05T08:00", "2026-07-13T00:00", "2026-07-16T00:00");
        for (SlaClock slaClock : SlaClock.values()) {
            assertThat(timer(parent, slaClock).getDuedate()).as(slaClock.name()).isEqualTo(expected.get(slaClock));
            assertThat(runtimeService.getVariable(clocksInstance.getId(), slaClock.variable()))
                    .isEqualTo(expected.get(slaClock));
        }
    }

    @Test
    void escalationFiresAtTheMovedClockNotTheOriginalOne() throws Exception {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 3);
        ProcessInstance parent = startProcess(request);
        Date original = timer(parent, SlaClock.ESCALATION).getDuedate();
        // Received Friday 12 June (day 1): internal target day 28, 9 July; escalation 2 July.
        assertThat(original).isEqualTo(ukTime("2026-07-02T08:00"));

        // ID arrives today: the clock starts three days later, and so does the escalation.
        doStep(parent, "startClock", Map.of(StartClockOnIdArrival.ID_RECEIVED_ON, today().toString()));
        // Clock start 15 June: internal target 12 July, escalation 5 July.
        assertThat(clocks.current(request.reference()).escalationDate()).isEqualTo(LocalDate.of(2026, 7, 5));
        Job escalation = timer(parent, SlaClock.ESCALATION);
        assertThat(escalation.getDuedate()).isEqualTo(ukTime("2026-07-05T08:00"));

        ClockUtil.setCurrentTime(original);
        assertThat(managementService
                        .createJobQuery()
                        .jobId(escalation.getId())
                        .executable()
                        .count())
                .as("not due on the old date")
                .isZero();
        ClockUtil.setCurrentTime(escalation.getDuedate());
        assertThat(managementService
                        .createJobQuery()
                        .jobId(escalation.getId())
                        .executable()
                        .count())
                .as("due on the moved date")
                .isOne();

        try (TemplateOverride marked =
                TemplateOverride.withMarker("staff-notice.txt", "{{/breach}}", "\nMARKER-staff-notice\n")) {
            managementService.executeJob(escalation.getId());
        }

        assertThat(timer(parent, SlaClock.ESCALATION))
                .as("escalation done, not re-armed")
                .isNull();
        assertThat(eventKinds(request.reference())).contains("SLA_ESCALATED");
        MimeMessage notice = awaitMail("Escalation: " + request.reference());
        assertThat(recipients(notice)).contains("mark@staff.lucidservices.uk");
        assertThat(((InternetAddress) notice.getFrom()[0]).getAddress())
                .as("not the privacy mailbox the intake reads")
                .isEqualTo("privacy-desk@lucidservices.uk");
        assertThat(GreenMailUtil.getBody(notice))
                .as("rendered from the staff-notice template")
                .contains("MARKER-staff-notice")
                .doesNotContain("Sam Testperson", "sam.testperson@example.com");
        assertThat(sentLetters.forReference(request.reference()))
                .as("recorded once, for the managers")
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.template()).isEqualTo("staff-notice");
                    assertThat(l.recipient()).isEqualTo("managers");
                    assertThat(l.channel()).isEqualTo(Recipient.Channel.EMAIL);
                    assertThat(l.messageId()).isEqualTo(notice.getMessageID());
                });
        assertThat(sentLetters.referenceForMessageIds(List.of(notice.getMessageID())))
                .as("a colleague's answer is not the requester's reply")
                .isEmpty();
    }

    @Test
    void reminderGoesToTheAssigneeOfTheRequestsOpenTask() throws Exception {
        Request request = logRequest(RequestType.ERASURE, 1);
        ProcessInstance parent = startProcess(request);
        taskService.claim(workTask(parent).getId(), "peter");

        fire(timer(parent, SlaClock.REMINDER));

        MimeMessage notice = awaitMail("Reminder: " + request.reference());
        assertThat(recipients(notice)).containsExactly("peter@staff.lucidservices.uk");
        assertThat(sentLetters.forReference(request.reference()))
                .extracting(SentLetters.SentLetter::template, SentLetters.SentLetter::recipient)
                .containsExactly(tuple("staff-notice", "assignees"));
        assertThat(eventKinds(request.reference())).contains("SLA_REMINDER");
        assertThat(timer(parent, SlaClock.REMINDER)).isNull();
    }

    @Test
    void internalTargetBreachIsRecordedCountedAndRaisedAsAnIncidentOnTheRequest() throws Exception {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 2);
        ProcessInstance parent = startProcess(request);
        double before = breachCount(RequestType.SUBJECT_ACCESS, SlaClock.INTERNAL_TARGET);

        fire(timer(parent, SlaClock.INTERNAL_TARGET));

        assertThat(register.get(request.reference()).breached()).isTrue();
        ClockStore.ClockRecord record = store.record(request.id()).orElseThrow();
        assertThat(record.breaches()).containsExactly(SlaClock.INTERNAL_TARGET);
        assertThat(eventKinds(request.reference())).contains("SLA_BREACHED");
        Incident incident = runtimeService
                .createIncidentQuery()
                .processInstanceId(parent.getId())
                .singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(RecordSlaBreach.INCIDENT_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("CallActivity_SlaClocks");
        assertThat(incident.getConfiguration()).isEqualTo("INTERNAL_TARGET");
        assertThat(incident.getIncidentMessage()).isEqualTo("SLA breach: internal target for " + request.reference());
        assertThat(breachCount(RequestType.SUBJECT_ACCESS, SlaClock.INTERNAL_TARGET))
                .isEqualTo(before + 1);
        assertThat(recipients(awaitMail("SLA breach: " + request.reference() + " internal target")))
                .contains("mark@staff.lucidservices.uk");
        // The statutory clock still runs.
        assertThat(timer(parent, SlaClock.STATUTORY_DEADLINE)).isNotNull();
    }

    @Test
    void statutoryDeadlineBreachIsRecordedAndItsIncidentStaysUntilTheRequestEnds() throws Exception {
        Request request = logRequest(RequestType.ERASURE, 2);
        ProcessInstance parent = startProcess(request);
        for (SlaClock earlier : List.of(SlaClock.REMINDER, SlaClock.ESCALATION, SlaClock.INTERNAL_TARGET)) {
            fire(timer(parent, earlier));
        }
        ProcessInstance clocksInstance = clocksOf(parent);

        fire(timer(parent, SlaClock.STATUTORY_DEADLINE));

        ClockStore.ClockRecord record = store.record(request.id()).orElseThrow();
        assertThat(record.breaches()).containsExactly(SlaClock.INTERNAL_TARGET, SlaClock.STATUTORY_DEADLINE);
        List<Incident> incidents = runtimeService
                .createIncidentQuery()
                .processInstanceId(parent.getId())
                .incidentType(RecordSlaBreach.INCIDENT_TYPE)
                .list();
        assertThat(incidents)
                .extracting(Incident::getConfiguration)
                .containsExactlyInAnyOrder("INTERNAL_TARGET", "STATUTORY_DEADLINE");
        assertThat(recipients(awaitMail("SLA breach: " + request.reference() + " statutory deadline")))
                .contains("mark@staff.lucidservices.uk");
        // Every timer has fired; the two breach timers wait again, held, in case the dates move. The
        // clocks run as long as the request, so Cockpit keeps the incidents.
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(clocksInstance.getId())
                        .list())
                .extracting(Job::getDuedate)
                .containsExactly(TimerDates.HELD, TimerDates.HELD);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(clocksInstance.getId())
                        .count())
                .isOne();

        doStep(parent, "respond", Map.of());

        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(request.reference())
                        .count())
                .isZero();
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(parent.getId())
                        .count())
                .isZero();
    }

    @Test
    void aTimerWhoseClockMovedWithoutItWaitsAgainInsteadOfFiring() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 5);
        ProcessInstance parent = startProcess(request);
        Job stale = timer(parent, SlaClock.INTERNAL_TARGET);
        // Received 10 June (day 1): internal target day 28, 7 July, breached once that day is over.
        assertThat(stale.getDuedate()).isEqualTo(ukTime("2026-07-08T00:00"));
        // The register moves (clock start on ID, five days later) but this job is left where it was.
        jdbc.update("UPDATE desk.request SET clock_start = ? WHERE id = ?", today(), request.id());
        // Clock start 15 June: internal target 12 July.
        Date moved = ukTime("2026-07-13T00:00");

        fire(stale);

        assertThat(register.get(request.reference()).breached())
                .as("no breach on a stale date")
                .isFalse();
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(parent.getId())
                        .count())
                .isZero();
        Job rearmed = timer(parent, SlaClock.INTERNAL_TARGET);
        assertThat(rearmed.getDuedate()).isEqualTo(moved).isAfter(stale.getDuedate());
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(clocksOf(parent).getId())
                        .activityId(SlaClock.INTERNAL_TARGET.againActivityId())
                        .singleResult())
                .as("it waits at the timer that waits again")
                .extracting(Job::getId)
                .isEqualTo(rearmed.getId());

        // The timer that waits again moves with the clock like the first one: a pause holds it.
        doStep(parent, "pause", Map.of(PauseClock.ASKED_ON, today().toString()));
        assertThat(timer(parent, SlaClock.INTERNAL_TARGET).getDuedate()).isEqualTo(TimerDates.HELD);
    }

    @Test
    void runningClocksAreTheInstanceAndOneWaitWithTheFourTimersOnIt() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 0);
        ProcessInstance parent = startProcess(request);
        String clocks = clocksOf(parent).getId();

        // A branch per timer cost two executions each (a concurrent one and the timer's scope); the
        // timers are boundary events on the wait for the request to close, so a start writes two.
        assertThat(runtimeService
                        .createExecutionQuery()
                        .processInstanceId(clocks)
                        .count())
                .isEqualTo(2);
        assertThat(runtimeService.getActiveActivityIds(clocks)).containsExactly("Task_AwaitRequestClosed");
        String waiting = runtimeService
                .createExecutionQuery()
                .processInstanceId(clocks)
                .activityId("Task_AwaitRequestClosed")
                .singleResult()
                .getId();
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(clocks)
                        .timers()
                        .list())
                .extracting(Job::getExecutionId)
                .containsExactly(waiting, waiting, waiting, waiting);
        for (SlaClock slaClock : SlaClock.values()) {
            assertThat(managementService
                            .createJobQuery()
                            .executionId(waiting)
                            .activityId(slaClock.timerActivityId())
                            .count())
                    .as(slaClock.name())
                    .isEqualTo(1);
        }
    }

    @Test
    void whileTheClockIsStoppedATimerForcedToFireIsHeldAgainWithoutActing() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 30);
        ProcessInstance parent = startProcess(request);
        doStep(parent, "pause", Map.of(PauseClock.ASKED_ON, today().minusDays(2).toString()));
        Job held = timer(parent, SlaClock.INTERNAL_TARGET);
        assertThat(held.getDuedate()).isEqualTo(TimerDates.HELD);

        // Someone releases the held timer by hand in Cockpit; it fires at once.
        managementService.setJobDuedate(held.getId(), ClockUtil.getCurrentTime());
        managementService.executeJob(held.getId());

        assertThat(register.get(request.reference()).breached()).isFalse();
        assertThat(eventKinds(request.reference())).doesNotContain("SLA_BREACHED");
        assertThat(timer(parent, SlaClock.INTERNAL_TARGET).getDuedate()).isEqualTo(TimerDates.HELD);
    }

    @Test
    void answeringTheRequestCancelsItsClocksEvenWhilePaused() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 4);
        ProcessInstance parent = startProcess(request);
        ProcessInstance clocksInstance = clocksOf(parent);
        doStep(parent, "pause", Map.of(PauseClock.ASKED_ON, today().minusDays(1).toString()));
        assertThat(timer(parent, SlaClock.STATUTORY_DEADLINE).getDuedate()).isEqualTo(TimerDates.HELD);

        doStep(parent, "respond", Map.of());

        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(parent.getId())
                        .count())
                .isZero();
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(clocksInstance.getId())
                        .count())
                .isZero();
        assertThat(managementService
                        .createJobQuery()
                        .processInstanceId(clocksInstance.getId())
                        .count())
                .isZero();
    }

    private double breachCount(RequestType type, SlaClock slaClock) {
        return meters.get("desk.requests.breaches")
                .tag("type", type.name())
                .tag("clock", slaClock.name())
                .counter()
                .count();
    }

    static MimeMessage awaitMail(String subjectStart) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                                .filter(m -> subject(m).startsWith("[Privacy Desk] " + subjectStart))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
    }

    static List<String> recipients(MimeMessage message) throws Exception {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .map(Object::toString)
                .toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
