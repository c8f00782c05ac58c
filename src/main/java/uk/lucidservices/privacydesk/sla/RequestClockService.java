package uk.lucidservices.privacydesk.sla;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.calendar.ClockPause;
import uk.lucidservices.privacydesk.calendar.DeadlineCalculator;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.calendar.RequestClock;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Moves a request's clocks: clarification pauses (Art. 12A), the clock start on receipt of ID or
 * fee, and the extension. Each change is stored, the dates recomputed with
 * {@link DeadlineCalculator} and written to the register, recorded as an event, and carried to the
 * live timers of the request's {@code request-sla-clocks} instance and to its open tasks.
 * <p>
 * Call it from process delegates ({@link PauseClock} and friends) or from code that runs in a
 * transaction after the request's process reached a wait state: the clock instance must already be
 * in the database for its timers to be found.
 */
@Service
public class RequestClockService {

    private final RequestRegister register;
    private final ClockStore store;
    private final RequestClocks clocks;
    private final DeadlineCalculator calculator;
    private final LiveTimers timers;
    private final TaskDueDates taskDueDates;
    private final IdentityService identityService;

    public RequestClockService(
            RequestRegister register,
            ClockStore store,
            RequestClocks clocks,
            DeadlineCalculator calculator,
            LiveTimers timers,
            TaskDueDates taskDueDates,
            IdentityService identityService) {
        this.register = register;
        this.store = store;
        this.clocks = clocks;
        this.calculator = calculator;
        this.timers = timers;
        this.taskDueDates = taskDueDates;
        this.identityService = identityService;
    }

    /** The request's dates as of today. */
    public Deadlines current(String reference) {
        return clocks.current(reference);
    }

    /** Whether an extension can still be made today (rights requests, first month, not yet extended). */
    public boolean extensionAllowed(String reference) {
        Request request = register.get(reference);
        return request.type() != RequestType.COMPLAINT
                && request.closedAt() == null
                && calculator.extensionAllowed(clocks.facts(request, store.pauses(request.id())), clocks.today());
    }

    /** Stops the clock from the day clarification was asked for; the timers are held until {@link #resume}. */
    @Transactional
    public Deadlines pause(String reference, LocalDate asked) {
        Request request = changeable(reference, "paused");
        List<ClockPause> pauses = store.pauses(request.id());
        if (pauses.stream().anyMatch(ClockPause::isOpen)) {
            throw refused(reference, "the clock is already stopped awaiting clarification");
        }
        // Pauses never overlap: a day counts as paused once.
        LocalDate earliest = pauses.stream()
                .map(ClockPause::answered)
                .max(LocalDate::compareTo)
                .filter(lastAnswered -> lastAnswered.isAfter(request.clockStart()))
                .orElse(request.clockStart());
        notBefore(reference, asked, earliest, "clarification asked");
        notInFuture(reference, asked, "clarification asked");
        store.openPause(request.id(), asked);
        Deadlines d = saved(request);
        register.record(request.id(), "CLOCK_PAUSED", null, "Clock stopped from " + asked + " awaiting clarification");
        timers.move(reference, d); // the pause is open: every waiting timer is held
        taskDueDates.update(request, d);
        return d;
    }

    /** Restarts the clock; every paused day is added to both clocks and the held timers move to the new dates. */
    @Transactional
    public Deadlines resume(String reference, LocalDate answered) {
        Request request = changeable(reference, "resumed");
        ClockPause open = store.pauses(request.id()).stream()
                .filter(ClockPause::isOpen)
                .findFirst()
                .orElseThrow(() -> refused(reference, "the clock is not stopped"));
        notBefore(reference, answered, open.asked(), "clarification answered");
        notInFuture(reference, answered, "clarification answered");
        store.closePause(request.id(), answered);
        Deadlines d = saved(request);
        register.record(
                request.id(),
                "CLOCK_RESUMED",
                null,
                "Clock restarted on " + answered + " after "
                        + ClockPause.closed(open.asked(), answered).days(answered)
                        + " paused day(s); statutory deadline "
                        + d.statutoryDeadline() + ", internal target " + d.internalTarget());
        timers.move(reference, d);
        taskDueDates.update(request, d);
        return d;
    }

