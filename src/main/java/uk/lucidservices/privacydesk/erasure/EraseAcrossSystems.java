package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Service task: erases the approved plan across every system. Mark it {@code camunda:asyncBefore}
 * with a {@code camunda:failedJobRetryTimeCycle} (for example {@code R5/PT10M}): a failure then
 * becomes a retried job and, when the retries run out, an incident "Erasure failed in &lt;system&gt;"
 * in Cockpit; each retry finishes only what is left. Sets {@code erasureDone}.
 */
@Component("eraseAcrossSystems")
class EraseAcrossSystems implements JavaDelegate {

    private final ErasureExecutor executor;

    public EraseAcrossSystems(ErasureExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        executor.execute(ProcessVariables.reference(execution));
        ProcessVariables.set(execution, "erasureDone", true);
    }
}
