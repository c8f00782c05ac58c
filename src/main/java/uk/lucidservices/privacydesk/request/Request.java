package uk.lucidservices.privacydesk.request;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A row of the request register; {@code language} is the one the desk writes to the requester in. */
public record Request(
        long id,
        String reference,
        RequestType type,
        Channel channel,
        String requesterName,
        String requesterEmail,
        String requesterPhone,
        String accountNumber,
        String summary,
        OffsetDateTime receivedAt,
        LocalDate clockStart,
        String status,
        LocalDate statutoryDeadline,
        LocalDate internalTarget,
        LocalDate escalationDate,
        boolean extended,
        boolean paused,
        boolean breached,
        String processInstanceId,
        String loggedBy,
        OffsetDateTime closedAt,
        String outcome,
        Language language) {

    /** This request once its process has started: {@link RequestRegister#attachProcess} writes the same. */
    Request opened(String processInstanceId) {
        return new Request(
                id,
                reference,
                type,
                channel,
                requesterName,
                requesterEmail,
                requesterPhone,
                accountNumber,
                summary,
                receivedAt,
                clockStart,
                "OPEN",
                statutoryDeadline,
                internalTarget,
                escalationDate,
                extended,
                paused,
                breached,
                processInstanceId,
                loggedBy,
                closedAt,
                outcome,
                language);
    }
}
