package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.sla.ClockStore;
import uk.lucidservices.privacydesk.sla.TimerDates;

/**
 * Issue 14, clocks that tell the truth and people without email, on the access process. Every date
 * below is worked out by hand from the rule and the suite's day, Monday 15 June 2026.
 */
class SarClocksTellTheTruthTest extends SarProcessTestSupport {

    @Autowired
    ClockStore clockStore;

    @Autowired
    SentLetters sentLetters;

    @Test
    void theInternalTargetIsDay28CountingReceiptAsDay1AndIdentityAndTriageAreDueInTwoWorkingDays() {
        ProcessInstance pi = startFor(person(381), 0);
        Request request = register.get(pi.getBusinessKey());

        // Received Monday 15 June (day 1): day 28 is Sunday 12 July, escalation a week before, Sunday
        // 5 July; one month is Wednesday 15 July.
        assertThat(request.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 12));
        assertThat(request.escalationDate()).isEqualTo(LocalDate.of(2026, 7, 5));
        assertThat(request.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(timer(pi, "Timer_InternalTarget").getDuedate()).isEqualTo(ukTime("2026-07-13T00:00"));

        // Identity and triage decide whether the clock runs: two working days, Wednesday 17 June.
        Task confirm = task(pi, "Task_ConfirmIdentity");
        assertThat(confirm.getDueDate()).isEqualTo(ukTime("2026-06-17T23:59"));
        assertThat(confirm.getFollowUpDate()).isEqualTo(ukTime("2026-06-17T00:00"));
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        Task triage = task(pi, "Task_TriageRequest");
        assertThat(triage.getDueDate()).isEqualTo(ukTime("2026-06-17T23:59"));
        // The work itself is due on the statutory deadline.
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        assertThat(task(pi, "Task_SearchManualSystems").getDueDate()).isEqualTo(ukTime("2026-07-15T23:59"));
    }

