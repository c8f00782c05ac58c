package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Extends the statutory deadline by two months with {@code extensionReason}, approved by the manager
 * named in {@code extensionApprovedBy}. Refused (the task completion fails with the reason) after the
 * first month, when already extended, or without a reason or a manager; a process that wants a
 * gateway instead can ask {@code ${requestClockService.extensionAllowed(execution.processBusinessKey)}}.
 * The reason is kept on the request (its retention), and the variable removed from the process.
 */
@Component("extendDeadline")
public class ExtendDeadline implements JavaDelegate {

    public static final String REASON = "extensionReason";
    public static final String APPROVED_BY = "extensionApprovedBy";

    private final RequestClockService clocks;

    public ExtendDeadline(RequestClockService clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clocks.extend(
                ProcessVariables.reference(execution),
                ProcessVariables.text(execution, REASON),
                ProcessVariables.text(execution, APPROVED_BY));
        ProcessVariables.forget(execution, REASON);
    }
}
