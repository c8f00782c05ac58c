package uk.lucidservices.privacydesk.sla;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.calendar.Deadlines;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shared clocks process, driven through the TEST request process: one test per timer. */
class SlaClocksProcessTest extends SlaIntegrationTest {

    @Autowired
    ClockStore store;
    @Autowired
    MeterRegistry meters;

    @Test
    void clocksStartWithTheRequestAndEachTimerWaitsForItsRegisterDate() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 0);
        ProcessInstance parent = startProcess(request);

        ProcessInstance clocksInstance = clocksOf(parent);
        assertThat(clocksInstance.getBusinessKey()).isEqualTo(request.reference());
        Deadlines d = clocks.current(request.reference());
        for (SlaClock slaClock : SlaClock.values()) {
            assertThat(timer(parent, slaClock).getDuedate()).as(slaClock.name()).isEqualTo(expectedFiring(slaClock, d));
            assertThat(runtimeService.getVariable(clocksInstance.getId(), slaClock.variable()))
                    .isEqualTo(expectedFiring(slaClock, d));
        }
        // Escalation seven days before the internal target; breaches once the day is over.
        assertThat(timerDates.date(SlaClock.ESCALATION, d)).isEqualTo(d.internalTarget().minusDays(7));
        assertThat(timer(parent, SlaClock.INTERNAL_TARGET).getDuedate().toInstant())
                .isEqualTo(d.internalTarget().plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    @Test
    void escalationFiresAtTheMovedClockNotTheOriginalOne() throws Exception {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 3);
        ProcessInstance parent = startProcess(request);
        Date original = timer(parent, SlaClock.ESCALATION).getDuedate();
        Deadlines before = clocks.current(request.reference());

        // ID arrives today: the clock starts three days later, and so does the escalation.
        doStep(parent, "startClock", Map.of(StartClockOnIdArrival.ID_RECEIVED_ON, today().toString()));
        Deadlines after = clocks.current(request.reference());
        assertThat(after.escalationDate()).isEqualTo(before.escalationDate().plusDays(3));
        Job escalation = timer(parent, SlaClock.ESCALATION);
        assertThat(escalation.getDuedate()).isEqualTo(expectedFiring(SlaClock.ESCALATION, after)).isAfter(original);

        ClockUtil.setCurrentTime(original);
        assertThat(managementService.createJobQuery().jobId(escalation.getId()).executable().count())
                .as("not due on the old date").isZero();
        ClockUtil.setCurrentTime(escalation.getDuedate());
        assertThat(managementService.createJobQuery().jobId(escalation.getId()).executable().count())
                .as("due on the moved date").isOne();

        managementService.executeJob(escalation.getId());

        assertThat(timer(parent, SlaClock.ESCALATION)).as("escalation done, not re-armed").isNull();
        assertThat(eventKinds(request)).contains("SLA_ESCALATED");
        MimeMessage notice = awaitMail("Escalation: " + request.reference());
        assertThat(recipients(notice)).contains("mark@staff.lucidservices.co.uk");
        assertThat(GreenMailUtil.getBody(notice)).doesNotContain("Sam Testperson", "sam.testperson@example.com");
    }

    @Test
    void reminderGoesToTheAssigneeOfTheRequestsOpenTask() throws Exception {
        Request request = logRequest(RequestType.ERASURE, 1);
        ProcessInstance parent = startProcess(request);
        taskService.claim(workTask(parent).getId(), "peter");

        fire(timer(parent, SlaClock.REMINDER));

        MimeMessage notice = awaitMail("Reminder: " + request.reference());
        assertThat(recipients(notice)).containsExactly("peter@staff.lucidservices.co.uk");
        assertThat(eventKinds(request)).contains("SLA_REMINDER");
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
        assertThat(eventKinds(request)).contains("SLA_BREACHED");
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(parent.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(RecordSlaBreach.INCIDENT_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("CallActivity_SlaClocks");
        assertThat(incident.getConfiguration()).isEqualTo("INTERNAL_TARGET");
        assertThat(incident.getIncidentMessage()).isEqualTo("SLA breach: internal target for " + request.reference());
        assertThat(breachCount(RequestType.SUBJECT_ACCESS, SlaClock.INTERNAL_TARGET)).isEqualTo(before + 1);
        assertThat(recipients(awaitMail("SLA breach: " + request.reference() + " internal target")))
                .contains("mark@staff.lucidservices.co.uk");
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
        List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(parent.getId())
                .incidentType(RecordSlaBreach.INCIDENT_TYPE).list();
        assertThat(incidents).extracting(Incident::getConfiguration)
                .containsExactlyInAnyOrder("INTERNAL_TARGET", "STATUTORY_DEADLINE");
        assertThat(recipients(awaitMail("SLA breach: " + request.reference() + " statutory deadline")))
                .contains("mark@staff.lucidservices.co.uk");
        // Every timer has fired, but the clocks run as long as the request, so Cockpit keeps the incidents.
        assertThat(managementService.createJobQuery().processInstanceId(clocksInstance.getId()).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(clocksInstance.getId()).count()).isOne();

        doStep(parent, "respond", Map.of());

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(request.reference()).count())
                .isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(parent.getId()).count()).isZero();
    }

    @Test
    void aTimerWhoseClockMovedWithoutItWaitsAgainInsteadOfFiring() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 5);
        ProcessInstance parent = startProcess(request);
        Job stale = timer(parent, SlaClock.INTERNAL_TARGET);
        // The register moves (clock start on ID, five days later) but this job is left where it was.
        jdbc.update("UPDATE desk.request SET clock_start = ? WHERE id = ?", today(), request.id());
        Date moved = expectedFiring(SlaClock.INTERNAL_TARGET, clocks.current(request.reference()));

        fire(stale);

        assertThat(register.get(request.reference()).breached()).as("no breach on a stale date").isFalse();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(parent.getId()).count()).isZero();
        Job rearmed = timer(parent, SlaClock.INTERNAL_TARGET);
        assertThat(rearmed.getDuedate()).isEqualTo(moved).isAfter(stale.getDuedate());
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
        assertThat(eventKinds(request)).doesNotContain("SLA_BREACHED");
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

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(parent.getId()).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(clocksInstance.getId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(clocksInstance.getId()).count()).isZero();
    }

    private double breachCount(RequestType type, SlaClock slaClock) {
        return meters.get("desk.requests.breaches").tag("type", type.name()).tag("clock", slaClock.name())
                .counter().count();
    }

    static MimeMessage awaitMail(String subjectStart) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                .filter(m -> subject(m).startsWith("[Privacy Desk] " + subjectStart)).findFirst().orElse(null),
                m -> m != null);
    }

    static List<String> recipients(MimeMessage message) throws Exception {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
