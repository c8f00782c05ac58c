package uk.lucidservices.privacydesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.FormAnswers;
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
        long complaintId = ((Number) execution.getVariable("complaintId")).longValue();
        ComplaintCategory category = ComplaintCategory.valueOf((String) execution.getVariable("complaintCategory"));
        String related = blankToNull((String) execution.getVariable("relatedReference"));
        complaints.categorise(complaintId, category, related);
        long requestId = register.get(execution.getProcessBusinessKey()).id();
        String account = blankToNull((String) execution.getVariable("linkAccountNumber"));
        if (account != null) {
            boolean linked = complaints.linkAccount(complaintId, account);
            execution.setVariable("accountMatched", linked || Boolean.TRUE.equals(execution.getVariable("accountMatched")));
            register.record(requestId, "COMPLAINT_LINKED", null, linked ? "Linked to a CRM account by number"
                    : "No CRM account has the number given; left unmatched");
        }
        // The account number was only needed for the link; it does not stay in the engine.
        FormAnswers.forget(execution, "linkAccountNumber");
        register.record(requestId, "COMPLAINT_CATEGORISED", null,
                "Category " + category + (related != null ? "; related to " + related : ""));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
