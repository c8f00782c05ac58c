package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.ExtensionAskCalls;
import uk.lucidservices.privacydesk.request.Request;

/**
 * An erasure request can be extended too, at any stage before the answer is sent: the officer asks
 * through {@code POST /api/requests/{reference}/extension}, a manager approves it with the reason,
 * the deadline moves by two months and the requester is told why. Only one ask waits for a manager.
 */
class ErasureExtensionAtAnyStageTest extends ErasureTestSupport {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Test
    void anErasureRequestIsExtendedByTwoMonthsWhenAManagerApproves() {
        // Received Monday 15 June 2026 (today): one month is Wednesday 15 July 2026.
        Request request = logErasureRequest(person(454));
        String reference = request.reference();
        ProcessInstance pi = start(request, null);
        runJobs(pi);
        assertThat(register.get(reference).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 15));

        ResponseEntity<JsonNode> asked = ExtensionAskCalls.ask(http, reference);
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        Task approve = task(pi, "Task_ApproveExtensionAnyStage");
        String reason = "Complex request: the recordings of four years of calls must be found and reviewed.";
        claimAndComplete(approve, "mark", Map.of("extensionDecision", "APPROVE", "proposedExtensionReason", reason));
        runJobs(pi);

        Request extended = register.get(reference);
        assertThat(extended.extended()).isTrue();
        // Two further months from 15 July 2026: Tuesday 15 September 2026.
        assertThat(extended.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(lettersSent(reference)).contains("extension-notice");
        assertThat(eventKinds(reference))
                .containsSubsequence(
                        "EXTENSION_ASKED", "EXTENSION_APPROVED", "DEADLINE_EXTENDED", "EXTENSION_NOTICE_SENT");
    }

    @Test
    void ofTwoAsksAtTheSameMomentOnlyOneReachesAManagerAndALaterOneIsRefusedWithWhy() throws Exception {
        Request request = logErasureRequest(person(468));
        String reference = request.reference();
        ProcessInstance pi = start(request, null);
        runJobs(pi);

        List<HttpStatusCode> answers = ExtensionAskCalls.askTwiceAtOnce(http, reference);
        assertThat(answers).containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> again = ExtensionAskCalls.ask(http, reference);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("message").asText())
                .isEqualTo("An extension ask for " + reference + " is already with a manager: wait for the decision");
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("Task_ApproveExtensionAnyStage")
                        .count())
                .isEqualTo(1);
        assertThat(eventKinds(reference).stream().filter("EXTENSION_ASKED"::equals))
                .hasSize(1);
    }
}
