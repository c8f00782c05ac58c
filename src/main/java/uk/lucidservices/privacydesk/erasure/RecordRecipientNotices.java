package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Complete listener of a recipient task (form {@code recipient-notices}): records {@code noticeStatus}
 * (NOTIFIED or IMPOSSIBLE) and {@code noticeNote} (required for IMPOSSIBLE) for {@code recipient},
 * then removes the two form variables. Sets {@code recipientsPending}.
 */
@Component("recordRecipientNotices")
class RecordRecipientNotices implements TaskListener {

    private final RecipientNotices notices;

    public RecordRecipientNotices(RecipientNotices notices) {
        this.notices = notices;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = ProcessVariables.reference(task);
        String recipient = ProcessVariables.text(task, "recipient");
        if (recipient == null) {
            throw new IllegalStateException(
                    "The recipient task has no 'recipient' variable (the multi-instance element variable)");
        }
        notices.record(
                reference,
                recipient,
                ProcessVariables.text(task, "noticeStatus"),
                ProcessVariables.text(task, "noticeNote"),
                Actors.of(task));
        ProcessVariables.forget(task, "noticeStatus");
        ProcessVariables.forget(task, "noticeNote");
        ProcessVariables.set(
                task, "recipientsPending", notices.pendingRecipients(reference).size());
    }
}
