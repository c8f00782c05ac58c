package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Moves the clock start to the day ID (or a fee reasonably asked for) arrived. The day is
 * {@code idReceivedOn} if the process set it, else today.
 */
@Component("startClockOnIdArrival")
class StartClockOnIdArrival implements JavaDelegate {

    public static final String ID_RECEIVED_ON = "idReceivedOn";

    private final RequestClockService clocks;
    private final Clock clock;

    public StartClockOnIdArrival(RequestClockService clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate arrived = RequestClockService.replyDate(execution, ID_RECEIVED_ON, clock);
        clocks.startClockOn(ProcessVariables.reference(execution), arrived);
        ProcessVariables.forget(execution, RequestClockService.REPLY_RECEIVED_ON);
    }
}
