package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Runs when a clock's timer fires and asks the register whether the clock still falls due now.
 * If it moved later (a pause, a new clock start, an extension whose timer move was missed, or a
 * held timer released by hand) it re-arms the timer at the new date instead of acting:
 * a stale timer never notifies or breaches. Input parameter {@code clock}: an {@link SlaClock} name.
 */
@Component("checkClockDate")
public class CheckClockDate implements JavaDelegate {

    private final RequestClocks clocks;
    private final TimerDates timerDates;

    public CheckClockDate(RequestClocks clocks, TimerDates timerDates) {
        this.clocks = clocks;
        this.timerDates = timerDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaClock clock = SlaClock.valueOf((String) execution.getVariable("clock"));
        Date armedFor = (Date) execution.getVariable(clock.variable());
        Date now = timerDates.firesAt(clock, clocks.current(DelegateInputs.reference(execution)));
        boolean moved = armedFor != null && now.after(armedFor);
        if (moved) {
            execution.setVariable(clock.variable(), now);
        }
        execution.setVariable(clock.movedVariable(), moved);
    }
}