    /** The clock starts on the day ID (or a fee reasonably asked for) arrived, not on receipt. */
    @Transactional
    public Deadlines startClockOn(String reference, LocalDate idArrived) {
        Request request = changeable(reference, "restarted on receipt of ID");
        notBefore(reference, idArrived, clocks.receivedDate(request), "ID or fee received");
        notInFuture(reference, idArrived, "ID or fee received");
        store.saveClockStart(request.id(), idArrived);
        Request moved = register.get(reference);
        Deadlines d = saved(moved);
        register.record(
                request.id(),
                "CLOCK_START_MOVED",
                null,
                "Clock starts on " + idArrived
                        + " (ID or fee received); statutory deadline " + d.statutoryDeadline() + ", internal target "
                        + d.internalTarget());
        timers.move(reference, d);
        taskDueDates.update(moved, d);
        return d;
    }

    /**
     * Extends the statutory deadline by two further months. Allowed once, only while the first month
     * runs, with a reason, and approved by a manager. The notice to the requester is the letters'
     * business; {@link #extensionNoticeSent} records that it went.
     */
    @Transactional
    public Deadlines extend(String reference, String reason, String approvedBy) {
        Request request = changeable(reference, "extended");
        if (request.extended()) {
            throw refused(reference, "the deadline has already been extended once");
        }
        if (reason == null || reason.isBlank()) {
            throw refused(reference, "an extension needs a reason (complex or numerous requests)");
        }
        if (approvedBy == null || !isManager(approvedBy)) {
            throw refused(reference, "an extension must be approved by a member of " + DeskGroups.MANAGERS);
        }
        LocalDate today = clocks.today();
        RequestClock facts = clocks.facts(request, store.pauses(request.id()));
        if (!calculator.extensionAllowed(facts, today)) {
            LocalDate firstMonth = calculator.statutoryDeadline(facts.withExtended(false), today);
            throw refused(
                    reference,
                    "the first month ended on " + firstMonth
                            + "; an extension must be decided and told to the requester within it");
        }
        store.saveExtension(request.id(), reason.strip(), approvedBy, today);
        Request extended = register.get(reference);
        Deadlines d = saved(extended);
        register.record(
                request.id(),
                "DEADLINE_EXTENDED",
                approvedBy,
                "Statutory deadline extended to " + d.statutoryDeadline() + "; reason recorded on the request");
        timers.move(reference, d);
        taskDueDates.update(extended, d);
        return d;
    }

    /** Records that the requester was told of the extension and why. */
    @Transactional
    public void extensionNoticeSent(String reference) {
        Request request = register.get(reference);
        if (!request.extended()) {
            throw refused(reference, "the deadline has not been extended");
        }
        store.saveExtensionNoticeSent(request.id());
        register.record(request.id(), "EXTENSION_NOTICE_SENT", null, "Requester told of the extension and its reasons");
    }

    private Deadlines saved(Request request) {
        Deadlines d = clocks.compute(request, store.pauses(request.id()), clocks.today());
        store.saveDates(request.id(), d);
        return d;
    }

    private Request changeable(String reference, String what) {
        Request request = register.get(reference);
        if (request.type() == RequestType.COMPLAINT) {
            throw refused(reference, "a complaint's clock cannot be " + what);
        }
        if (request.closedAt() != null) {
            throw refused(reference, "the request is closed");
        }
        return request;
    }

    private boolean isManager(String userId) {
        return identityService
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(DeskGroups.MANAGERS)
                        .count()
                > 0;
    }

    private void notBefore(String reference, LocalDate date, LocalDate earliest, String what) {
        if (date == null) {
            throw refused(reference, "the date " + what + " is missing");
        }
        if (date.isBefore(earliest)) {
            throw refused(reference, "the date " + what + " (" + date + ") is before " + earliest);
        }
    }

    private void notInFuture(String reference, LocalDate date, String what) {
        if (date.isAfter(clocks.today())) {
            throw refused(reference, "the date " + what + " (" + date + ") is in the future");
        }
    }

    private static ClockChangeRefusedException refused(String reference, String why) {
        return new ClockChangeRefusedException("Clock of " + reference + " not changed: " + why);
    }
}