    @Test
    void whileTheDeskWaitsForIdNoTimerRunsAndBreachesRecordedBeforeAreClearedWhenTheIdMovesTheClock() {
        // Received Monday 11 May: day 28 was Sunday 7 June, one month Thursday 11 June. Both passed.
        ProcessInstance pi = startFor(person(382), 35);
        String reference = pi.getBusinessKey();
        runDueJobs(clocksOf(pi).getId());
        Request breached = register.get(reference);
        assertThat(breached.breached()).isTrue();
        assertThat(clockStore.record(breached.id()).orElseThrow().breaches()).hasSize(2);
        assertThat(breachIncidents(pi)).hasSize(2);

        // On a second look the officer doubts the match and asks for ID.
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "ASK_FOR_ID"));
        process(pi).isWaitingFor("requester-reply");
        assertThat(register.get(reference).paused()).as("waiting for ID").isTrue();
        assertThat(clockTimers(pi)).extracting(Job::getDuedate).containsOnly(TimerDates.HELD);
        long breachesBefore =
                eventKinds(reference).stream().filter("SLA_BREACHED"::equals).count();
        runDueJobs(clocksOf(pi).getId());
        assertThat(eventKinds(reference).stream().filter("SLA_BREACHED"::equals))
                .as("no breach is recorded while the desk waits for ID")
                .hasSize((int) breachesBefore);

        replyFromRequester(pi, 1);

        // The ID arrived today, Monday 15 June: day 28 is Sunday 12 July, one month Wednesday 15 July.
        Request moved = register.get(reference);
        assertThat(moved.clockStart()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(moved.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 12));
        assertThat(moved.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(moved.paused()).isFalse();
        assertThat(moved.breached())
                .as("both breaches are undone by the new dates")
                .isFalse();
        assertThat(clockStore.record(moved.id()).orElseThrow().breaches()).isEmpty();
        assertThat(breachIncidents(pi)).isEmpty();
        assertThat(eventKinds(reference).stream().filter("SLA_BREACH_CLEARED"::equals))
                .hasSize(2);
        // The breach timers wait again (each at its ...Again timer once fired), for the new dates.
        assertThat(timer(pi, "Timer_InternalTargetAgain").getDuedate()).isEqualTo(ukTime("2026-07-13T00:00"));
        assertThat(timer(pi, "Timer_StatutoryDeadlineAgain").getDuedate()).isEqualTo(ukTime("2026-07-16T00:00"));
        assertThat(task(pi, "Task_CheckIdDocument").getDueDate()).isEqualTo(ukTime("2026-06-17T23:59"));
    }

    @Test
    void aPhoneRequesterIsToldHowToReplyByPostAndStaffRecordTheIdWithTheDayItArrived() {
        // Received by phone on Friday 12 June from a number no customer has: the desk asks for ID, by post.
        ProcessInstance pi = startRequest(null, "020 7946 0383", 3);
        String reference = pi.getBusinessKey();
        process(pi).isWaitingFor("requester-reply");
        assertThat(sentLetters.toPost(reference))
                .filteredOn(l -> l.template().equals("id-request"))
                .singleElement()
                .satisfies(l -> assertThat(l.text())
                        .contains("To reply by post, write to us at The Privacy Team, Lucid Services Ltd, ")
                        .contains("quoting our reference " + reference));
        assertThat(clockTimers(pi)).extracting(Job::getDuedate).containsOnly(TimerDates.HELD);

        Task record = recordReplyTask(pi);
        assertFormRenders(record);
        taskService.claim(record.getId(), "peter");
        assertThatThrownBy(() -> taskService.complete(
                        record.getId(), Map.of("replyReceivedOn", "2026-06-16", "replyHow", "POST", "replyKind", "ID")))
                .hasMessageContaining("is in the future");
        assertThatThrownBy(() -> taskService.complete(
                        record.getId(), Map.of("replyReceivedOn", "2026-06-11", "replyHow", "POST", "replyKind", "ID")))
                .hasMessageContaining("before the request itself arrived");
        taskService.complete(
                record.getId(), Map.of("replyReceivedOn", "2026-06-15", "replyHow", "POST", "replyKind", "ID"));
        runJobs(pi);

        process(pi).isWaitingAt("Task_CheckIdDocument");
        // The ID reached the desk on Monday 15 June: day 28 is Sunday 12 July, one month Wednesday 15 July.
        Request started = register.get(reference);
        assertThat(started.clockStart()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(started.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 12));
        assertThat(started.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(register.events(started.id()))
                .filteredOn(e -> e.kind().equals("REPLY_RECEIVED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("peter");
                    assertThat(e.detail()).isEqualTo("kind=ID; by=POST; received=2026-06-15; recorded by staff");
                });
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(clocksOf(pi).getId())
                        .count())
                .as("nothing left to record")
                .isZero();
    }

    @Test
    void aReplyByMailTakesAwayTheTaskToRecordOneByPost() {
        ProcessInstance pi = startRequest(null, "020 7946 0384", 1);
        assertThat(recordReplyTask(pi)).isNotNull();

        replyFromRequester(pi, 1);

        process(pi).isWaitingAt("Task_CheckIdDocument");
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(clocksOf(pi).getId())
                        .count())
                .isZero();
    }

    @Test
    void anExtensionNoticeThatGoesByPostCountsAsGivenWhenPosted() {
        DemoPerson person = person(381);
        ProcessInstance pi = startFor(person, 2);
        String reference = pi.getBusinessKey();
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        // From here the requester has no email address the desk may use (they asked for letters by post).
        jdbc.update("UPDATE desk.request SET requester_email = NULL WHERE reference = ?", reference);
        String reason = "Numerous requests: six systems and the paper files.";
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "EXTEND", "proposedExtensionReason", reason));
        work(
                pi,
                "Task_ApproveExtension",
                "mark",
                Map.of("extensionDecision", "APPROVE", "proposedExtensionReason", reason));

        Request extended = register.get(reference);
        assertThat(extended.extended()).isTrue();
        assertThat(clockStore.record(extended.id()).orElseThrow().extensionNoticeSentAt())
                .as("handed to staff to post, not yet given")
                .isNull();
        assertThat(eventKinds(reference)).contains("EXTENSION_NOTICE_TO_POST").doesNotContain("EXTENSION_NOTICE_SENT");

        Task post = taskService
                .createTaskQuery()
                .taskName("Post the 'extension-notice' letter for " + reference)
                .singleResult();
        claimAndComplete(post, "peter", Map.of());

        assertThat(clockStore.record(extended.id()).orElseThrow().extensionNoticeSentAt())
                .isNotNull();
        assertThat(eventKinds(reference))
                .containsSubsequence("EXTENSION_NOTICE_TO_POST", "LETTER_POSTED", "EXTENSION_NOTICE_SENT");
    }

    @Test
    void anUnansweredIdRequestIsChasedOnceThenClosedWithALetterAfterOneMonth() throws Exception {
        ProcessInstance pi = startRequest("quiet.stranger.386@example.org", null, 0);
        String reference = pi.getBusinessKey();
        process(pi).isWaitingFor("requester-reply");

        // Asked Monday 15 June: one reminder 14 days on, Monday 29 June at 08:00; closed at the end of
        // Wednesday 15 July, one month on.
        Job chase = timer(pi, "Timer_ChaseDue");
        assertThat(chase.getDuedate()).isEqualTo(ukTime("2026-06-29T08:00"));
        Job close = managementService
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("Timer_IdNotReceived")
                .singleResult();
        assertThat(close.getDuedate()).isEqualTo(ukTime("2026-07-15T23:59:59"));

        managementService.executeJob(chase.getId());
        runDueJobs(clocksOf(pi).getId());
        assertThat(text(mailFor(reference, "This is the only reminder")))
                .contains("a document to confirm your identity")
                .contains("If we have not heard from you by 15 July 2026, we will close the request")
                .contains("This is the only reminder we will send.");
        assertThat(timer(pi, "Timer_ChaseDue"))
                .as("chased once: no second reminder waits")
                .isNull();

        managementService.executeJob(close.getId());
        runJobs(pi);

        process(pi).isEnded();
        assertThat(register.get(reference).outcome()).isEqualTo("CLOSED_NO_ID");
        assertThat(letters(reference))
                .containsExactly("acknowledgement", "id-request", "reply-reminder", "id-not-received");
    }

    @Test
    void anUnansweredClarificationIsChasedOnceThenTheRequestIsClosedWithALetter() throws Exception {
        ProcessInstance pi = startFor(person(382), 0);
        String reference = pi.getBusinessKey();
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(
                pi,
                "Task_TriageRequest",
                "olivia",
                Map.of("triageDecision", "CLARIFY", "clarificationQuestion", "Which calls do you mean?"));
        process(pi).isWaitingFor("requester-reply");
        // Asked Monday 15 June: the letter names the day the request closes, Wednesday 15 July.
        assertThat(text(mailFor(reference, "Which calls do you mean?")))
                .contains("If we have not heard from you by 15 July 2026, we will close the request");
        Job chase = timer(pi, "Timer_ChaseDue");
        assertThat(chase.getDuedate()).isEqualTo(ukTime("2026-06-29T08:00"));
        managementService.executeJob(chase.getId());
        runDueJobs(clocksOf(pi).getId());
        assertThat(text(mailFor(reference, "This is the only reminder")))
                .contains("a question so that we can find what you are looking for")
                .contains("If we have not heard from you by 15 July 2026");

        Job close = managementService
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId("Timer_NoClarification")
                .singleResult();
        assertThat(close.getDuedate()).isEqualTo(ukTime("2026-07-15T23:59:59"));
        managementService.executeJob(close.getId());
        runJobs(pi);

        process(pi).isEnded();
        assertThat(register.get(reference).outcome()).isEqualTo("CLOSED_NO_CLARIFICATION");
        assertThat(letters(reference))
                .containsExactly(
                        "acknowledgement", "clarification-request", "reply-reminder", "clarification-not-received");
        assertThat(text(mailFor(reference, "We have not received your answer"))).contains("closed the request");
    }

    private Task recordReplyTask(ProcessInstance pi) {
        return taskService
                .createTaskQuery()
                .processInstanceId(clocksOf(pi).getId())
                .taskDefinitionKey("Task_RecordReplyByPost")
                .singleResult();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService
                .createJobQuery()
                .processInstanceId(clocksOf(pi).getId())
                .activityId(activityId)
                .timers()
                .singleResult();
    }

    /** The four SLA timers of the request's clocks (not the reminder to the requester). */
    private List<Job> clockTimers(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(clocksOf(pi).getId()).timers().list().stream()
                .filter(j -> !j.getId().equals(chaseJobId(pi)))
                .toList();
    }

    private String chaseJobId(ProcessInstance pi) {
        return managementService
                .createJobQuery()
                .processInstanceId(clocksOf(pi).getId())
                .activityId("Timer_ChaseDue")
                .list()
                .stream()
                .map(Job::getId)
                .findFirst()
                .orElse("");
    }

    private List<Date> breachIncidents(ProcessInstance pi) {
        return runtimeService
                .createIncidentQuery()
                .processInstanceId(pi.getId())
                .incidentType("slaBreach")
                .list()
                .stream()
                .map(Incident::getIncidentTimestamp)
                .toList();
    }
}
