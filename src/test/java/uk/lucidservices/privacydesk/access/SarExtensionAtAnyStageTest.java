package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.ExtensionAskCalls;
import uk.lucidservices.privacydesk.request.Request;

/**
 * An extension asked at any stage, not only from triage: the officer asks through
 * {@code POST /api/requests/{reference}/extension} while the ID document is being checked, a
 * manager approves it, the deadline moves and the requester is told; after the first month the
 * ask is refused with why, and so is a second ask while one (from here or triage) waits for a manager.
 */
class SarExtensionAtAnyStageTest extends SarProcessTestSupport {

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<JsonNode> ask(String reference) {
        return ExtensionAskCalls.ask(http, reference);
    }

    @Test
    void anExtensionAskedWhileIdIsCheckedIsApprovedAndMovesTheDeadlineByTwoMonths() {
        ProcessInstance pi = startFor(person(452), 0);
        String reference = pi.getBusinessKey();
        process(pi).isWaitingFor("requester-reply");
        replyFromRequester(pi, 1);
        // The ID arrived today, Monday 15 June 2026: one month is Wednesday 15 July 2026.
        process(pi).isWaitingAt("Task_CheckIdDocument");
        assertThat(register.get(reference).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 15));

        assertThat(ask(reference).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        runJobs(pi);
        process(pi).isWaitingAt("Task_CheckIdDocument", "Task_ApproveExtensionAnyStage");

        String reason = "Complex request: six systems and paper files in two archives must be searched.";
        work(
                pi,
                "Task_ApproveExtensionAnyStage",
                "mark",
                Map.of("extensionDecision", "APPROVE", "proposedExtensionReason", reason));

        Request extended = register.get(reference);
        assertThat(extended.extended()).isTrue();
        // Two further months from 15 July 2026: Tuesday 15 September 2026.
        assertThat(extended.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(letters(reference)).contains("extension-notice");
        assertThat(eventKinds(reference))
                .containsSubsequence("EXTENSION_APPROVED", "DEADLINE_EXTENDED", "EXTENSION_NOTICE_SENT");
        // The main path goes on where it was.
        process(pi).isWaitingAt("Task_CheckIdDocument");

        ResponseEntity<JsonNode> again = ask(reference);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("message").asText()).contains("already been extended once");
    }

    @Test
    void whileAnAskIsWithAManagerAnotherIsRefusedFromTheEndpointAndFromTriage() {
        ProcessInstance pi = startFor(person(467), 0);
        String reference = pi.getBusinessKey();
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        String reason = "Complex request: six systems and paper files in two archives must be searched.";

        // Triage's extend route puts the first ask before a manager...
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "EXTEND", "proposedExtensionReason", reason));
        process(pi).isWaitingAt("Task_ApproveExtension");
        // ...so the endpoint refuses a second while it waits there.
        ResponseEntity<JsonNode> second = ask(reference);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("message").asText())
                .isEqualTo("An extension ask for " + reference + " is already with a manager: wait for the decision");
        assertThat(approvalTasks(pi)).isEqualTo(1);

        // Refused by the manager: decided, so an officer may ask again, once.
        work(pi, "Task_ApproveExtension", "mark", Map.of("extensionDecision", "REFUSE"));
        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(ask(reference).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(ask(reference).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // Triage's extend route is refused too while that ask waits: the triage task does not complete.
        String triage = task(pi, "Task_TriageRequest").getId();
        taskService.claim(triage, "olivia");
        assertThatThrownBy(() -> taskService.complete(
                        triage, Map.of("triageDecision", "EXTEND", "proposedExtensionReason", reason)))
                .hasMessageContaining("An extension ask for " + reference + " is already with a manager");
        process(pi).isWaitingAt("Task_TriageRequest", "Task_ApproveExtensionAnyStage");
        assertThat(approvalTasks(pi)).isEqualTo(1);
    }

    @Test
    void ofTwoAsksAtTheSameMomentOnlyOneReachesAManager() throws Exception {
        // Someone the desk cannot match: the request waits for ID, a stage like any other for an ask.
        ProcessInstance pi = startRequest("two.asks.at.once@example.org", null, 0);
        String reference = pi.getBusinessKey();

        List<HttpStatusCode> answers = ExtensionAskCalls.askTwiceAtOnce(http, reference);

        assertThat(answers).containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
        assertThat(approvalTasks(pi)).isEqualTo(1);
        assertThat(eventKinds(reference).stream().filter("EXTENSION_ASKED"::equals))
                .hasSize(1);
    }

    private long approvalTasks(ProcessInstance pi) {
        return taskService
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKeyIn("Task_ApproveExtension", "Task_ApproveExtensionAnyStage")
                .count();
    }

    @Test
    void anExtensionAskedAfterTheFirstMonthIsRefusedWithWhy() {
        // Received Monday 11 May 2026, 35 days ago: the first month ended on Thursday 11 June 2026.
        ProcessInstance pi = startFor(person(453), 35);
        String reference = pi.getBusinessKey();

        ResponseEntity<JsonNode> refused = ask(reference);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("message").asText()).contains("ended on 2026-06-11");
        assertThat(register.get(reference).extended()).isFalse();
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("Task_ApproveExtensionAnyStage")
                        .count())
                .isZero();
    }
}
