package uk.lucidservices.privacydesk.sla;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Runs when a clock's timer fires and asks the register whether the clock still falls due now.
 * If it moved later (a new clock start or an extension whose timer move was missed, a held timer
 * released by hand while the clock is still stopped) it re-arms the timer at the new date, or holds
 * it, instead of acting: a stale timer never notifies or breaches. Input parameter {@code clock}: an {@link SlaClock} name.
 */
@Component("checkClockDate")
class CheckClockDate implements JavaDelegate {

    private final RequestClocks clocks;
    private final TimerDates timerDates;

    public CheckClockDate(RequestClocks clocks, TimerDates timerDates) {
        this.clocks = clocks;
        this.timerDates = timerDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaClock clock = SlaClock.valueOf(ProcessVariables.requiredText(execution, "clock"));
        Date armedFor = ProcessVariables.time(execution, clock.variable());
        Deadlines d = clocks.current(ProcessVariables.reference(execution));
        Date due = timerDates.armAt(clock, d);
        // While the clock is stopped nothing falls due, whatever released the timer.
        boolean waitAgain = d.paused() || (armedFor != null && due.after(armedFor));
        if (waitAgain) {
            ProcessVariables.set(execution, clock.variable(), due);
        }
        ProcessVariables.set(execution, clock.movedVariable(), waitAgain);
    }
}
