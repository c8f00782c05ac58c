package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Service task: closes the request in the register. Outcome from {@code outcome} if set,
 * otherwise REFUSED, ERASED_IN_PART or ERASED from the erasure record; sets {@code outcome}.
 */
@Component("closeErasureRequest")
class CloseErasureRequest implements JavaDelegate {

    private final ErasureClosing closing;

    public CloseErasureRequest(ErasureClosing closing) {
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = closing.close(
                ProcessVariables.reference(execution), ProcessVariables.text(execution, ProcessVariables.OUTCOME));
        ProcessVariables.set(execution, ProcessVariables.OUTCOME, outcome);
    }
}
