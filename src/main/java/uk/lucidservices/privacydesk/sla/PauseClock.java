package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Stops the request's clock while clarification is awaited (Art. 12A). The day asked is
 * {@code clarificationAskedOn} if the process set it, else today.
 */
@Component("pauseClock")
public class PauseClock implements JavaDelegate {

    public static final String ASKED_ON = "clarificationAskedOn";

    private final RequestClockService clocks;
    private final Clock clock;

    public PauseClock(RequestClockService clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate asked = Objects.requireNonNullElse(
                ProcessVariables.date(execution, ASKED_ON, clock.getZone()), LocalDate.now(clock));
        clocks.pause(ProcessVariables.reference(execution), asked);
    }
}
