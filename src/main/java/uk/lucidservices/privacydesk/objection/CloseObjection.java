package uk.lucidservices.privacydesk.objection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** Service task: closes an objection in the register with the outcome its process names ({@code objectionOutcome}). */
@Component("closeObjection")
class CloseObjection implements JavaDelegate {

    private final RequestRegister register;

    CloseObjection(RequestRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object outcome = execution.getVariable("objectionOutcome");
        if (!(outcome instanceof String name) || name.isBlank()) {
            throw new IllegalStateException(
                    "Step " + execution.getCurrentActivityId() + " needs an input parameter 'objectionOutcome'");
        }
        register.close(execution.getProcessBusinessKey(), name);
    }
}
