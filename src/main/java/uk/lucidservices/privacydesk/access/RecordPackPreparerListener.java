package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Completion listener of {@code Task_SearchManualSystems}: the officer who answered the manual
 * checklist becomes {@code packPreparedBy}, so four eyes hold even when nothing needs a redaction
 * review (the reviewer replaces them when there is one). A second officer approves the pack.
 */
@Component("recordPackPreparer")
class RecordPackPreparerListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        ProcessVariables.set(task.getExecution(), PackApproval.PREPARED_BY, Actors.of(task));
    }
}
