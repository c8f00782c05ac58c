package uk.lucidservices.privacydesk.complaint;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.mail.LetterService;
import uk.lucidservices.privacydesk.mail.Recipient;

/**
 * Sends a complaint's closing letter (input parameter {@code letter}) with the handler's outcome,
 * read from the CRM complaint, as {@code outcomeSummary}: the text reaches the letter without ever
 * being a process variable. Otherwise the same as {@code ${sendLetter}}: asynchronous, with retries.
 */
@Component("sendComplaintLetter")
class SendComplaintLetter implements JavaDelegate {

    static final String OUTCOME_SUMMARY = "outcomeSummary";

    private final LetterService letters;
    private final CrmComplaints complaints;

    public SendComplaintLetter(LetterService letters, CrmComplaints complaints) {
        this.letters = letters;
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String letter = ProcessVariables.requiredText(execution, ProcessVariables.LETTER);
        long complaintId = ProcessVariables.requiredNumber(execution, RecordComplaintOnCrm.COMPLAINT_ID);
        Map<String, Object> values = new HashMap<>(execution.getVariables());
        complaints.outcomeOf(complaintId).ifPresent(outcome -> values.put(OUTCOME_SUMMARY, outcome));
        letters.send(
                Recipient.requester(),
                ProcessVariables.reference(execution),
                letter,
                values,
                execution.getProcessInstanceId());
    }
}
