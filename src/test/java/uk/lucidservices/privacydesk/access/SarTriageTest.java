package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.sla.ClockStore;
import uk.lucidservices.privacydesk.sla.RequestClocks;

/**
 * Triage of a confirmed request: refusal with reasons and rights, clarification with the clock
 * stopped until the answer, and an extension a manager approves within the first month only.
 */
class SarTriageTest extends SarProcessTestSupport {

    private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Autowired
    TriageNotes notes;

    @Autowired
    ClockStore clockStore;

    @Autowired
    RequestClocks clocks;

    /** Started, acknowledged and confirmed by olivia: waiting for triage. */
    private ProcessInstance atTriage(int personIndex, int daysAgo) {
        ProcessInstance pi = startFor(person(personIndex), daysAgo);
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        process(pi).isWaitingAt("Task_TriageRequest");
        return pi;
    }

    @Test
    void aRefusalNeedsAReasonWhichTheLetterGivesWithTheRightToComplainAndNoVariableKeeps() throws Exception {
        ProcessInstance pi = atTriage(110, 2);
        String reference = pi.getBusinessKey();
        String reason =
                "This is the twelfth identical request this month, and we answered it in full on each occasion.";

        Task triage = task(pi, "Task_TriageRequest");
        taskService.claim(triage.getId(), "olivia");
        assertThatThrownBy(() -> taskService.complete(triage.getId(), Map.of("triageDecision", "REFUSE")))
                .hasMessageContaining("reason for refusing");
        taskService.setAssignee(triage.getId(), null);
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "REFUSE", "refusalReason", reason));
        work(pi, "Task_ApproveRefusal", "mark", Map.of("refusalDecision", "SIGN_OFF"));

        process(pi).isEnded();
        assertThat(register.get(reference).outcome()).isEqualTo("REFUSED");
        assertThat(clocksEnded(pi)).isTrue();
        assertThat(letters(reference)).containsExactly("acknowledgement", "refusal");
        String letter = text(mailFor(reference, "not able to comply"));
        assertThat(letter).contains(reason).contains("Information Commissioner").contains("courts");
        assertThat(notes.latest(register.get(reference).id(), TriageNotes.Kind.REFUSAL_REASON))
                .contains(reason);
        assertThat(register.events(register.get(reference).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("TRIAGE_DECISION");
            assertThat(e.actor()).isEqualTo("olivia");
            assertThat(e.detail()).isEqualTo("decision=REFUSE");
        });
        assertThat(historicValues(pi, "refusalReason")).containsOnlyNulls();
    }

    @Test
    void clarificationStopsTheClockUntilTheAnswerAndAddsThePausedDays() throws Exception {
        ProcessInstance pi = atTriage(410, 20);
        String reference = pi.getBusinessKey();
        Request before = register.get(reference);
        String question = "Which calls do you mean? Please give the approximate dates.";

        work(
                pi,
                "Task_TriageRequest",
                "olivia",
                Map.of(
                        "triageDecision",
                        "CLARIFY",
                        "clarificationQuestion",
                        question,
                        "clarificationAlreadyAskedOn",
                        today().minusDays(5).toString()));

        process(pi).isWaitingFor("requester-reply");
        assertThat(register.get(reference).paused())
                .as("the register shows the clock stopped")
                .isTrue();
        assertThat(letters(reference)).containsExactly("acknowledgement", "clarification-request");
        assertThat(text(mailFor(reference, "ask you a question"))).contains(question);

        replyFromRequester(pi, 0);

        process(pi).isWaitingAt("Task_TriageRequest");
        Request after = register.get(reference);
        assertThat(after.paused()).isFalse();
        // Received Tuesday 26 May (day 1), stopped from 10 June to today, 15 June: five days. Internal
        // target day 28, 22 June, + 5 = 27 June; statutory deadline 26 June + 5 = Wednesday 1 July.
        assertThat(before.internalTarget()).isEqualTo(LocalDate.of(2026, 6, 22));
        assertThat(after.internalTarget()).as("five paused days added").isEqualTo(LocalDate.of(2026, 6, 27));
        assertThat(after.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(clocks.current(reference).pausedDays()).isEqualTo(5);
        assertThat(eventKinds(reference)).containsSubsequence("TRIAGE_DECISION", "CLOCK_PAUSED", "CLOCK_RESUMED");
        // Triage decides whether the clock runs: two working days after the task was made, Wednesday
        // 17 June, not the moved statutory deadline.
        assertThat(task(pi, "Task_TriageRequest").getDueDate())
                .as("the new triage task is due in two working days")
                .isEqualTo(ukTime("2026-06-17T23:59"));
        assertThat(runtimeService.getVariables(pi.getId()).keySet())
                .as("the next triage form opens empty")
                .doesNotContain(
                        "triageDecision",
                        "clarificationAlreadyAskedOn",
                        "clarificationAskedOn",
                        "clarificationQuestion");
    }

    @Test
    void aManagerApprovesAnExtensionWithinTheFirstMonthAndTheRequesterIsToldWhy() throws Exception {
        ProcessInstance pi = atTriage(140, 3);
        String reference = pi.getBusinessKey();
        Request before = register.get(reference);
        String reason = "Numerous requests: you made four requests this month covering six systems and paper files.";

        Task triage = task(pi, "Task_TriageRequest");
        taskService.claim(triage.getId(), "olivia");
        assertThatThrownBy(() -> taskService.complete(triage.getId(), Map.of("triageDecision", "EXTEND")))
                .hasMessageContaining("reason for the extension");
        taskService.setAssignee(triage.getId(), null);
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "EXTEND", "proposedExtensionReason", reason));

        process(pi).isWaitingAt("Task_ApproveExtension");
        assertThat(taskService.getIdentityLinksForTask(
                        task(pi, "Task_ApproveExtension").getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly("managers");
        work(
                pi,
                "Task_ApproveExtension",
                "mark",
                Map.of("extensionDecision", "APPROVE", "proposedExtensionReason", reason));

        process(pi).isWaitingAt("Task_TriageRequest");
        Request extended = register.get(reference);
        assertThat(extended.extended()).isTrue();
        // Received Friday 12 June: three months is Saturday 12 September, so Monday 14 September.
        assertThat(before.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 13));
        assertThat(extended.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 9, 14));
        ClockStore.ClockRecord record = clockStore.record(extended.id()).orElseThrow();
        assertThat(record.extensionReason()).isEqualTo(reason);
        assertThat(record.extensionApprovedBy()).isEqualTo("mark");
        assertThat(record.extensionNoticeSentAt()).isNotNull();
        assertThat(letters(reference)).containsExactly("acknowledgement", "extension-notice");
        assertThat(text(mailFor(reference, "two further months")))
                .contains(reason)
                .contains(LETTER_DATE.format(extended.statutoryDeadline()));
        assertThat(eventKinds(reference))
                .containsSubsequence("EXTENSION_APPROVED", "DEADLINE_EXTENDED", "LETTER_SENT", "EXTENSION_NOTICE_SENT");
        assertThat(runtimeService.getVariables(pi.getId()))
                .doesNotContainKeys("proposedExtensionReason", "extensionReason", "extensionDecision");
        assertThat(historicValues(pi, "proposedExtensionReason")).containsOnlyNulls();
    }

    @Test
    void aManagerWhoRefusesTheExtensionSendsTheRequestBackToTriage() {
        ProcessInstance pi = atTriage(420, 3);
        String reference = pi.getBusinessKey();
        work(
                pi,
                "Task_TriageRequest",
                "olivia",
                Map.of("triageDecision", "EXTEND", "proposedExtensionReason", "Complex"));
        work(
                pi,
                "Task_ApproveExtension",
                "mark",
                Map.of("extensionDecision", "REFUSE", "proposedExtensionReason", "Complex"));

        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(register.get(reference).extended()).isFalse();
        assertThat(letters(reference)).containsExactly("acknowledgement");
        assertThat(register.events(register.get(reference).id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("EXTENSION_REFUSED");
            assertThat(e.actor()).isEqualTo("mark");
        });
        assertThat(runtimeService.getVariables(pi.getId()))
                .doesNotContainKeys("proposedExtensionReason", "extensionReason", "extensionDecision");
    }

    @Test
    void afterTheFirstMonthNoExtensionIsOfferedToAManager() {
        ProcessInstance pi = atTriage(430, 40);
        String reference = pi.getBusinessKey();
        work(
                pi,
                "Task_TriageRequest",
                "olivia",
                Map.of("triageDecision", "EXTEND", "proposedExtensionReason", "Complex"));

        process(pi).isWaitingAt("Task_TriageRequest");
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .activityId("Task_ApproveExtension")
                        .count())
                .isZero();
        assertThat(register.get(reference).extended()).isFalse();
        assertThat(letters(reference)).containsExactly("acknowledgement");
    }

    @Test
    void anExtensionApprovedAfterTheFirstMonthEndedIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = atTriage(440, 3);
        String reference = pi.getBusinessKey();
        work(
                pi,
                "Task_TriageRequest",
                "olivia",
                Map.of("triageDecision", "EXTEND", "proposedExtensionReason", "Complex"));
        process(pi).isWaitingAt("Task_ApproveExtension");
        Deadlines beforeMonthEnded = clocks.current(reference);
        assertThat(beforeMonthEnded.extended()).isFalse();
        // The manager leaves the task until the first month is over.
        OffsetDateTime fortyDaysAgo =
                today().minusDays(40).atStartOfDay(clock.getZone()).toOffsetDateTime();
        jdbc.update(
                "UPDATE desk.request SET received_at = ?, clock_start = ? WHERE reference = ?",
                fortyDaysAgo.withOffsetSameInstant(ZoneOffset.UTC),
                fortyDaysAgo.toLocalDate(),
                reference);

        Task approve = task(pi, "Task_ApproveExtension");
        taskService.claim(approve.getId(), "mark");
        assertThatThrownBy(() -> taskService.complete(
                        approve.getId(), Map.of("extensionDecision", "APPROVE", "proposedExtensionReason", "Complex")))
                .hasMessageContaining(reference)
                .hasMessageContaining("the first month ended on");

        process(pi).isWaitingAt("Task_ApproveExtension");
        assertThat(register.get(reference).extended()).isFalse();
        assertThat(eventKinds(reference)).doesNotContain("EXTENSION_APPROVED", "DEADLINE_EXTENDED");
    }

    private List<Object> historicValues(ProcessInstance pi, String name) {
        return historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .includeDeleted()
                .list()
                .stream()
                .map(HistoricVariableInstance::getValue)
                .toList();
    }
}
