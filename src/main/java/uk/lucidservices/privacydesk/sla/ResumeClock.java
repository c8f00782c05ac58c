package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Restarts the request's clock once clarification arrived; the paused days are added to both clocks.
 * The day answered is {@code clarificationAnsweredOn} if the process set it, else today.
 */
@Component("resumeClock")
class ResumeClock implements JavaDelegate {

    public static final String ANSWERED_ON = "clarificationAnsweredOn";

    private final RequestClockService clocks;
    private final Clock clock;

    public ResumeClock(RequestClockService clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate answered = RequestClockService.replyDate(execution, ANSWERED_ON, clock);
        clocks.resume(ProcessVariables.reference(execution), answered);
        ProcessVariables.forget(execution, RequestClockService.REPLY_RECEIVED_ON);
    }
}
