package uk.lucidservices.privacydesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** Records the complaint on the CRM against the complainant's account, or as unmatched. */
@Component("recordComplaintOnCrm")
class RecordComplaintOnCrm implements JavaDelegate {

    static final String COMPLAINT_ID = "complaintId";
    static final String ACCOUNT_MATCHED = "accountMatched";

    private final CrmComplaints complaints;
    private final RequestRegister register;

    public RecordComplaintOnCrm(CrmComplaints complaints, RequestRegister register) {
        this.complaints = complaints;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        long complaintId = complaints.record(reference);
        boolean matched = complaints.accountOf(complaintId).isPresent();
        ProcessVariables.set(execution, COMPLAINT_ID, complaintId);
        ProcessVariables.set(execution, ACCOUNT_MATCHED, matched);
        register.record(
                register.get(reference).id(),
                "COMPLAINT_RECORDED",
                null,
                matched ? "Recorded on the CRM against the matched account" : "Recorded on the CRM as unmatched");
    }
}
