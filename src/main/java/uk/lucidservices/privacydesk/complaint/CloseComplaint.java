package uk.lucidservices.privacydesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Records the outcome and dates on the CRM complaint and closes the request. The handler's
 * outcome note goes to the CRM (need to know) and is removed from the engine.
 */
@Component("closeComplaint")
class CloseComplaint implements JavaDelegate {

    /** The handler's note on the outcome: it goes to the CRM record and leaves the engine. */
    static final String OUTCOME_NOTE = "outcomeNote";

    private final CrmComplaints complaints;
    private final RequestRegister register;

    public CloseComplaint(CrmComplaints complaints, RequestRegister register) {
        this.complaints = complaints;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        long complaintId = ProcessVariables.requiredNumber(execution, RecordComplaintOnCrm.COMPLAINT_ID);
        String outcome = ProcessVariables.requiredText(execution, ProcessVariables.OUTCOME);
        complaints.close(complaintId, outcome, ProcessVariables.text(execution, OUTCOME_NOTE));
        ProcessVariables.forget(execution, OUTCOME_NOTE);
        register.close(reference, outcome);
    }
}
