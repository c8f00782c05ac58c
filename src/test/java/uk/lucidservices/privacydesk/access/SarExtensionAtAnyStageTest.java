package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.request.Request;

/**
 * An extension asked at any stage, not only from triage: the officer asks through
 * {@code POST /api/requests/{reference}/extension} while the ID document is being checked, a
 * manager approves it, the deadline moves and the requester is told; after the first month the
 * ask is refused with why.
 */
class SarExtensionAtAnyStageTest extends SarProcessTestSupport {

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<JsonNode> ask(String reference) {
        return http.withBasicAuth("olivia", "olivia")
                .postForEntity("/api/requests/" + reference + "/extension", null, JsonNode.class);
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
