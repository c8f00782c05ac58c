package uk.lucidservices.privacydesk.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Decides which body the complaint's next letter names (see {@link ComplaintRights}) and sets
 * {@code adrOffered} and {@code icoNamed}, which the gateways and the letters read. Runs at eight
 * weeks, when the complaint may not be categorised yet, and again before the final letter.
 */
@Component("decideComplaintRights")
class DecideComplaintRights implements JavaDelegate {

    static final String CATEGORY = "complaintCategory";

    private final CrmComplaints complaints;

    public DecideComplaintRights(CrmComplaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String category = ProcessVariables.text(execution, CATEGORY);
        Long complaintId = ProcessVariables.number(execution, RecordComplaintOnCrm.COMPLAINT_ID);
        CustomerType customer = complaintId == null
                ? null
                : complaints.customerTypeOf(complaintId).orElse(null);
        ComplaintRights rights =
                ComplaintRights.decide(category == null ? null : ComplaintCategory.valueOf(category), customer);
        ProcessVariables.set(execution, ComplaintRights.ADR_OFFERED, rights.adrOffered());
        ProcessVariables.set(execution, ComplaintRights.ICO_NAMED, rights.icoNamed());
    }
}
