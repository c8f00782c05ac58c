package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.request.Request;

/**
 * Erasure takes a clarification too, at any stage (issue 14, s.2): asked while the officer reviews
 * the preview, the clock stops, the requester is chased once and, with no answer by the day the
 * question letter names, the whole request closes with the no-answer letter and its clocks stop.
 */
class ErasureClarificationAtAnyStageTest extends ErasureTestSupport {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Test
    void anUnansweredClarificationIsChasedOnceThenClosesTheErasureRequestWithTheLetter() {
        // Received today, Monday 15 June 2026.
        Request request = logErasureRequest(person(457));
        String reference = request.reference();
        ProcessInstance pi = start(request, null);
        runJobs(pi);
        claimAndComplete(task(pi, "Task_ConfirmIdentity"), "peter", Map.of("identityDecision", "CONFIRMED"));
        runJobs(pi);
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_ReviewErasurePreview");

        ResponseEntity<JsonNode> asked = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests/" + reference + "/clarification",
                        Map.of("question", "Do you also want the recordings of calls you made to us deleted?"),
                        JsonNode.class);
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        runJobs(pi);
        ProcessAssertions.assertThat(pi)
                .isWaitingAt("Task_ReviewErasurePreview", "Gateway_AwaitClarificationAnyStage")
                .isWaitingFor("requester-reply");
        assertThat(register.get(reference).paused()).isTrue();

        // Asked Monday 15 June: one reminder 14 days on, Monday 29 June at 08:00; no answer by the end of
        // Wednesday 15 July (one month on) closes the request.
        ProcessInstance clocks = clocksOf(pi);
        Job chase = managementService
                .createJobQuery()
                .processInstanceId(clocks.getId())
                .activityId("Timer_ChaseDue")
                .singleResult();
        assertThat(chase.getDuedate()).isEqualTo(ukTime("2026-06-29T08:00"));
        managementService.executeJob(chase.getId());
        runDueJobs(clocks.getId());
        Job close = managementService
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("Timer_NoClarificationAnyStage")
                .singleResult();
        assertThat(close.getDuedate()).isEqualTo(ukTime("2026-07-15T23:59:59"));

        managementService.executeJob(close.getId());
        runJobs(pi);

        ProcessAssertions.assertThat(pi).isEnded();
        assertThat(clocksOf(pi)).as("the SLA clocks stop with the request").isNull();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count())
                .as("the preview review is withdrawn")
                .isZero();
        Request closed = register.get(reference);
        assertThat(closed.outcome()).isEqualTo("CLOSED_NO_CLARIFICATION");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(lettersSent(reference))
                .containsExactly(
                        "acknowledgement", "clarification-request", "reply-reminder", "clarification-not-received");
        assertThat(eventKinds(reference)).containsSubsequence("CLOCK_PAUSED", "CLARIFICATION_ASKED");
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .activityId("Task_EraseAcrossSystems")
                        .count())
                .as("nothing was erased")
                .isZero();
    }
}
