package uk.lucidservices.privacydesk.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.sla.ClockStore;
import uk.lucidservices.privacydesk.sla.TimerDates;

/**
 * Issue 14 §2, clocks that tell the truth, on the {@code rights-request} process as on the access and
 * erasure processes: day 28 as the internal target, identity and triage due in two working days, no
 * SLA timer while the desk waits for ID, earlier breaches cleared when the ID moves the clock, and an
 * unanswered ID or clarification request chased once, then closed with a letter. Every date below is
 * worked out by hand from the rule and the suite's day, Monday 15 June 2026. Demo person 451 has
 * one customer account.
 */
class RightsRequestClocksTest extends RightsTestSupport {

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    RequestRegister register;

    @Autowired
    ClockStore clockStore;

    @Test
    void theInternalTargetIsDay28AndIdentityAndTriageOfAnotherRightAreDueInTwoWorkingDays() {
        ProcessInstance pi = start(RequestType.RECTIFICATION, person(451).email(), 0);
        Request request = register.get(pi.getBusinessKey());

        // Received Monday 15 June (day 1): day 28 is Sunday 12 July; one month is Wednesday 15 July.
        assertThat(request.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 12));
        assertThat(request.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 15));

        // Identity and triage decide whether the clock runs: two working days on, Wednesday 17 June.
        Task confirm = task(pi, "Task_ConfirmIdentity");
        assertThat(confirm.getDueDate()).isEqualTo(ukTime("2026-06-17T23:59"));
        assertThat(confirm.getFollowUpDate()).isEqualTo(ukTime("2026-06-17T00:00"));
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        assertThat(task(pi, "Task_TriageRequest").getDueDate()).isEqualTo(ukTime("2026-06-17T23:59"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        // The decision itself is due on the statutory deadline.
        assertThat(task(pi, "Task_DecideRectification").getDueDate()).isEqualTo(ukTime("2026-07-15T23:59"));
    }

    @Test
    void whileTheDeskWaitsForIdNoTimerRunsAndEarlierBreachesAreClearedWhenTheIdArrives() {
        // Received Monday 11 May: day 28 was Sunday 7 June, one month Thursday 11 June. Both passed.
        ProcessInstance pi = start(RequestType.RESTRICTION, person(451).email(), 35);
        String reference = pi.getBusinessKey();
        runDueJobs(clocksOf(pi).getId());
        assertThat(register.get(reference).breached()).isTrue();
        assertThat(clockStore.record(register.get(reference).id()).orElseThrow().breaches())
                .hasSize(2);

        // On a second look the officer doubts the match and asks for ID.
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "ASK_FOR_ID"));
        ProcessAssertions.assertThat(pi).isWaitingFor("requester-reply");
        assertThat(register.get(reference).paused()).as("waiting for ID").isTrue();
        assertThat(eventKinds(reference)).contains("CLOCK_HELD_FOR_ID");
        assertThat(clockTimers(pi)).extracting(Job::getDuedate).containsOnly(TimerDates.HELD);

        replyFromRequester(pi);

        // The ID arrived today, Monday 15 June: day 28 is Sunday 12 July, one month Wednesday 15 July.
        Request moved = register.get(reference);
        assertThat(moved.clockStart()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(moved.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 12));
        assertThat(moved.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(moved.paused()).isFalse();
        assertThat(moved.breached())
                .as("both breaches are undone by the new dates")
                .isFalse();
        assertThat(eventKinds(reference).stream().filter("SLA_BREACH_CLEARED"::equals))
                .hasSize(2);
        assertThat(timer(pi, "Timer_StatutoryDeadlineAgain").getDuedate()).isEqualTo(ukTime("2026-07-16T00:00"));
        assertThat(task(pi, "Task_CheckIdDocument").getDueDate()).isEqualTo(ukTime("2026-06-17T23:59"));
    }

    @Test
    void anUnansweredIdRequestIsChasedOnceThenTheRightsRequestIsClosedWithALetterAfterOneMonth() throws Exception {
        ProcessInstance pi = start(RequestType.PORTABILITY, "quiet.stranger.453@example.org", 0);
        String reference = pi.getBusinessKey();
        ProcessAssertions.assertThat(pi).isWaitingFor("requester-reply");
        assertThat(clockTimers(pi)).extracting(Job::getDuedate).containsOnly(TimerDates.HELD);

        // Asked Monday 15 June: one reminder 14 days on, Monday 29 June at 08:00; closed at the end of
        // Wednesday 15 July, one month on.
        Job chase = timer(pi, "Timer_ChaseDue");
        assertThat(chase.getDuedate()).isEqualTo(ukTime("2026-06-29T08:00"));
        Job close = management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("Timer_IdNotReceived")
                .singleResult();
        assertThat(close.getDuedate()).isEqualTo(ukTime("2026-07-15T23:59:59"));

        management.executeJob(chase.getId());
        runDueJobs(clocksOf(pi).getId());
        assertThat(text(mailFor(reference, "This is the only reminder")))
                .contains("a document to confirm your identity")
                .contains("If we have not heard from you by 15 July 2026, we will close the request");
        assertThat(timer(pi, "Timer_ChaseDue")).as("chased once").isNull();

        management.executeJob(close.getId());
        runJobs(pi);

        ProcessAssertions.assertThat(pi).isEnded();
        assertThat(register.get(reference).outcome()).isEqualTo("CLOSED_NO_ID");
        assertThat(lettersSent(reference))
                .containsExactly("acknowledgement", "id-request", "reply-reminder", "id-not-received");
    }

    @Test
    void anUnansweredClarificationIsChasedOnceThenTheRightsRequestIsClosedWithALetter() throws Exception {
        ProcessInstance pi = start(RequestType.PROCESSING_OBJECTION, person(451).email(), 0);
        String reference = pi.getBusinessKey();
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(
                pi,
                "Task_TriageRequest",
                "olivia",
                Map.of("triageDecision", "CLARIFY", "clarificationQuestion", "Which processing do you object to?"));
        ProcessAssertions.assertThat(pi).isWaitingFor("requester-reply");
        // Asked Monday 15 June: the letter names the day the request closes, Wednesday 15 July.
        assertThat(text(mailFor(reference, "Which processing do you object to?")))
                .contains("If we have not heard from you by 15 July 2026, we will close the request");
        Job chase = timer(pi, "Timer_ChaseDue");
        assertThat(chase.getDuedate()).isEqualTo(ukTime("2026-06-29T08:00"));
        management.executeJob(chase.getId());
        runDueJobs(clocksOf(pi).getId());
        assertThat(text(mailFor(reference, "This is the only reminder")))
                .contains("If we have not heard from you by 15 July 2026");

        Job close = management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("Timer_NoClarification")
                .singleResult();
        assertThat(close.getDuedate()).isEqualTo(ukTime("2026-07-15T23:59:59"));
        management.executeJob(close.getId());
        runJobs(pi);

        ProcessAssertions.assertThat(pi).isEnded();
        assertThat(register.get(reference).outcome()).isEqualTo("CLOSED_NO_CLARIFICATION");
        assertThat(lettersSent(reference))
                .containsExactly(
                        "acknowledgement", "clarification-request", "reply-reminder", "clarification-not-received");
    }

    // --- drivers

    private void replyFromRequester(ProcessInstance pi) {
        runtime.createMessageCorrelation("requester-reply")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable("replyKind", "reply")
                .setVariable("replyAttachmentCount", 1)
                .setVariable("replyIntakeId", 1L)
                .correlateAllWithResult();
        runJobs(pi);
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(clocksOf(pi).getId())
                .activityId(activityId)
                .timers()
                .singleResult();
    }

    /** The SLA timers of the request's clocks, not the reminder to the requester. */
    private List<Job> clockTimers(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(clocksOf(pi).getId()).timers().list().stream()
                .filter(j -> !chaseJobIds(pi).contains(j.getId()))
                .toList();
    }

    private List<String> chaseJobIds(ProcessInstance pi) {
        return management
                .createJobQuery()
                .processInstanceId(clocksOf(pi).getId())
                .activityId("Timer_ChaseDue")
                .list()
                .stream()
                .map(Job::getId)
                .toList();
    }

    private static DemoPerson person(int index) {
        return TestPeople.person(RightsRequestClocksTest.class, index);
    }

    /** The mail whose subject names the request and whose text contains {@code marker}. */
    private static MimeMessage mailFor(String reference, String marker) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return m.getSubject() != null
                                                && m.getSubject().contains(reference)
                                                && text(m).contains(marker);
                                    } catch (Exception e) {
                                        return false;
                                    }
                                })
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        return plain((Multipart) content);
    }

    private static String plain(Multipart multipart) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof Multipart nested) {
                all.append(plain(nested));
            } else if (part instanceof String s && multipart.getBodyPart(i).isMimeType("text/plain")) {
                all.append(s);
            }
        }
        return all.toString();
    }
}
