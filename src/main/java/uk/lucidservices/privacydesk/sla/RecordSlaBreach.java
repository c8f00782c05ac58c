package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * A clock passed with the request still open: marks the breach (and which clock) on the request,
 * records it, raises an {@value #INCIDENT_TYPE} incident on the request's own process instance (at
 * the call activity that runs the clocks) so Cockpit's standard views flag it, counts it, and tells
 * the managers. Input parameter {@code clock}: INTERNAL_TARGET or STATUTORY_DEADLINE. Idempotent.
 * <p>
 * Its timer then waits again, held ({@link TimerDates#HELD}): when the dates move (ID arrives, a
 * clarification is answered, an extension) {@link RequestClockService} clears a breach the new dates
 * undo and re-arms the timer, so the clock can still be breached at its new date.
 */
@Component("recordSlaBreach")
class RecordSlaBreach implements JavaDelegate {

    public static final String INCIDENT_TYPE = "slaBreach";

    private final RequestRegister register;
    private final ClockStore store;
    private final RequestClocks clocks;
    private final StaffNotices notices;
    private final SlaMetrics metrics;
    private final TimerDates timerDates;

    public RecordSlaBreach(
            RequestRegister register,
            ClockStore store,
            RequestClocks clocks,
            StaffNotices notices,
            SlaMetrics metrics,
            TimerDates timerDates) {
        this.register = register;
        this.store = store;
        this.clocks = clocks;
        this.notices = notices;
        this.metrics = metrics;
        this.timerDates = timerDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaClock clock = SlaClock.valueOf(ProcessVariables.requiredText(execution, "clock"));
        Request request = register.get(ProcessVariables.reference(execution));
        ProcessVariables.set(execution, clock.variable(), TimerDates.HELD);
        if (request.closedAt() != null || !store.markBreached(request.id(), clock)) {
            return; // closed in time, or this breach is already on record
        }
        Deadlines d = clocks.current(request);
        DelegateExecution parent = execution.getProcessInstance().getSuperExecution();
        (parent != null ? parent : execution)
                .createIncident(
                        INCIDENT_TYPE,
                        clock.name(),
                        "SLA breach: " + clock.label(request.type()) + " for " + request.reference());
        metrics.breachRecorded(request.type(), clock);
        int told = notices.send(notices.managers(), StaffNotices.Kind.BREACH, clock, request, d);
        register.record(
                request.id(),
                "SLA_BREACHED",
                null,
                "The " + clock.label(request.type()) + " (" + timerDates.date(clock, d) + ") passed; " + told
                        + " manager(s) told");
    }
}
