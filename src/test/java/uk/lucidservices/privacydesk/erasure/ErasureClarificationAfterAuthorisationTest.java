package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.request.Request;

/**
 * Security review: once a manager authorised the erasure (and it ran) the answer is in effect given, so
 * no clarification may be asked: unanswered, its "Close: no answer" would close a request whose data
 * was erased as if nothing had been done.
 */
class ErasureClarificationAfterAuthorisationTest extends ErasureTestSupport {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    private ResponseEntity<JsonNode> ask(String reference) {
        return http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests/" + reference + "/clarification",
                        Map.of("question", "Do you also want the recordings of calls you made to us deleted?"),
                        JsonNode.class);
    }

    @Test
    void noAuthorisationWhileAQuestionWaitsAndNoQuestionOnceTheErasureWasAuthorisedAndRan() {
        Request request = logErasureRequest(person(483));
        String reference = request.reference();
        ProcessInstance pi = runtime.startProcessInstanceByKey(
                "erasure-request", reference, Map.of("requestReference", reference, "requestId", request.id()));
        register.attachProcess(reference, pi.getId());
        runJobs(pi);
        claimAndComplete(task(pi, "Task_ConfirmIdentity"), "peter", Map.of("identityDecision", "CONFIRMED"));
        runJobs(pi);
        // A question asked while the preview is reviewed: the erasure waits for its answer.
        assertThat(ask(reference).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        runJobs(pi);
        assertThat(register.get(reference).paused()).isTrue();
        claimAndComplete(task(pi, "Task_ReviewErasurePreview"), "olivia", Map.of());
        runJobs(pi);
        Task authorise = task(pi, "Task_AuthoriseErasure");
        assertThatThrownBy(() -> claimAndComplete(authorise, "mark", Map.of("erasureApproved", "true")))
                .hasMessageContaining("A clarification of " + reference
                        + " waits for the requester's answer: authorise the erasure once it is answered");
        assertThat(eventKinds(reference)).doesNotContain("ERASURE_APPROVED", "ERASED");

        // Answered: the clock restarts and the manager authorises; the erasure runs.
        runtime.createMessageCorrelation("requester-reply")
                .processInstanceBusinessKey(reference)
                .setVariable("replyKind", "reply")
                .setVariable("replyAttachmentCount", 0)
                .setVariable("replyIntakeId", 4712L)
                .correlateAllWithResult();
        runJobs(pi);
        assertThat(register.get(reference).paused()).isFalse();
        tasks.complete(authorise.getId(), Map.of("erasureApproved", "true"));
        runJobs(pi);
        assertThat(eventKinds(reference)).contains("ERASURE_APPROVED", "ERASED");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .as("the erasure request is still open (by-hand erasure, recipients)")
                .isEqualTo(1);

        ResponseEntity<JsonNode> asked = ask(reference);
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(asked.getBody().get("message").asText())
                .isEqualTo("The erasure of " + reference
                        + " was authorised: a clarification can only be asked before the decision");
        runJobs(pi);
        assertThat(register.get(reference).paused()).isFalse();
        assertThat(eventKinds(reference).stream().filter("CLARIFICATION_ASKED"::equals))
                .as("only the question asked before the decision")
                .hasSize(1);
        assertThat(eventKinds(reference).stream().filter("CLOCK_PAUSED"::equals))
                .hasSize(1);
    }
}
