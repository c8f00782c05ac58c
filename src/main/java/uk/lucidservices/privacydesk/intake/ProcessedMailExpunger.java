package uk.lucidservices.privacydesk.intake;

import jakarta.mail.MessagingException;
import java.util.LinkedHashSet;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.mail.ProcessedMailExpiry;
import uk.lucidservices.privacydesk.request.RetentionCut;

/**
 * Finds in the log the mails past the raw mail's period that are still in the processed folder,
 * by Message-ID, and expunges them there, in every mailbox the intake reads. A mail with no Message-ID cannot be found there again
 * and is left to the mailbox's own retention.
 */
@Component
class ProcessedMailExpunger implements ProcessedMailExpiry {

    /** Message-IDs searched in one IMAP command, so the command line stays short. */
    static final int IDS_PER_SEARCH = 50;

    private final IntakeLog log;
    private final IntakeMailboxes mailboxes;

    ProcessedMailExpunger(IntakeLog log, IntakeMailboxes mailboxes) {
        this.log = log;
        this.mailboxes = mailboxes;
    }

    @Override
    public Batch expungeBatch(RetentionCut cut) throws MessagingException {
        Map<Long, String> due = log.processedMailDue(cut, IDS_PER_SEARCH);
        if (due.isEmpty()) {
            return new Batch(0, 0);
        }
        int expunged = mailboxes.expungeProcessed(new LinkedHashSet<>(due.values()));
        log.processedMailExpunged(due.keySet(), cut.now());
        return new Batch(due.size(), expunged);
    }
}
