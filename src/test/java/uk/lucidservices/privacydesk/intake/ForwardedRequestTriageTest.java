package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.tasklist.EmbeddedForms;

/**
 * A request a colleague forwards to the desk reached the company before the forward did: triage
 * records the day it first arrived, and the clock counts from that day, not from the forward.
 */
class ForwardedRequestTriageTest extends IntakeTestSupport {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    IdentityService identityService;

    @Test
    void theClockOfAForwardedRequestCountsFromTheDayItFirstReachedTheCompany() {
        // Forwarded to the desk on Monday 15 June 2026 (the test clock); the customer wrote on Monday 8 June.
        IntakeLog.Entry entry = deliverAndPoll(TestMail.from("Rhona Baird")
                .subject("Fwd: my details")
                .text("Forwarding this from the sales inbox.\n\n> Hello, what information do you hold on me?"));
        assertThat(entry.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        assertThat(EmbeddedForms.read(EmbeddedForms.PREFIX + "mail-triage.html"))
                .contains("cam-variable-name=\"reachedCompanyOn\"");

        completeAsOlivia(
                triageTask(entry), Map.of("triageDecision", "SUBJECT_ACCESS", "reachedCompanyOn", "2026-06-08"));

        Request request = register.get(intakeLog.find(entry.id()).orElseThrow().requestReference());
        assertThat(request.receivedAt().atZoneSameInstant(UK).toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 8));
        // One calendar month from Monday 8 June 2026: Wednesday 8 July 2026, a working day.
        assertThat(request.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 8));
    }

    @Test
    void withoutADateTheClockCountsFromTheDayTheMailArrived() {
        IntakeLog.Entry entry =
                deliverAndPoll(TestMail.from("Silas Crane").subject("Question").text("What do you hold about me?"));

        completeAsOlivia(triageTask(entry), Map.of("triageDecision", "SUBJECT_ACCESS", "reachedCompanyOn", ""));

        Request request = register.get(intakeLog.find(entry.id()).orElseThrow().requestReference());
        assertThat(request.receivedAt().atZoneSameInstant(UK).toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 15));
        // One calendar month from Monday 15 June 2026: Wednesday 15 July 2026.
        assertThat(request.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 15));
    }

    @Test
    void aDateAfterTheForwardArrivedIsRefusedAndTheTaskStaysOpen() {
        IntakeLog.Entry entry = deliverAndPoll(
                TestMail.from("Tamsin Lowe").subject("Fwd: data").text("See below.\n\n> Send me my data"));
        Task task = triageTask(entry);

        assertThatThrownBy(() -> completeAsOlivia(
                        task, Map.of("triageDecision", "SUBJECT_ACCESS", "reachedCompanyOn", "2026-06-16")))
                .hasMessageContaining("after this mail arrived");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(intakeLog.find(entry.id()).orElseThrow().requestReference()).isNull();
    }

    private Task triageTask(IntakeLog.Entry entry) {
        return taskService
                .createTaskQuery()
                .processInstanceId(entry.triageInstanceId())
                .singleResult();
    }

    private void completeAsOlivia(Task task, Map<String, Object> variables) {
        identityService.setAuthentication("olivia", List.of(DeskGroups.PRIVACY_OFFICERS));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
