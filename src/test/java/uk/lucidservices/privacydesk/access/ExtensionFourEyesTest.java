package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Four eyes on extensions (security review): whoever asked for the extension, by choosing triage's
 * extension route or at any stage through the endpoint, cannot approve it (ids compared as the other
 * four-eyes steps compare them); nothing is recorded and the task waits for another manager.
 */
class ExtensionFourEyesTest extends SarProcessTestSupport {

    private static final String REASON =
            "Complex request: six systems and paper files in two archives must be searched.";

    @Autowired
    TestRestTemplate http;

    @Test
    void theManagerWhoAskedForTheExtensionCannotApproveItAnotherManagerCan() {
        ProcessInstance pi = startFor(person(481), 0);
        String reference = pi.getBusinessKey();
        // The desk asks for ID; it arrives today, Monday 15 June 2026: one month is Wednesday 15 July 2026.
        process(pi).isWaitingFor("requester-reply");
        replyFromRequester(pi, 1);
        // The address matches no customer: the officer accepts it on its own first.
        long email = jdbc.queryForObject(
                "SELECT id FROM desk.request_identifier WHERE request_id = ? AND kind = 'EMAIL'",
                Long.class,
                register.get(reference).id());
        assertThat(http.withBasicAuth("olivia", "olivia")
                        .postForEntity(
                                "/api/requests/" + reference + "/identifiers/" + email + "/accept", null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        work(pi, "Task_CheckIdDocument", "olivia", Map.of("identityDecision", "CONFIRMED"));
        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(register.get(reference).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 15));

        // Mark, a manager, triages the request onto the extension route, then tries to approve his own ask.
        work(pi, "Task_TriageRequest", "mark", Map.of("triageDecision", "EXTEND", "proposedExtensionReason", REASON));
        String fromTriage = task(pi, "Task_ApproveExtension").getId();
        taskService.claim(fromTriage, "mark");
        assertThatThrownBy(() -> taskService.complete(fromTriage, Map.of("extensionDecision", "APPROVE")))
                .hasMessageContaining(
                        "You asked for the extension of " + reference + ": another manager must approve it");
        process(pi).isWaitingAt("Task_ApproveExtension");
        assertThat(register.get(reference).extended()).isFalse();
        // He may still refuse it (nothing is extended): back to triage.
        taskService.complete(fromTriage, Map.of("extensionDecision", "REFUSE"));
        runJobs(pi);
        process(pi).isWaitingAt("Task_TriageRequest");

        // At any stage through the endpoint: asked as mark, approved as " MARK" (the same person) is refused.
        assertThat(http.withBasicAuth("mark", "mark")
                        .postForEntity("/api/requests/" + reference + "/extension", null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        runJobs(pi);
        String anyStage = task(pi, "Task_ApproveExtensionAnyStage").getId();
        taskService.claim(anyStage, " MARK");
        assertThatThrownBy(() -> taskService.complete(
                        anyStage, Map.of("extensionDecision", "APPROVE", "proposedExtensionReason", REASON)))
                .hasMessageContaining("another manager must approve it");
        assertThat(register.get(reference).extended()).isFalse();
        assertThat(eventKinds(reference)).doesNotContain("EXTENSION_APPROVED", "DEADLINE_EXTENDED");

        // Another manager approves it.
        User maya = identityService.newUser("maya");
        maya.setFirstName("Maya");
        maya.setLastName("Manager");
        identityService.saveUser(maya);
        identityService.createMembership("maya", DeskGroups.MANAGERS);
        try {
            taskService.setAssignee(anyStage, "maya");
            taskService.complete(anyStage, Map.of("extensionDecision", "APPROVE", "proposedExtensionReason", REASON));
            runJobs(pi);
        } finally {
            identityService.deleteMembership("maya", DeskGroups.MANAGERS);
            identityService.deleteUser("maya");
        }
        // Two further months from Wednesday 15 July 2026: Tuesday 15 September 2026.
        assertThat(register.get(reference).extended()).isTrue();
        assertThat(register.get(reference).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(register.events(register.get(reference).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("EXTENSION_APPROVED");
            assertThat(e.actor()).isEqualTo("maya");
        });
    }
}
