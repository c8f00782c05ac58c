package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.ClockPause;
import uk.lucidservices.privacydesk.calendar.ComplaintDeadlines;
import uk.lucidservices.privacydesk.calendar.DeadlineCalculator;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.calendar.RequestClock;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.StartingRequest;

/**
 * A request's dates as of today, computed from its clock facts (received, clock start, pauses,
 * extension) rather than read from the register, so an open pause keeps them moving.
 */
@Component
public class RequestClocks {

    private final RequestRegister register;
    private final ClockStore store;
    private final DeadlineCalculator calculator;
    private final Clock clock;

    public RequestClocks(RequestRegister register, ClockStore store, DeadlineCalculator calculator, Clock clock) {
        this.register = register;
        this.store = store;
        this.calculator = calculator;
        this.clock = clock;
    }

    public Deadlines current(String reference) {
        Optional<Request> starting = StartingRequest.of(reference);
        if (starting.isPresent()) {
            // Its process is starting in this transaction: no pause or wait for ID can exist yet.
            return compute(starting.get(), List.of(), false, today());
        }
        Request request = register.get(reference);
        return compute(request, store.pauses(request.id()), today());
    }

    public Deadlines current(Request request) {
        return compute(request, store.pauses(request.id()), today());
    }

    /** The clock facts of a rights request (complaints have none that move). */
    public RequestClock facts(Request request, List<ClockPause> pauses) {
        return new RequestClock(receivedDate(request), request.clockStart(), pauses, request.extended());
    }

    public Deadlines compute(Request request, List<ClockPause> pauses, LocalDate today) {
        return compute(request, pauses, request.type() != RequestType.COMPLAINT && store.held(request.id()), today);
    }

    /**
     * {@code heldForId}: the desk waits for ID it asked for, so the clock has not started; the dates
     * stay those of receipt until it arrives, but they are {@code paused} (every timer held, nothing
     * falls due, no breach).
     */
    public Deadlines compute(Request request, List<ClockPause> pauses, boolean heldForId, LocalDate today) {
        Deadlines d = datesOf(request, pauses, today);
        return heldForId && !d.paused()
                ? new Deadlines(
                        d.clockStart(),
                        d.statutoryDeadline(),
                        d.internalTarget(),
                        d.escalationDate(),
                        d.pausedDays(),
                        true,
                        d.extended())
                : d;
    }

    private Deadlines datesOf(Request request, List<ClockPause> pauses, LocalDate today) {
        if (request.type() == RequestType.COMPLAINT) {
            // Complaint clocks neither stop nor extend: 28-day target, Ofcom's eight weeks outside.
            ComplaintDeadlines c = calculator.complaint(receivedDate(request));
            return new Deadlines(
                    c.received(), c.ofcomAdrPoint(), c.internalTarget(), c.escalationDate(), 0, false, false);
        }
        if (request.type().actedOnByNextWorkingDay()) {
            return calculator.nextWorkingDay(receivedDate(request));
        }
        return calculator.compute(facts(request, pauses), today);
    }

    public LocalDate receivedDate(Request request) {
        return request.receivedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
