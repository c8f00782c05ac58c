package uk.lucidservices.privacydesk.request;

import java.time.OffsetDateTime;

/** What staff or the mailbox know when a request arrives. */
public record NewRequest(RequestType type, Channel channel, String requesterName, String requesterEmail,
                         String requesterPhone, String accountNumber, String summary,
                         OffsetDateTime receivedAt, String loggedBy) {
}
