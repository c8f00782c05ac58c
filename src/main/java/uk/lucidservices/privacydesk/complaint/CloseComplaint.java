package uk.lucidservices.privacydesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.FormAnswers;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Records the outcome and dates on the CRM complaint and closes the request. The handler's
 * outcome note goes to the CRM (need to know) and is removed from the engine.
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
        long complaintId = ((Number) execution.getVariable("complaintId")).longValue();
        String resolution = (String) execution.getVariable("resolution");
        complaints.close(complaintId, resolution, (String) execution.getVariable("outcomeNote"));
        FormAnswers.forget(execution, "outcomeNote");
        register.close(reference, resolution);
    }
}
