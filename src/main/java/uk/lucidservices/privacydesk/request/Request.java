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
        Language language) {}
