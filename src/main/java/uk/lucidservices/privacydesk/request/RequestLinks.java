package uk.lucidservices.privacydesk.request;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests that belong together, such as the erasure and the marketing objection one mail asked
 * for: each stays its own request on its own clock, and each names the other.
 */
@Repository
public class RequestLinks {

    private final RequestRegister register;
    private final Clock clock;

    public RequestLinks(RequestRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    /** Links two requests both ways; {@code reason} carries no personal data. */
    @Transactional
    public void link(Request one, Request other, String actor, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        register.link(one.id(), other.id(), reason, now);
        register.link(other.id(), one.id(), reason, now);
        register.record(one.id(), "LINKED", actor, "Linked to " + other.reference() + ": " + reason);
        register.record(other.id(), "LINKED", actor, "Linked to " + one.reference() + ": " + reason);
    }

    /** References of the requests linked to this one, oldest link first. */
    public List<String> linked(long requestId) {
        return register.linkedReferences(requestId);
    }
}
