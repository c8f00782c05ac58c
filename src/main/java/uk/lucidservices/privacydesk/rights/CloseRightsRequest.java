package uk.lucidservices.privacydesk.rights;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** Service task: closes a rights request in the register with the outcome its process names ({@code outcome}). */
@Component("closeRightsRequest")
class CloseRightsRequest implements JavaDelegate {

    private final RequestRegister register;

    CloseRightsRequest(RequestRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = ProcessVariables.requiredText(execution, ProcessVariables.OUTCOME);
        register.close(execution.getProcessBusinessKey(), outcome, Actors.DESK, "Outcome " + outcome);
    }
}
