package uk.lucidservices.privacydesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Closes the CRM complaint with its resolution and dates, and the request. The handler's outcome
 * text is already on the CRM record ({@link RecordComplaintOutcome}).
 */
@Component("closeComplaint")
class CloseComplaint implements JavaDelegate {

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
        complaints.close(complaintId, outcome);
        register.close(reference, outcome);
    }
}
