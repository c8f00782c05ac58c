package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Completion listener of the approval task: the completing user approves the pack, and
 * {@code packApprovedBy} is set to their user id. When they prepared it the task does not
 * complete and Tasklist shows why.
 */
@Component("approveDisclosurePack")
class ApproveDisclosurePackListener implements TaskListener {

    private final PackApproval approval;

    public ApproveDisclosurePackListener(PackApproval approval) {
        this.approval = approval;
    }

    @Override
    public void notify(DelegateTask task) {
        String approver = Actors.of(task);
        approval.approvePack(task.getExecution().getProcessBusinessKey(), approver);
        ProcessVariables.set(task.getExecution(), PackApproval.APPROVED_BY, approver);
    }
}
