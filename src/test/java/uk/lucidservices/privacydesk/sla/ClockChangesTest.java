package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.calendar.ClockPause;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.calendar.RequestClock;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        Deadlines before = clocks.current(request.reference());
        Map<SlaClock, Job> armed = timers(parent);
        for (SlaClock c : SlaClock.values()) {
            assertThat(armed.get(c).getDuedate()).isEqualTo(expectedFiring(c, before));
        }

        doStep(parent, "pause", Map.of(PauseClock.ASKED_ON, today().minusDays(15).toString()));

        Request paused = register.get(request.reference());
        assertThat(paused.paused()).isTrue();
        assertThat(timers(parent).values()).extracting(Job::getDuedate).containsOnly(TimerDates.HELD);
        assertThat(eventKinds(request)).contains("CLOCK_PAUSED");

        doStep(parent, "resume", Map.of(ResumeClock.ANSWERED_ON, today().minusDays(5).toString()));

        Deadlines after = clocks.current(request.reference());
        assertThat(after.pausedDays()).isEqualTo(10);
        assertThat(after.paused()).isFalse();
        assertThat(after.internalTarget()).isEqualTo(before.internalTarget().plusDays(10));
        assertThat(after.escalationDate()).isEqualTo(before.escalationDate().plusDays(10));
        assertThat(after.statutoryDeadline()).isEqualTo(calculator.compute(
                RequestClock.receivedOn(clocks.receivedDate(request))
                        .withPause(ClockPause.closed(today().minusDays(15), today().minusDays(5))), today())
                .statutoryDeadline());
        Map<SlaClock, Job> moved = timers(parent);
        for (SlaClock c : SlaClock.values()) {
            assertThat(moved.get(c).getId()).as("the same job, moved").isEqualTo(armed.get(c).getId());
            assertThat(moved.get(c).getDuedate()).as(c.name()).isEqualTo(expectedFiring(c, after));
        }
        assertThat(timerDates.date(SlaClock.REMINDER, after)).isEqualTo(timerDates.date(SlaClock.REMINDER, before).plusDays(10));
        Request resumed = register.get(request.reference());
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.internalTarget()).isEqualTo(after.internalTarget());
        assertThat(resumed.statutoryDeadline()).isEqualTo(after.statutoryDeadline());
        assertThat(eventKinds(request)).contains("CLOCK_RESUMED");
    }

    @Test
    void anExtensionWithinTheFirstMonthMovesTheTimersAndIsRecorded() {
        Request request = logRequest(RequestType.ERASURE, 3);
        ProcessInstance parent = startProcess(request);
        Deadlines before = clocks.current(request.reference());

        doStep(parent, "extend", Map.of(ExtendDeadline.REASON, "Numerous requests: six systems and manual files",
                ExtendDeadline.APPROVED_BY, "mark"));

        Deadlines after = clocks.current(request.reference());
        assertThat(after.extended()).isTrue();
        assertThat(after.statutoryDeadline()).isAfter(before.statutoryDeadline().plusMonths(1));
        assertThat(timer(parent, SlaClock.STATUTORY_DEADLINE).getDuedate())
                .isEqualTo(expectedFiring(SlaClock.STATUTORY_DEADLINE, after));
        assertThat(timer(parent, SlaClock.INTERNAL_TARGET).getDuedate())
                .isEqualTo(expectedFiring(SlaClock.INTERNAL_TARGET, after));
        ClockStore.ClockRecord record = store.record(request.id()).orElseThrow();
        assertThat(record.extensionReason()).isEqualTo("Numerous requests: six systems and manual files");
        assertThat(record.extensionApprovedBy()).isEqualTo("mark");
        assertThat(record.extendedOn()).isEqualTo(today());
        assertThat(register.events(request.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("DEADLINE_EXTENDED");
            assertThat(e.actor()).isEqualTo("mark");
        });
        // The reason lives on the request, not in the engine.
        assertThat(runtimeService.getVariable(parent.getId(), ExtendDeadline.REASON)).isNull();
        // The new work task carries the extended deadline.
        assertThat(workTask(parent).getDueDate()).isEqualTo(timerDates.taskDue(RequestType.ERASURE, after));

        clockService.extensionNoticeSent(request.reference());
        assertThat(store.record(request.id()).orElseThrow().extensionNoticeSentAt()).isNotNull();
    }

    @Test
    void anExtensionAfterTheFirstMonthIsRefusedAndChangesNothing() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 40);
        ProcessInstance parent = startProcess(request);
        Job statutory = timer(parent, SlaClock.STATUTORY_DEADLINE);

        assertThat(clockService.extensionAllowed(request.reference())).isFalse();
        assertThatThrownBy(() -> doStep(parent, "extend", Map.of(ExtendDeadline.REASON, "Complex",
                ExtendDeadline.APPROVED_BY, "mark")))
                .satisfies(e -> assertThat(refusal(e)).hasMessageContaining(request.reference())
                        .hasMessageContaining("the first month ended on"));

        assertThat(register.get(request.reference()).extended()).isFalse();
        assertThat(timer(parent, SlaClock.STATUTORY_DEADLINE).getDuedate()).isEqualTo(statutory.getDuedate());
        assertThat(workTask(parent)).as("the task was not completed").isNotNull();
    }

    @Test
    void anExtensionIsAllowedOnceAndOnlyWithAReasonAndAManager() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 1);
        assertThatThrownBy(() -> clockService.extend(request.reference(), " ", "mark"))
                .isInstanceOf(ClockChangeRefusedException.class).hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> clockService.extend(request.reference(), "Complex", "olivia"))
                .isInstanceOf(ClockChangeRefusedException.class).hasMessageContaining("managers");

        clockService.extend(request.reference(), "Complex", "mark");

        assertThatThrownBy(() -> clockService.extend(request.reference(), "Complex", "mark"))
                .isInstanceOf(ClockChangeRefusedException.class).hasMessageContaining("already been extended");
    }

    @Test
    void theClockStartsOnTheDayIdArrives() {
        Request request = logRequest(RequestType.ERASURE, 6);
        ProcessInstance parent = startProcess(request);
        LocalDate idArrived = today().minusDays(2);

        doStep(parent, "startClock", Map.of(StartClockOnIdArrival.ID_RECEIVED_ON, idArrived.toString()));

        Request moved = register.get(request.reference());
        assertThat(moved.clockStart()).isEqualTo(idArrived);
        Deadlines d = clocks.current(request.reference());
        assertThat(d.internalTarget()).isEqualTo(idArrived.plusDays(28));
        assertThat(moved.internalTarget()).isEqualTo(d.internalTarget());
        assertThat(timer(parent, SlaClock.INTERNAL_TARGET).getDuedate())
                .isEqualTo(expectedFiring(SlaClock.INTERNAL_TARGET, d));
        assertThat(eventKinds(request)).contains("CLOCK_START_MOVED");
        assertThatThrownBy(() -> clockService.startClockOn(request.reference(), clocks.receivedDate(request).minusDays(1)))
                .isInstanceOf(ClockChangeRefusedException.class).hasMessageContaining("is before");
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
        for (SlaClock c : SlaClock.values()) {
            assertThat(timer(parent, c).getDuedate()).as(c.name()).isEqualTo(expectedFiring(c, d));
        }
    }

    @Test
    void pauseAndResumeFollowTheRules() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 10);
        assertThatThrownBy(() -> clockService.resume(request.reference(), today()))
                .isInstanceOf(ClockChangeRefusedException.class).hasMessageContaining("not stopped");
        assertThatThrownBy(() -> clockService.pause(request.reference(), today().plusDays(1)))
                .isInstanceOf(ClockChangeRefusedException.class).hasMessageContaining("in the future");
        clockService.pause(request.reference(), today().minusDays(3));
        assertThatThrownBy(() -> clockService.pause(request.reference(), today()))
                .isInstanceOf(ClockChangeRefusedException.class).hasMessageContaining("already stopped");
        assertThatThrownBy(() -> clockService.resume(request.reference(), today().minusDays(4)))
                .isInstanceOf(ClockChangeRefusedException.class).hasMessageContaining("is before");
        // While paused the dates move day by day: three days so far.
        assertThat(clocks.current(request.reference()).pausedDays()).isEqualTo(3);
        clockService.resume(request.reference(), today().minusDays(1));
        assertThatThrownBy(() -> clockService.pause(request.reference(), today().minusDays(2)))
                .as("a second pause cannot overlap the first").isInstanceOf(ClockChangeRefusedException.class)
                .hasMessageContaining("is before");
        clockService.pause(request.reference(), today());
        assertThat(clocks.current(request.reference()).pausedDays()).isEqualTo(2);
    }

    @Test
    void aComplaintsClockCannotBePausedOrExtended() {
        Request complaint = logRequest(RequestType.COMPLAINT, 1);
        assertThatThrownBy(() -> clockService.pause(complaint.reference(), today()))
                .isInstanceOf(ClockChangeRefusedException.class).hasMessageContaining("complaint");
        assertThatThrownBy(() -> clockService.extend(complaint.reference(), "Complex", "mark"))
                .isInstanceOf(ClockChangeRefusedException.class).hasMessageContaining("complaint");
    }

    @Test
    void everyTaskIsDueOnTheDeadlineWithTheEscalationDateAsFollowUp() {
        Request sar = logRequest(RequestType.SUBJECT_ACCESS, 2);
        Task sarTask = workTask(startProcess(sar));
        Deadlines sarDates = clocks.current(sar.reference());
        assertThat(sarTask.getDueDate().toInstant()).isEqualTo(
                sarDates.statutoryDeadline().atTime(23, 59).atZone(clock.getZone()).toInstant());
        assertThat(sarTask.getFollowUpDate().toInstant()).isEqualTo(
                sarDates.escalationDate().atStartOfDay(clock.getZone()).toInstant());

        // A complaint's task is due on its 28-day internal target, not Ofcom's eight weeks.
        Request complaint = logRequest(RequestType.COMPLAINT, 2);
        Task complaintTask = workTask(startProcess(complaint));
        Deadlines complaintDates = clocks.current(complaint.reference());
        assertThat(complaintDates.internalTarget()).isEqualTo(clocks.receivedDate(complaint).plusDays(28));
        assertThat(complaintTask.getDueDate().toInstant()).isEqualTo(
                complaintDates.internalTarget().atTime(23, 59).atZone(clock.getZone()).toInstant());
    }

    @Test
    void openTasksAreReDatedWhenTheClockMoves() {
        Request request = logRequest(RequestType.SUBJECT_ACCESS, 8);
        ProcessInstance parent = startProcess(request);
        Task open = workTask(parent);

        clockService.startClockOn(request.reference(), today());

        Task redated = taskService.createTaskQuery().taskId(open.getId()).singleResult();
        Deadlines d = clocks.current(request.reference());
        assertThat(redated.getDueDate()).isEqualTo(timerDates.taskDue(RequestType.SUBJECT_ACCESS, d)).isAfter(open.getDueDate());
        assertThat(redated.getFollowUpDate()).isEqualTo(timerDates.taskFollowUp(d));
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
