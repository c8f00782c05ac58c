package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion listener of the approval task: the completing user approves the pack, and
 * {@code packApprovedBy} is set to their user id. When they prepared it the task does not
 * complete and Tasklist shows why.
 */
@Component("approveDisclosurePack")
class ApproveDisclosurePackListener implements TaskListener {

    private final PackApproval approval;
    private final IdentityService identityService;

    public ApproveDisclosurePackListener(PackApproval approval, IdentityService identityService) {
        this.approval = approval;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String approver = Actors.of(task, identityService);
        approval.approvePack(task.getExecution().getProcessBusinessKey(), approver);
        task.getExecution().setVariable("packApprovedBy", approver);
    }
}
