package uk.lucidservices.privacydesk.mail;

import jakarta.mail.MessagingException;

import java.util.Collection;

/**
 * The privacy mailbox's processed folder, as retention sees it: intake owns the mailbox and
 * implements this, so the retention job can clear old mail there without knowing intake.
 */
public interface ProcessedMailbox {

    /**
     * Expunges from the processed folder the mails with these Message-IDs. Returns how many mails
     * were expunged; 0 when the mailbox flags mail rather than moving it.
     */
    int expungeProcessed(Collection<String> messageIds) throws MessagingException;
}
