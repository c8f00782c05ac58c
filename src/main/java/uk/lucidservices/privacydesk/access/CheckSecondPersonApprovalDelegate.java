package uk.lucidservices.privacydesk.access;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.security.StaffIds;

/**
 * Throws BPMN error {@code SAME_PERSON} when {@code packApprovedBy} equals {@code packPreparedBy}
 * (both user ids, compared by {@link StaffIds}), so the model can route the pack back for a second person's approval.
 */
@Component("checkSecondPersonApproval")
class CheckSecondPersonApprovalDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        // The approval task must record who approved the pack.
        String approvedBy = ProcessVariables.requiredText(execution, PackApproval.APPROVED_BY);
        String preparedBy = ProcessVariables.text(execution, PackApproval.PREPARED_BY);
        if (preparedBy != null && StaffIds.same(approvedBy, preparedBy)) {
            throw new BpmnError(
                    PackApproval.SamePersonException.ERROR_CODE,
                    "The pack must be approved by someone other than the officer who prepared it");
        }
    }
}
