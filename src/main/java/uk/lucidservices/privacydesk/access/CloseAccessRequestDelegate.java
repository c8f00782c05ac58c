package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/** Closes the access request with the outcome in process variable {@code outcome} (e.g. DISCLOSED, REFUSED, WITHDRAWN). */
@Component("closeAccessRequest")
class CloseAccessRequestDelegate implements JavaDelegate {

    private final AccessRequestClosure closure;

    public CloseAccessRequestDelegate(AccessRequestClosure closure) {
        this.closure = closure;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = ProcessVariables.requiredText(execution, ProcessVariables.OUTCOME);
        closure.close(execution.getProcessBusinessKey(), outcome, Actors.DESK);
    }
}
