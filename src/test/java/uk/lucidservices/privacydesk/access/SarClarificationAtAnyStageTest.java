package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Clarification asked at any stage, not only from triage (issue 14, s.2): the officer asks through
 * {@code POST /api/requests/{reference}/clarification} while the systems are being searched; the
 * clock stops from the day asked and, once the requester answers, both dates move by exactly the
 * paused days while the search carries on. Refused with 409 and why where it does not apply.
 */
class SarClarificationAtAnyStageTest extends SarProcessTestSupport {

    private static final String QUESTION = "Which of your two accounts, the home one or the business one, do you mean?";

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<JsonNode> ask(String reference, String question, String askedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        if (askedOn != null) {
            body.put("askedOn", askedOn);
        }
        return http.withBasicAuth("olivia", "olivia")
                .postForEntity("/api/requests/" + reference + "/clarification", body, JsonNode.class);
    }

    @Test
    void aClarificationAskedMidSearchMovesTheDatesByExactlyThePausedDaysWhenAnswered() throws Exception {
        // Received Wednesday 3 June 2026 (12 days ago): day 28 counting receipt as day 1 is Tuesday
        // 30 June; one month is Friday 3 July.
        ProcessInstance pi = startFor(person(455), 12);
        String reference = pi.getBusinessKey();
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        process(pi).isWaitingAt("Task_SearchManualSystems");
        assertThat(register.get(reference).internalTarget()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(register.get(reference).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 3));

        // The officer put the question by phone on Monday 8 June and now records it, so the letter confirms it.
        ResponseEntity<JsonNode> asked = ask(reference, QUESTION, "2026-06-08");
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        runJobs(pi);

        process(pi)
                .isWaitingAt("Task_SearchManualSystems", "Gateway_AwaitClarificationAnyStage")
                .isWaitingFor("requester-reply");
        assertThat(register.get(reference).paused()).isTrue();
        assertThat(text(mailFor(reference, QUESTION)))
                .contains("If we have not heard from you by 15 July 2026, we will close the request");
        assertThat(eventKinds(reference)).containsSubsequence("CLOCK_PAUSED", "CLARIFICATION_ASKED");
        // The question is the officer's free text: kept on the request, never in the engine.
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .list())
                .noneMatch(v -> String.valueOf(v.getValue()).contains("two accounts"));
        assertThat(historyService
                        .createHistoricDetailQuery()
                        .processInstanceId(pi.getId())
                        .list())
                .noneMatch(d -> d.toString().contains("two accounts"));

        // A second question waits until the first is answered.
        ResponseEntity<JsonNode> again = ask(reference, "And which year?", null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("message").asText()).contains("already waiting for the requester's answer");

        // The answer arrives today, Monday 15 June: 7 days paused (8 to 15 June). Day 28 moves from
        // Tuesday 30 June to Tuesday 7 July; one month from Friday 3 July to Friday 10 July.
        replyFromRequester(pi, 0);

        Request resumed = register.get(reference);
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 7));
        assertThat(resumed.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(task(pi, "Task_SearchManualSystems").getDueDate()).isEqualTo(ukTime("2026-07-10T23:59"));
        assertThat(eventKinds(reference)).containsSubsequence("CLARIFICATION_ASKED", "CLOCK_RESUMED");
        // The search carries on where it was; the clarification is done.
        process(pi).isWaitingAt("Task_SearchManualSystems");
        assertThat(runtimeService
                        .createExecutionQuery()
                        .processInstanceId(pi.getId())
                        .messageEventSubscriptionName("requester-reply")
                        .count())
                .as("no step waits for a reply any more")
                .isZero();
        assertThat(letters(reference)).containsExactly("acknowledgement", "clarification-request");
    }

    @Test
    void aClarificationIsRefusedWhileTheDeskWaitsForIdAndOnceTheAnswerWasSent() {
        ProcessInstance pi = startRequest("no.customer.456@example.org", null, 0);
        String reference = pi.getBusinessKey();
        process(pi).isWaitingFor("requester-reply");

        ResponseEntity<JsonNode> waitingForId = ask(reference, QUESTION, null);
        assertThat(waitingForId.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(waitingForId.getBody().get("message").asText())
                .contains("waits for the ID it asked for")
                .contains("the clock has not started");

        register.close(reference, "WITHDRAWN", "olivia", "Withdrawn by the requester");
        ResponseEntity<JsonNode> answered = ask(reference, QUESTION, null);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answered.getBody().get("message").asText()).contains("was sent");
        assertThat(eventKinds(reference)).doesNotContain("CLARIFICATION_ASKED", "CLOCK_PAUSED");
    }

    @Test
    void aComplaintAndAMarketingObjectionTakeNoClarificationAndSayWhy() {
        Request complaint = starter.start(NewRequest.builder(RequestType.COMPLAINT, Channel.EMAIL)
                .name("Requester")
                .email(person(459).emailVariants().get(0))
                .summary("Your engineer never came")
                .loggedBy("intake")
                .build());
        ResponseEntity<JsonNode> refused = http.withBasicAuth("mark", "mark")
                .postForEntity(
                        "/api/requests/" + complaint.reference() + "/clarification",
                        Map.of("question", QUESTION),
                        JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("message").asText()).contains("A complaint takes no clarification");

        Request objection = starter.start(NewRequest.builder(RequestType.OBJECTION, Channel.EMAIL)
                .name("Requester")
                .email(person(459).emailVariants().get(0))
                .summary("Stop calling me")
                .loggedBy("intake")
                .build());
        ResponseEntity<JsonNode> absolute = ask(objection.reference(), QUESTION, null);
        assertThat(absolute.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(absolute.getBody().get("message").asText())
                .contains("absolute and acted on by the next working day");
    }

    @Test
    void aClarificationWithoutAQuestionIsABadRequest() {
        ProcessInstance pi = startFor(person(456), 0);
        ResponseEntity<JsonNode> empty = ask(pi.getBusinessKey(), " ", null);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().get("message").asText()).contains("Write the question");
        assertThat(register.get(pi.getBusinessKey()).paused()).isFalse();
    }
}
