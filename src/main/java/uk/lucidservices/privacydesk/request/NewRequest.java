package uk.lucidservices.privacydesk.request;

import java.time.OffsetDateTime;

/**
 * What staff or the mailbox know when a request arrives. {@code phoneAndAccountFoundInText} says the
 * phone and account number were found in a mail's text rather than given in a field: they become
 * suggestions an officer accepts or rejects, never identifiers searched as they are.
 */
public record NewRequest(RequestType type, Channel channel, String requesterName, String requesterEmail,
                         String requesterPhone, String accountNumber, String summary,
                         OffsetDateTime receivedAt, String loggedBy, boolean phoneAndAccountFoundInText) {

    public NewRequest(RequestType type, Channel channel, String requesterName, String requesterEmail,
                      String requesterPhone, String accountNumber, String summary,
                      OffsetDateTime receivedAt, String loggedBy) {
        this(type, channel, requesterName, requesterEmail, requesterPhone, accountNumber, summary, receivedAt,
                loggedBy, false);
    }

    /** The same details as a request of another type (one mail asking for two things). */
    public NewRequest ofType(RequestType other) {
        return new NewRequest(other, channel, requesterName, requesterEmail, requesterPhone, accountNumber, summary,
                receivedAt, loggedBy, phoneAndAccountFoundInText);
    }

    /** The same request, its phone and account number marked as found in the mail's text. */
    public NewRequest foundInText() {
        return new NewRequest(type, channel, requesterName, requesterEmail, requesterPhone, accountNumber, summary,
                receivedAt, loggedBy, true);
    }
}
