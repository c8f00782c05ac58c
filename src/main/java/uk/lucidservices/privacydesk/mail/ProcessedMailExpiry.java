package uk.lucidservices.privacydesk.mail;

import jakarta.mail.MessagingException;
import uk.lucidservices.privacydesk.request.RetentionCut;

/**
 * The privacy mailbox's processed folder, as retention sees it: the same mail as the raw-mail
 * store, expunged on the raw mail's schedule. Intake owns the mailbox and the log and implements
 * this, so the retention job clears the folder without knowing intake.
 */
public interface ProcessedMailExpiry {

    /** What one batch did: intake entries settled (0: nothing left) and mails expunged. */
    record Batch(int settled, int expunged) {}

    /** Expunges one batch of mail past its period at the cut; its entries are marked only once the mailbox confirmed. */
    Batch expungeBatch(RetentionCut cut) throws MessagingException;
}
