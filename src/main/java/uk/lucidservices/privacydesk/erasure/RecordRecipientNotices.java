package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

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
        String reference = Delegates.reference(task);
        String recipient = Delegates.text(task, "recipient");
        if (recipient == null) {
            throw new IllegalStateException("The recipient task has no 'recipient' variable (the multi-instance element variable)");
        }
        notices.record(reference, recipient, Delegates.text(task, "noticeStatus"), Delegates.text(task, "noticeNote"),
                Delegates.user(task));
        Delegates.forget(task, "noticeStatus");
        Delegates.forget(task, "noticeNote");
        task.setVariable("recipientsPending", notices.pendingRecipients(reference).size());
    }
}
