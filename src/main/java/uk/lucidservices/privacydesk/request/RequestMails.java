package uk.lucidservices.privacydesk.request;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The mails the intake read for a request, as a case file lists them. The intake's log owns them
 * and implements this, so a feature showing a case file asks here instead of reading the log's table.
 */
public interface RequestMails {

    /** Oldest first. */
    List<Mail> mailsOf(long requestId);

    /** Where a mail stands in the intake; its text and attachments are at {@code /api/intake/mails/<intakeId>}. */
    record Mail(long intakeId, OffsetDateTime readAt, String subject, String outcome, int attachments) {}
}
