package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.calendar.ClockPause;
import uk.lucidservices.privacydesk.calendar.DeadlineCalculator;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.calendar.RequestClock;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.mail.LetterPosted;
import uk.lucidservices.privacydesk.mail.SentLetters;
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

    /**
     * The UK day a requester's reply reached the desk (yyyy-MM-dd), set with the reply message: by the
     * mail intake from the day the mail arrived (also when an officer files it from triage later), or by
     * staff recording a reply that came by post, by phone or in person. The clock moves from that day.
     */
    public static final String REPLY_RECEIVED_ON = "replyReceivedOn";

    private final RequestRegister register;
    private final ClockStore store;
    private final RequestClocks clocks;
    private final DeadlineCalculator calculator;
    private final LiveTimers timers;
    private final TaskDueDates taskDueDates;
    private final IdentityService identityService;
    private final TimerDates timerDates;
    private final Clock clock;
    private final SentLetters sentLetters;
    private final WaitDeadlines waits;
    private final Period chaseAfter;
    private final Period clarificationWait;

    private static final DateTimeFormatter LETTER_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The letter that tells the requester of an extension and its reasons. */
    public static final String EXTENSION_NOTICE = "extension-notice";

    public RequestClockService(
            RequestRegister register,
            ClockStore store,
            RequestClocks clocks,
            DeadlineCalculator calculator,
            LiveTimers timers,
            TaskDueDates taskDueDates,
            IdentityService identityService,
            TimerDates timerDates,
            Clock clock,
            SentLetters sentLetters,
            WaitDeadlines waits,
            SlaProperties properties) {
        this.sentLetters = sentLetters;
        this.waits = waits;
        this.chaseAfter = WaitDeadlines.positive("desk.sla.reply-chase-after", properties.replyChaseAfter());
        this.clarificationWait = WaitDeadlines.positive("desk.sla.clarification-wait", properties.clarificationWait());
        this.timerDates = timerDates;
        this.clock = clock;
        this.register = register;
        this.store = store;
        this.clocks = clocks;
        this.calculator = calculator;
        this.timers = timers;
        this.taskDueDates = taskDueDates;
        this.identityService = identityService;
    }

    /**
     * The day a reply reached the desk: the step's own variable {@code own} if the process set it,
     * else {@link #REPLY_RECEIVED_ON} from the reply message, else today.
     */
    public static LocalDate replyDate(DelegateExecution execution, String own, Clock clock) {
        LocalDate date = ProcessVariables.date(execution, own, clock.getZone());
        if (date == null) {
            date = ProcessVariables.date(execution, REPLY_RECEIVED_ON, clock.getZone());
        }
        return date == null ? LocalDate.now(clock) : date;
    }

    /**
     * The desk asked for ID (or a fee) it reasonably needs: until it arrives the clock has not started,
     * so every SLA timer is held and no breach can be recorded. {@link #startClockOn} releases the hold.
     * Called by the request process as it starts waiting ({@code Gateway_AwaitId}).
     */
    @Transactional
    public Deadlines holdForId(String reference) {
        return holdForId(reference, null);
    }

    /**
     * {@link #holdForId(String)}, and the one reminder: the request closes without ID at
     * {@code closesAt} (the process's own timer), which the reminder names.
     */
    @Transactional
    public Deadlines holdForId(String reference, Date closesAt) {
        Request request = changeable(reference, "held for ID");
        boolean newlyHeld = !store.held(request.id());
        if (newlyHeld) {
            store.openHold(request.id(), clocks.today());
            register.record(
                    request.id(),
                    "CLOCK_HELD_FOR_ID",
                    null,
                    "No clock runs while the desk waits for the ID it asked for on " + clocks.today());
        }
        Deadlines d = saved(request);
        // Looked up once for the move and the chase: each lookup is a query of the engine's runtime.
        List<ProcessInstance> clockInstances = timers.instances(reference);
        timers.move(clockInstances, d);
        taskDueDates.update(request, d);
        if (newlyHeld) {
            offerReplyByPost(request);
            chaseOnce(request, clockInstances, closesAt, true);
        }
        return d;
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

    /** Whether the request waits for the answer to a clarification question (its clock is stopped). */
    public boolean awaitingClarification(String reference) {
        return store.pauses(register.get(reference).id()).stream().anyMatch(ClockPause::isOpen);
    }

    /** Whether an SLA breach (internal target or statutory deadline) is recorded for the request and stands. */
    public boolean breachRecorded(String reference) {
        return store.record(register.get(reference).id())
                .map(r -> !r.breaches().isEmpty())
                .orElse(false);
    }

    /** Whether the desk waits for ID (or a fee) it asked for: the clock has not started. */
    public boolean waitingForId(String reference) {
        return store.held(register.get(reference).id());
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
        offerReplyByPost(request);
        chaseOnce(request, clarificationDueDate(), false);
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
        register.clearClarificationAsked(request.id());
        timers.replyArrived(reference);
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
        clearBreachesTheDatesUndo(request, d);
        return d;
    }

    /** The clock starts on the day ID (or a fee reasonably asked for) arrived, not on receipt. */
    @Transactional
    public Deadlines startClockOn(String reference, LocalDate idArrived) {
        Request request = changeable(reference, "restarted on receipt of ID");
        notBefore(reference, idArrived, clocks.receivedDate(request), "ID or fee received");
        notInFuture(reference, idArrived, "ID or fee received");
        store.releaseHold(request.id(), idArrived);
        timers.replyArrived(reference);
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
        clearBreachesTheDatesUndo(moved, d);
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
        clearBreachesTheDatesUndo(extended, d);
        return d;
    }

    /**
     * Records that the requester was told of the extension and why. A notice that went to staff to
     * post is not given yet: it counts from the day it is posted ({@link #letterPosted}).
     */
    @Transactional
    public void extensionNoticeSent(String reference) {
        Request request = register.get(reference);
        if (!request.extended()) {
            throw refused(reference, "the deadline has not been extended");
        }
        if (sentLetters.waitingToBePosted(reference, EXTENSION_NOTICE)) {
            register.record(
                    request.id(),
                    "EXTENSION_NOTICE_TO_POST",
                    null,
                    "Extension notice handed to staff to post; it counts as given when posted");
            return;
        }
        store.saveExtensionNoticeSent(request.id());
        register.record(request.id(), "EXTENSION_NOTICE_SENT", null, "Requester told of the extension and its reasons");
    }

    /** An extension notice that went by post counts as given when staff posted it. */
    @EventListener
    @Transactional
    public void letterPosted(LetterPosted posted) {
        if (!EXTENSION_NOTICE.equals(posted.template())) {
            return;
        }
        Request request = register.get(posted.reference());
        if (request.extended()) {
            store.saveExtensionNoticeSent(request.id());
            register.record(
                    request.id(), "EXTENSION_NOTICE_SENT", null, "Requester told of the extension by post, today");
        }
    }

    /**
     * A breach recorded before the clock moved (say the internal target passed while the desk waited
     * for ID) no longer stands once the new date is still ahead: it is cleared, its incident resolved,
     * and the re-armed timer can breach again at the new date.
     */
    private void clearBreachesTheDatesUndo(Request request, Deadlines d) {
        if (d.paused()) {
            return;
        }
        ClockStore.ClockRecord record = store.record(request.id()).orElse(null);
        if (record == null) {
            return;
        }
        for (SlaClock breached : record.breaches()) {
            if (timerDates.firesAt(breached, d).toInstant().isAfter(clock.instant())
                    && store.clearBreach(request.id(), breached)) {
                timers.resolveBreachIncident(request.processInstanceId(), breached);
                register.record(
                        request.id(),
                        "SLA_BREACH_CLEARED",
                        null,
                        "The " + breached.label() + " moved to " + timerDates.date(breached, d)
                                + ": the breach recorded before the clock moved no longer stands");
            }
        }
    }

    /**
     * When a clarification request goes unanswered, the request closes at the end of this day
     * ({@code desk.sla.clarification-wait} after today, default one month).
     */
    public Date clarificationDueDate() {
        return waits.lastMoment(clarificationWait);
    }

    /** One reminder, {@code desk.sla.reply-chase-after} (default 14 days) after asking, unless the answer comes first. */
    private void chaseOnce(Request request, Date closesAt, boolean waitingForId) {
        chaseOnce(request, timers.instances(request.reference()), closesAt, waitingForId);
    }

    private void chaseOnce(Request request, List<ProcessInstance> clockInstances, Date closesAt, boolean waitingForId) {
        Map<String, Object> chase = new HashMap<>();
        chase.put("replyChaseDate", timerDates.noticeOn(clocks.today().plus(chaseAfter)));
        chase.put(
                "replyDueDate",
                closesAt == null ? null : LETTER_DAY.format(closesAt.toInstant().atZone(clock.getZone())));
        chase.put("waitingForId", waitingForId);
        timers.chase(clockInstances, chase);
    }

    /**
     * A requester without an email address the desk uses answers by post, by phone or in person:
     * staff get a task to record that reply with the day it arrived.
     */
    private void offerReplyByPost(Request request) {
        if (request.requesterEmail() == null || request.requesterEmail().isBlank()) {
            timers.replyAwaited(request.reference());
        }
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
