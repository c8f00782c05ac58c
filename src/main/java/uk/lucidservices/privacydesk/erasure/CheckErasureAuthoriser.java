package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.security.StaffIds;

/**
 * The manager's decision (form {@code forms/erasure-authorisation.html}): {@code erasureApproved} (yes/no) and
 * {@code authorisationReason} (needed to refuse; moved into the erasure record and removed).
 * <ul>
 * <li>As the authorisation task's {@code complete} listener (preferred): the approver is the
 * signed-in user completing the task, so nobody can type someone else's name; approving one's own
 * preview refuses the completion and the task stays open for another manager.</li>
 * <li>As a service task: the approver is {@code authorisedBy}; the same person as {@code preparedBy}
 * (or as the recorded preparer or reviewer) throws BPMN error {@code SAME_PERSON}.</li>
 * </ul>
 * Sets {@code authorisedBy} and {@code erasureAuthorised}.
 */
@Component("checkErasureAuthoriser")
class CheckErasureAuthoriser implements TaskListener, JavaDelegate {

    private final ErasureAuthorisation authorisation;

    public CheckErasureAuthoriser(ErasureAuthorisation authorisation) {
        this.authorisation = authorisation;
    }

    @Override
    public void notify(DelegateTask task) {
        decide(task, ProcessVariables.reference(task), Actors.of(task));
    }

    @Override
    public void execute(DelegateExecution execution) {
        String approver = ProcessVariables.text(execution, "authorisedBy");
        if (approver == null) {
            throw new IllegalStateException("Set authorisedBy to the manager who decided on the erasure");
        }
        String reference = ProcessVariables.reference(execution);
        try {
            String preparedBy = ProcessVariables.text(execution, "preparedBy");
            if (StaffIds.same(preparedBy, approver)) {
                throw new SamePersonException(reference);
            }
            decide(execution, reference, approver);
        } catch (SamePersonException e) {
            throw new BpmnError(SamePersonException.BPMN_ERROR_CODE, e.getMessage());
        }
    }

    private void decide(VariableScope scope, String reference, String approver) {
        Boolean approved = ProcessVariables.yesNo(scope, "erasureApproved");
        if (approved == null) {
            throw new IllegalArgumentException("Approve or refuse the erasure of " + reference);
        }
        authorisation.authorise(reference, approver, approved, ProcessVariables.text(scope, "authorisationReason"));
        ProcessVariables.forget(scope, "authorisationReason");
        ProcessVariables.set(scope, "authorisedBy", approver);
        ProcessVariables.set(scope, "erasureAuthorised", approved);
    }
}
