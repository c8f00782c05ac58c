package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
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
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.sla.ClockStore;

/**
 * The security review of the clarification at any stage: a backdated ask must not stop a clock that
 * has run out or wipe a recorded breach, an ask is recorded with its day and who asked, at most 14 days
 * back, one at a time (two at once: one is asked, the other refused), and none once the answer is in
 * effect given (the disclosure pack approved).
 */
class ClarificationAskGuardsTest extends SarProcessTestSupport {

    private static final String QUESTION = "Which of your two accounts, the home one or the business one, do you mean?";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ClockStore clockStore;

    private ResponseEntity<JsonNode> ask(String reference, String askedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", QUESTION);
        if (askedOn != null) {
            body.put("askedOn", askedOn);
        }
        return http.withBasicAuth("olivia", "olivia")
                .postForEntity("/api/requests/" + reference + "/clarification", body, JsonNode.class);
    }

    @Test
    void aBackdatedAskCannotWipeARecordedBreach() {
        // Received Saturday 16 May 2026: day 28 was Friday 12 June (passed, breached); one month is
        // Tuesday 16 June, still ahead.
        ProcessInstance pi = startFor(person(478), 30);
        String reference = pi.getBusinessKey();
        runDueJobs(clocksOf(pi).getId());
        Request breached = register.get(reference);
        assertThat(breached.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 6, 16));
        assertThat(clockStore.record(breached.id()).orElseThrow().breaches()).isNotEmpty();

        // Asked "by phone on Monday 8 June": a pause from then would move day 28 past today and clear the breach.
        ResponseEntity<JsonNode> backdated = ask(reference, "2026-06-08");
        assertThat(backdated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(backdated.getBody().get("message").asText())
                .isEqualTo("An SLA breach is recorded for " + reference
                        + ": a clarification cannot move the dates back under it; answer the request");
        runJobs(pi);
        assertThat(register.get(reference).paused()).isFalse();
        assertThat(clockStore.record(breached.id()).orElseThrow().breaches()).isNotEmpty();
        assertThat(eventKinds(reference)).doesNotContain("CLARIFICATION_ASKED", "CLOCK_PAUSED", "SLA_BREACH_CLEARED");
    }

    @Test
    void noAskOnceTheStatutoryDeadlinePassed() {
        // Received Monday 11 May 2026: one month was Thursday 11 June.
        ProcessInstance pi = startFor(person(479), 35);
        String reference = pi.getBusinessKey();

        ResponseEntity<JsonNode> late = ask(reference, "2026-06-10");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("message").asText())
                .isEqualTo("The statutory deadline of " + reference
                        + " passed on 2026-06-11: a clarification cannot stop a clock that has already run out");
        assertThat(eventKinds(reference)).doesNotContain("CLARIFICATION_ASKED", "CLOCK_PAUSED");
    }

    @Test
    void anAskIsAtMostFourteenDaysBackOneAtATimeRecordedWithItsDayAndAskerAndNoneOnceThePackIsApproved()
            throws Exception {
        // Received Tuesday 26 May 2026.
        ProcessInstance pi = startFor(person(482), 20);
        String reference = pi.getBusinessKey();
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        process(pi).isWaitingAt("Task_SearchManualSystems");

        // Sunday 31 May is 15 days back: too far.
        ResponseEntity<JsonNode> tooFar = ask(reference, "2026-05-31");
        assertThat(tooFar.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooFar.getBody().get("message").asText()).contains("(2026-05-31) is more than 14 days ago");
        assertThat(eventKinds(reference)).doesNotContain("CLARIFICATION_ASKED");

        // Monday 1 June, 14 days back, asked twice at the same instant: one is asked, the other refused.
        List<HttpStatusCode> both = askTwiceAtOnce(reference, "2026-06-01");
        assertThat(both).containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
        runJobs(pi);
        List<RequestRegister.RequestEvent> asked = register
                .events(register.get(reference).id())
                .stream()
                .filter(e -> e.kind().equals("CLARIFICATION_ASKED"))
                .toList();
        assertThat(asked).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("olivia");
            assertThat(e.detail())
                    .isEqualTo("Clarification asked on 2026-06-01; the question is kept as a triage note")
                    .doesNotContain("accounts");
        });
        assertThat(eventKinds(reference).stream().filter("CLOCK_PAUSED"::equals))
                .hasSize(1);

        // Answered: another may be asked.
        replyFromRequester(pi, 0);
        assertThat(register.get(reference).paused()).isFalse();
        assertThat(ask(reference, null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        runJobs(pi);
        replyFromRequester(pi, 0);

        // The disclosure pack approved (recorded as PackApproval records it): the answer is given.
        register.record(register.get(reference).id(), "PACK_APPROVED", "peter", "pack=1");
        ResponseEntity<JsonNode> afterApproval = ask(reference, null);
        assertThat(afterApproval.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(afterApproval.getBody().get("message").asText())
                .isEqualTo("The disclosure pack of " + reference
                        + " was approved: a clarification can only be asked before the answer is ready");
        assertThat(eventKinds(reference).stream().filter("CLARIFICATION_ASKED"::equals))
                .hasSize(2);
    }

    private List<HttpStatusCode> askTwiceAtOnce(String reference, String askedOn) throws Exception {
        return ExtensionAskCalls.twiceAtOnce(() -> ask(reference, askedOn).getStatusCode());
    }
}
