package uk.lucidservices.privacydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/** Pauses, clock start on ID, extensions: each moves the stored dates, the live timers and the task dates. */
class ClockChangesTest extends SlaIntegrationTest {

    @Autowired
    RequestClockService clockService;

    @Autowired
    ClockStore store;

    @Test
    void aPauseHoldsTheTimersAndResumeMovesThemByThePausedDays() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 20);
        ProcessInstance parent = startProcess(request);
        // Received Tuesday 26 May (day 1): internal target day 28, Monday 22 June; escalation 15 June,
        // reminder 8 June; statutory deadline 26 June (a Friday).
        Map<SlaClock, Job> armed = timers(parent);
        Map<SlaClock, Date> expectedBefore =
                firing("2026-06-08T08:00", "2026-06-15T08:00", "2026-06-23T00:00", "2026-06-27T00:00");
        for (SlaClock c : SlaClock.values()) {
            assertThat(armed.get(c).getDuedate()).as(c.name()).isEqualTo(expectedBefore.get(c));
        }

        doStep(
                parent,
                "pause",
                Map.of(PauseClock.ASKED_ON, today().minusDays(15).toString()));

        Request paused = register.get(request.reference());
        assertThat(paused.paused()).isTrue();
        assertThat(timers(parent).values()).extracting(Job::getDuedate).containsOnly(TimerDates.HELD);
        assertThat(eventKinds(request.reference())).contains("CLOCK_PAUSED");

        doStep(
                parent,
                "resume",
                Map.of(ResumeClock.ANSWERED_ON, today().minusDays(5).toString()));

        // Stopped 31 May to 10 June: ten days. Internal target 22 June + 10 = 2 July, escalation 25 June,
        // reminder 18 June; statutory deadline 26 June + 10 days = 6 July (a Monday).
        Deadlines after = clocks.current(request.reference());
        assertThat(after.pausedDays()).isEqualTo(10);
        assertThat(after.paused()).isFalse();
        assertThat(after.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 2));
        assertThat(after.escalationDate()).isEqualTo(LocalDate.of(2026, 6, 25));
        assertThat(after.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 6));
        Map<SlaClock, Job> moved = timers(parent);
        Map<SlaClock, Date> expectedAfter =
                firing("2026-06-18T08:00", "2026-06-25T08:00", "2026-07-03T00:00", "2026-07-07T00:00");
        for (SlaClock c : SlaClock.values()) {
            assertThat(moved.get(c).getId())
                    .as("the same job, moved")
                    .isEqualTo(armed.get(c).getId());
            assertThat(moved.get(c).getDuedate()).as(c.name()).isEqualTo(expectedAfter.get(c));
        }
        Request resumed = register.get(request.reference());
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.internalTarget()).isEqualTo(after.internalTarget());
        assertThat(resumed.statutoryDeadline()).isEqualTo(after.statutoryDeadline());
        assertThat(eventKinds(request.reference())).contains("CLOCK_RESUMED");
    }

    @Test
    void anExtensionWithinTheFirstMonthMovesTheTimersAndIsRecorded() {
        Request request = logRequest(RequestType.ERASURE, 3);
        ProcessInstance parent = startProcess(request);
        // Received Friday 12 June: one month is Sunday 12 July, so Monday 13 July.
        assertThat(clocks.current(request.reference()).statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 13));

        doStep(
                parent,
                "extend",
                Map.of(
                        ExtendDeadline.REASON,
                        "Numerous requests: six systems and manual files",
                        ExtendDeadline.APPROVED_BY,
                        "mark"));

        Deadlines after = clocks.current(request.reference());
        assertThat(after.extended()).isTrue();
        // Three months is Saturday 12 September, so Monday 14 September; the internal target follows it.
        assertThat(after.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(timer(parent, SlaClock.STATUTORY_DEADLINE).getDuedate()).isEqualTo(ukTime("2026-09-15T00:00"));
        assertThat(timer(parent, SlaClock.INTERNAL_TARGET).getDuedate()).isEqualTo(ukTime("2026-09-15T00:00"));
        ClockStore.ClockRecord record = store.record(request.id()).orElseThrow();
        assertThat(record.extensionReason()).isEqualTo("Numerous requests: six systems and manual files");
        assertThat(record.extensionApprovedBy()).isEqualTo("mark");
        assertThat(record.extendedOn()).isEqualTo(today());
        assertThat(register.events(request.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("DEADLINE_EXTENDED");
            assertThat(e.actor()).isEqualTo("mark");
        });
        // The reason lives on the request, not in the engine.
        assertThat(runtimeService.getVariable(parent.getId(), ExtendDeadline.REASON))
                .isNull();
        // The new work task carries the extended deadline.
        assertThat(workTask(parent).getDueDate()).isEqualTo(ukTime("2026-09-14T23:59"));

        clockService.extensionNoticeSent(request.reference());
        assertThat(store.record(request.id()).orElseThrow().extensionNoticeSentAt())
                .isNotNull();
    }

    @Test
    void anExtensionAfterTheFirstMonthIsRefusedAndChangesNothing() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 40);
        ProcessInstance parent = startProcess(request);
        Job statutory = timer(parent, SlaClock.STATUTORY_DEADLINE);

        assertThat(clockService.extensionAllowed(request.reference())).isFalse();
        assertThatThrownBy(() -> doStep(
                        parent, "extend", Map.of(ExtendDeadline.REASON, "Complex", ExtendDeadline.APPROVED_BY, "mark")))
                .satisfies(e -> assertThat(refusal(e))
                        .hasMessageContaining(request.reference())
                        .hasMessageContaining("the first month ended on"));

        assertThat(register.get(request.reference()).extended()).isFalse();
        assertThat(timer(parent, SlaClock.STATUTORY_DEADLINE).getDuedate()).isEqualTo(statutory.getDuedate());
        assertThat(workTask(parent)).as("the task was not completed").isNotNull();
    }

    @Test
    void anExtensionIsAllowedOnceAndOnlyWithAReasonAndAManager() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 1);
        assertThatThrownBy(() -> clockService.extend(request.reference(), " ", "mark"))
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> clockService.extend(request.reference(), "Complex", "olivia"))
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("managers");

        clockService.extend(request.reference(), "Complex", "mark");

        assertThatThrownBy(() -> clockService.extend(request.reference(), "Complex", "mark"))
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("already been extended");
    }

    @Test
    void theClockStartsOnTheDayIdArrives() {
        Request request = logRequest(RequestType.ERASURE, 6);
        ProcessInstance parent = startProcess(request);
        LocalDate idArrived = today().minusDays(2);

        doStep(parent, "startClock", Map.of(StartClockOnIdArrival.ID_RECEIVED_ON, idArrived.toString()));

        Request moved = register.get(request.reference());
        assertThat(moved.clockStart()).isEqualTo(idArrived);
        // ID arrived Saturday 13 June (day 1): the internal target is day 28, Friday 10 July.
        Deadlines d = clocks.current(request.reference());
        assertThat(d.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(moved.internalTarget()).isEqualTo(d.internalTarget());
        assertThat(timer(parent, SlaClock.INTERNAL_TARGET).getDuedate()).isEqualTo(ukTime("2026-07-11T00:00"));
        assertThat(eventKinds(request.reference())).contains("CLOCK_START_MOVED");
        assertThatThrownBy(() -> clockService.startClockOn(
                        request.reference(), clocks.receivedDate(request).minusDays(1)))
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("is before");
    }

    @Test
    void clocksStartedWhileTheClockIsStoppedAreHeldUntilResume() {
        Request request = logRequest(RequestType.ERASURE, 5);
        clockService.pause(request.reference(), today().minusDays(1));

        ProcessInstance parent = startProcess(request);
        assertThat(timers(parent).values()).extracting(Job::getDuedate).containsOnly(TimerDates.HELD);

        doStep(parent, "resume", Map.of(ResumeClock.ANSWERED_ON, today().toString()));
        Deadlines d = clocks.current(request.reference());
        assertThat(d.pausedDays()).isEqualTo(1);
        // Received Wednesday 10 June (day 1), stopped one day: internal target day 28 is 7 July, plus
        // one is 8 July; escalation 1 July, reminder 24 June; statutory deadline 11 July, a Saturday,
        // so Monday 13 July.
        Map<SlaClock, Date> expected =
                firing("2026-06-24T08:00", "2026-07-01T08:00", "2026-07-09T00:00", "2026-07-14T00:00");
        for (SlaClock c : SlaClock.values()) {
            assertThat(timer(parent, c).getDuedate()).as(c.name()).isEqualTo(expected.get(c));
        }
    }

    @Test
    void pauseAndResumeFollowTheRules() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 10);
        assertThatThrownBy(() -> clockService.resume(request.reference(), today()))
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("not stopped");
        assertThatThrownBy(() -> clockService.pause(request.reference(), today().plusDays(1)))
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("in the future");
        clockService.pause(request.reference(), today().minusDays(3));
        assertThatThrownBy(() -> clockService.pause(request.reference(), today()))
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("already stopped");
        assertThatThrownBy(() -> clockService.resume(request.reference(), today().minusDays(4)))
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("is before");
        // While paused the dates move day by day: three days so far.
        assertThat(clocks.current(request.reference()).pausedDays()).isEqualTo(3);
        clockService.resume(request.reference(), today().minusDays(1));
        assertThatThrownBy(() -> clockService.pause(request.reference(), today().minusDays(2)))
                .as("a second pause cannot overlap the first")
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("is before");
        clockService.pause(request.reference(), today());
        assertThat(clocks.current(request.reference()).pausedDays()).isEqualTo(2);
    }

    @Test
    void aComplaintsClockCannotBePausedOrExtended() {
        Request complaint = logRequest(RequestType.COMPLAINT, 1);
        assertThatThrownBy(() -> clockService.pause(complaint.reference(), today()))
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("complaint");
        assertThatThrownBy(() -> clockService.extend(complaint.reference(), "Complex", "mark"))
                .isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("complaint");
    }

    @Test
    void everyTaskIsDueOnTheDeadlineWithTheEscalationDateAsFollowUp() {
        Request sar = logRequest(RequestType.SUBJECT_ACCESS, 2);
        Task sarTask = workTask(startProcess(sar));
        // Received Saturday 13 June: statutory deadline Monday 13 July, internal target (day 28)
        // 10 July, escalation 3 July.
        assertThat(sarTask.getDueDate()).isEqualTo(ukTime("2026-07-13T23:59"));
        assertThat(sarTask.getFollowUpDate()).isEqualTo(ukTime("2026-07-03T00:00"));

        // A complaint's task is due on its 28-day internal target, not Ofcom's eight weeks.
        Request complaint = logRequest(RequestType.COMPLAINT, 2);
        Task complaintTask = workTask(startProcess(complaint));
        assertThat(clocks.current(complaint.reference()).internalTarget()).isEqualTo(LocalDate.of(2026, 7, 11));
        assertThat(complaintTask.getDueDate()).isEqualTo(ukTime("2026-07-11T23:59"));
    }

    @Test
    void openTasksAreReDatedWhenTheClockMoves() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 8);
        ProcessInstance parent = startProcess(request);
        Task open = workTask(parent);
        // Received Sunday 7 June: due Tuesday 7 July.
        assertThat(open.getDueDate()).isEqualTo(ukTime("2026-07-07T23:59"));

        clockService.startClockOn(request.reference(), today());

        // Clock start 15 June (day 1): statutory deadline 15 July, internal target 12 July, escalation 5 July.
        Task redated = taskService.createTaskQuery().taskId(open.getId()).singleResult();
        assertThat(redated.getDueDate()).isEqualTo(ukTime("2026-07-15T23:59"));
        assertThat(redated.getFollowUpDate()).isEqualTo(ukTime("2026-07-05T00:00"));
    }

    private Map<SlaClock, Job> timers(ProcessInstance parent) {
        Map<SlaClock, Job> jobs = new EnumMap<>(SlaClock.class);
        for (SlaClock c : SlaClock.values()) {
            jobs.put(c, timer(parent, c));
        }
        return jobs;
    }

    private static ClockChangeRefusedException refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ClockChangeRefusedException refused) {
                return refused;
            }
        }
        throw new AssertionError("No ClockChangeRefusedException in " + thrown, thrown);
    }
}
