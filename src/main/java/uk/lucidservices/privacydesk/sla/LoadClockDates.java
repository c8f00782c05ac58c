package uk.lucidservices.privacydesk.sla;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/** First step of {@code request-sla-clocks}: the instants its four timers wait for, from the register. */
@Component("loadClockDates")
class LoadClockDates implements JavaDelegate {

    private final RequestClocks clocks;
    private final TimerDates timerDates;

    public LoadClockDates(RequestClocks clocks, TimerDates timerDates) {
        this.clocks = clocks;
        this.timerDates = timerDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ProcessVariables.reference(execution);
        Map<SlaClock, Date> dates = timerDates.all(clocks.current(reference));
        dates.forEach((clock, date) -> ProcessVariables.set(execution, clock.variable(), date));
        ProcessVariables.set(execution, ProcessVariables.REQUEST_REFERENCE, reference);
    }
}
