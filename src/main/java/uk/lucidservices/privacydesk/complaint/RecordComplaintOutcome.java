package uk.lucidservices.privacydesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Stores the handler's outcome, in the words the final letter uses, on the CRM complaint (need to
 * know) in the same transaction as the task's completion, and blanks it out of the engine: the
 * letter reads it back from the CRM ({@link SendComplaintLetter}), so history never holds it.
 */
@Component("recordComplaintOutcome")
class RecordComplaintOutcome implements JavaDelegate {

    /** The handler's outcome text: to the CRM record and the final letter, never kept in the engine. */
    static final String OUTCOME_NOTE = "outcomeNote";

    private final CrmComplaints complaints;

    public RecordComplaintOutcome(CrmComplaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long complaintId = ProcessVariables.requiredNumber(execution, RecordComplaintOnCrm.COMPLAINT_ID);
        String outcome = ProcessVariables.requiredText(execution, ProcessVariables.OUTCOME);
        complaints.recordOutcome(complaintId, outcome, ProcessVariables.text(execution, OUTCOME_NOTE));
        ProcessVariables.forget(execution, OUTCOME_NOTE);
    }
}
