package uk.lucidservices.privacydesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** Stores the handler's category, related request and account link on the CRM complaint. */
@Component("applyComplaintCategory")
class ApplyComplaintCategory implements JavaDelegate {

    private final CrmComplaints complaints;
    private final RequestRegister register;

    public ApplyComplaintCategory(CrmComplaints complaints, RequestRegister register) {
        this.complaints = complaints;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long complaintId = ProcessVariables.requiredNumber(execution, RecordComplaintOnCrm.COMPLAINT_ID);
        ComplaintCategory category =
                ComplaintCategory.valueOf(ProcessVariables.requiredText(execution, "complaintCategory"));
        String related = ProcessVariables.text(execution, "relatedReference");
        complaints.categorise(complaintId, category, related);
        long requestId = register.get(execution.getProcessBusinessKey()).id();
        String account = ProcessVariables.text(execution, "linkAccountNumber");
        if (account != null) {
            boolean linked = complaints.linkAccount(complaintId, account);
            ProcessVariables.set(
                    execution,
                    RecordComplaintOnCrm.ACCOUNT_MATCHED,
                    linked
                            || Boolean.TRUE.equals(
                                    ProcessVariables.yesNo(execution, RecordComplaintOnCrm.ACCOUNT_MATCHED)));
            register.record(
                    requestId,
                    "COMPLAINT_LINKED",
                    null,
                    linked
                            ? "Linked to a CRM account by number"
                            : "No CRM account has the number given; left unmatched");
        }
        // The account number was only needed for the link; it does not stay in the engine.
        ProcessVariables.forget(execution, "linkAccountNumber");
        register.record(
                requestId,
                "COMPLAINT_CATEGORISED",
                null,
                "Category " + category + (related != null ? "; related to " + related : ""));
    }
}
