package uk.lucidservices.privacydesk.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * A rights request takes a clarification at any stage too (issue 14, s.2): asked while the officer
 * decides a restriction, of a requester who answers by post; staff record the answer with the day
 * it arrived and both dates move by exactly the days between asking and that day.
 */
class RightsClarificationAtAnyStageTest extends RightsTestSupport {

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    RequestRegister register;

    @Autowired
    RequestStarter starter;

    @Autowired
    SentLetters sentLetters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void aClarificationAnsweredByPostMovesTheRestrictionDatesByThePausedDays() {
        // Received Wednesday 3 June 2026 (12 days ago): day 28 is Tuesday 30 June, one month Friday 3 July.
        Request request = starter.start(NewRequest.builder(RequestType.RESTRICTION, Channel.EMAIL)
                .name("Requester")
                .email(TestPeople.person(getClass(), 458).email())
                .summary("Please stop using my data while you check it")
                .receivedAt(TestClock.today()
                        .minusDays(12)
                        .atTime(LocalTime.NOON)
                        .atZone(TestClock.START.getZone())
                        .toOffsetDateTime())
                .loggedBy("intake")
                .build());
        String reference = request.reference();
        ProcessInstance pi = runtime.createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
        runJobs(pi);
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_DecideRestriction");
        assertThat(register.get(reference).internalTarget()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(register.get(reference).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 3));
        // From here the requester has no email address the desk may use (they asked for letters by post).
        jdbc.update("UPDATE desk.request SET requester_email = NULL WHERE reference = ?", reference);

        // The officer asked on the phone on Monday 8 June which processing is contested, and records it.
        ResponseEntity<JsonNode> asked = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests/" + reference + "/clarification",
                        Map.of(
                                "question",
                                "Which records do you say are inaccurate: your address or your call history?",
                                "askedOn",
                                "2026-06-08"),
                        JsonNode.class);
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        runJobs(pi);
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_DecideRestriction", "Gateway_AwaitClarificationAnyStage");
        assertThat(sentLetters.toPost(reference))
                .filteredOn(l -> l.template().equals("clarification-request"))
                .singleElement()
                .satisfies(l -> assertThat(l.text()).contains("your address or your call history"));

        // The answer reached the desk by post on Friday 12 June: 4 days paused (8 to 12 June). Day 28 moves
        // from Tuesday 30 June to Saturday 4 July; one month from Friday 3 July to Tuesday 7 July.
        Task record = taskService
                .createTaskQuery()
                .processInstanceId(clocksOf(pi).getId())
                .taskDefinitionKey("Task_RecordReplyByPost")
                .singleResult();
        assertThat(record).as("staff can record an answer that comes by post").isNotNull();
        claimAndComplete(
                record,
                "peter",
                Map.of("replyReceivedOn", "2026-06-12", "replyHow", "POST", "replyKind", "CLARIFICATION"));
        runJobs(pi);

        Request resumed = register.get(reference);
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 4));
        assertThat(resumed.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 7));
        assertThat(task(pi, "Task_DecideRestriction").getDueDate()).isEqualTo(ukTime("2026-07-07T23:59"));
        assertThat(eventKinds(reference))
                .containsSubsequence("CLOCK_PAUSED", "CLARIFICATION_ASKED", "REPLY_RECEIVED", "CLOCK_RESUMED");
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_DecideRestriction");
        assertThat(runtime.createExecutionQuery()
                        .processInstanceId(pi.getId())
                        .messageEventSubscriptionName("requester-reply")
                        .count())
                .as("the clarification is answered")
                .isZero();
    }
}
