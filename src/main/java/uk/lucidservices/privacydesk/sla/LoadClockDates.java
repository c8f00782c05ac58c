package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.Map;

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
        String reference = DelegateInputs.reference(execution);
        Map<SlaClock, Date> dates = timerDates.all(clocks.current(reference));
        dates.forEach((clock, date) -> execution.setVariable(clock.variable(), date));
        execution.setVariable("requestReference", reference);
    }
}
