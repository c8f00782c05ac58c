package uk.lucidservices.privacydesk.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.ExtensionAskCalls;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Issue 14 §2 on the {@code rights-request} process: an extension can be asked at any stage before the
 * answer is sent ({@code POST /api/requests/{reference}/extension}), not only from triage, and only one ask
 * waits for a manager at a time, whether it came from that endpoint or from triage's extend route. Dates
 * are worked out by hand from the rule and the suite's day, Monday 15 June 2026.
 */
class RightsExtensionAtAnyStageTest extends RightsTestSupport {

    private static final String REASON =
            "Complex request: corrections across the CRM, the billing system and paper files.";

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    RequestRegister register;

    @Autowired
    TestRestTemplate http;

    @Test
    void anExtensionAskedWhileTheCorrectionIsWorkedIsApprovedAndMovesTheDeadline() {
        // Received Friday 5 June 2026. One month is Sunday 5 July, a weekend: Monday 6 July 2026.
        ProcessInstance pi = start(RequestType.RECTIFICATION, person(469).email(), 10);
        String reference = pi.getBusinessKey();
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_DecideRectification");
        assertThat(register.get(reference).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 6));

        // Mid-way through the work, on Monday 15 June, the officer finds the request needs longer.
        assertThat(ask(reference).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        runJobs(pi);
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_DecideRectification", "Task_ApproveExtensionAnyStage");

        work(
                pi,
                "Task_ApproveExtensionAnyStage",
                "mark",
                Map.of("extensionDecision", "APPROVE", "proposedExtensionReason", REASON));

        Request extended = register.get(reference);
        assertThat(extended.extended()).isTrue();
        // Three months from receipt: Saturday 5 September 2026, a weekend: Monday 7 September 2026.
        assertThat(extended.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 9, 7));
        assertThat(task(pi, "Task_DecideRectification").getDueDate()).isEqualTo(ukTime("2026-09-07T23:59"));
        assertThat(lettersSent(reference)).containsExactly("acknowledgement", "extension-notice");
        assertThat(eventKinds(reference))
                .containsSubsequence(
                        "EXTENSION_ASKED", "EXTENSION_APPROVED", "DEADLINE_EXTENDED", "EXTENSION_NOTICE_SENT");
        // The main path goes on where it was.
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_DecideRectification");

        ResponseEntity<JsonNode> again = ask(reference);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("message").asText()).contains("already been extended once");
    }

    @Test
    void aSecondAskWhileTheFirstIsWithAManagerIsRefusedFromTheEndpointAndFromTriage() {
        ProcessInstance pi = start(RequestType.RESTRICTION, person(466).email(), 0);
        String reference = pi.getBusinessKey();
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_TriageRequest");

        assertThat(ask(reference).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        ResponseEntity<JsonNode> second = ask(reference);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("message").asText())
                .isEqualTo("An extension ask for " + reference + " is already with a manager: wait for the decision");
        // Triage's extend route is a second ask too: the triage task does not complete.
        String triage = task(pi, "Task_TriageRequest").getId();
        tasks.claim(triage, "olivia");
        assertThatThrownBy(() -> tasks.complete(
                        triage, new HashMap<>(Map.of("triageDecision", "EXTEND", "proposedExtensionReason", REASON))))
                .hasMessageContaining("An extension ask for " + reference + " is already with a manager");
        assertThat(approvalTasks(pi)).isEqualTo(1);
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_TriageRequest", "Task_ApproveExtensionAnyStage");

        // The manager refuses: the ask is decided, so the next one may go to a manager.
        work(pi, "Task_ApproveExtensionAnyStage", "mark", Map.of("extensionDecision", "REFUSE"));
        assertThat(approvalTasks(pi)).isZero();
        tasks.complete(triage, new HashMap<>(Map.of("triageDecision", "EXTEND", "proposedExtensionReason", REASON)));
        runJobs(pi);
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_ApproveExtension");

        // ...and while triage's ask waits for the manager, the endpoint refuses another.
        ResponseEntity<JsonNode> third = ask(reference);
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(third.getBody().get("message").asText()).contains("is already with a manager");
        assertThat(approvalTasks(pi)).isEqualTo(1);
        assertThat(eventKinds(reference).stream().filter("EXTENSION_ASKED"::equals))
                .hasSize(1);
    }

    @Test
    void ofTwoAsksAtTheSameMomentOnlyOneReachesAManagerAndACancelledTaskHoldsNone() throws Exception {
        // At whatever stage the request is: the first step after the acknowledgement.
        ProcessInstance pi = start(RequestType.PORTABILITY, person(465).email(), 0);
        String reference = pi.getBusinessKey();

        List<HttpStatusCode> answers = ExtensionAskCalls.askTwiceAtOnce(http, reference);

        assertThat(answers).containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
        assertThat(approvalTasks(pi)).isEqualTo(1);
        assertThat(eventKinds(reference).stream().filter("EXTENSION_ASKED"::equals))
                .hasSize(1);

        // The manager's task cancelled without a decision (here by a process modification) holds no ask.
        runtime.createProcessInstanceModification(pi.getId())
                .cancelAllForActivity("Task_ApproveExtensionAnyStage")
                .execute();
        assertThat(approvalTasks(pi)).isZero();
        assertThat(ask(reference).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(approvalTasks(pi)).isEqualTo(1);
    }

    // --- drivers

    private ResponseEntity<JsonNode> ask(String reference) {
        return ExtensionAskCalls.ask(http, reference);
    }

    private long approvalTasks(ProcessInstance pi) {
        return tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKeyIn("Task_ApproveExtension", "Task_ApproveExtensionAnyStage")
                .count();
    }

    private static DemoPerson person(int index) {
        return TestPeople.person(RightsExtensionAtAnyStageTest.class, index);
    }
}
