package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * The last service task before the end event: removes every process variable except references and
 * ids, here and in history (see {@link EngineCopy}). Mark it asyncBefore so that it runs in a
 * transaction of its own, after every earlier variable has reached history. The process's
 * {@code camunda:historyTimeToLive} and history level {@code audit} bound the rest of the engine's copy.
 */
@Component("purgeEngineCopy")
class PurgeEngineCopy implements JavaDelegate {

    private final EngineCopy engineCopy;

    public PurgeEngineCopy(EngineCopy engineCopy) {
        this.engineCopy = engineCopy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        engineCopy.purge(execution, ProcessVariables.reference(execution));
    }
}
