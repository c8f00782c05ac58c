package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the access request with the outcome in process variable {@code outcome} (e.g. DISCLOSED, REFUSED, WITHDRAWN). */
@Component("closeAccessRequest")
class CloseAccessRequestDelegate implements JavaDelegate {

    private final AccessRequestClosure closure;

    public CloseAccessRequestDelegate(AccessRequestClosure closure) {
        this.closure = closure;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object outcome = execution.getVariable("outcome");
        if (outcome == null) {
            throw new IllegalStateException("Process variable 'outcome' is not set for " + execution.getProcessBusinessKey());
        }
        closure.close(execution.getProcessBusinessKey(), outcome.toString(), "desk");
    }
}
