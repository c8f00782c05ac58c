package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion listener of {@code Task_SearchManualSystems}: the officer who answered the manual
 * checklist becomes {@code packPreparedBy}, so four eyes hold even when nothing needs a redaction
 * review (the reviewer replaces them when there is one). A second officer approves the pack.
 */
@Component("recordPackPreparer")
class RecordPackPreparerListener implements TaskListener {

    private final IdentityService identityService;

    public RecordPackPreparerListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariable("packPreparedBy", Actors.of(task, identityService));
    }
}
