package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Service task (Art. 19): lists the recipients of the erased data and sets {@code recipientCount} (0: nobody to tell).
 * One task per recipient follows, as a sequential multi-instance over
 * {@code ${recipientNotices.recipients(execution.processBusinessKey)}} with element variable
 * {@code recipient}, form {@code recipient-notices} and complete listener {@code recordRecipientNotices}.
 */
@Component("listRecipientsToNotify")
class ListRecipientsToNotify implements JavaDelegate {

    private final RecipientNotices notices;

    public ListRecipientsToNotify(RecipientNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ProcessVariables.reference(execution);
        notices.listToNotify(reference);
        ProcessVariables.set(
                execution, "recipientCount", notices.recipients(reference).size());
    }
}
