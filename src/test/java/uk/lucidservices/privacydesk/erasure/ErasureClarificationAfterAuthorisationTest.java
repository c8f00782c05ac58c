package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

    @Test
    void noClarificationOnceTheErasureWasAuthorisedAndRan() {
        Request request = logErasureRequest(person(483));
        String reference = request.reference();
        ProcessInstance pi = runtime.startProcessInstanceByKey(
                "erasure-request", reference, Map.of("requestReference", reference, "requestId", request.id()));
        register.attachProcess(reference, pi.getId());
        runJobs(pi);
        claimAndComplete(task(pi, "Task_ConfirmIdentity"), "peter", Map.of("identityDecision", "CONFIRMED"));
        runJobs(pi);
        claimAndComplete(task(pi, "Task_ReviewErasurePreview"), "olivia", Map.of());
        runJobs(pi);
        claimAndComplete(task(pi, "Task_AuthoriseErasure"), "mark", Map.of("erasureApproved", "true"));
        runJobs(pi);
        assertThat(eventKinds(reference)).contains("ERASURE_APPROVED", "ERASED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count())
                .as("the erasure request is still open (by-hand erasure, recipients)")
                .isEqualTo(1);

        ResponseEntity<JsonNode> asked = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests/" + reference + "/clarification",
                        Map.of("question", "Do you also want the recordings of calls you made to us deleted?"),
                        JsonNode.class);
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(asked.getBody().get("message").asText())
                .isEqualTo("The erasure of " + reference
                        + " was authorised: a clarification can only be asked before the decision");
        runJobs(pi);
        assertThat(register.get(reference).paused()).isFalse();
        assertThat(eventKinds(reference)).doesNotContain("CLARIFICATION_ASKED", "CLOCK_PAUSED");
    }
}
