package uk.lucidservices.privacydesk.request;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Requests that belong together, such as the erasure and the marketing objection one mail asked
 * for: each stays its own request on its own clock, and each names the other.
 */
@Repository
public class RequestLinks {

    private final JdbcTemplate jdbc;
    private final RequestRegister register;
    private final Clock clock;

    public RequestLinks(JdbcTemplate jdbc, RequestRegister register, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.clock = clock;
    }

    /** Links two requests both ways; {@code reason} carries no personal data. */
    @Transactional
    public void link(Request one, Request other, String actor, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String sql = "INSERT INTO desk.request_link (request_id, linked_request_id, reason, linked_at) VALUES (?, ?, ?, ?)";
        jdbc.update(sql, one.id(), other.id(), reason, now);
        jdbc.update(sql, other.id(), one.id(), reason, now);
        register.record(one.id(), "LINKED", actor, "Linked to " + other.reference() + ": " + reason);
        register.record(other.id(), "LINKED", actor, "Linked to " + one.reference() + ": " + reason);
    }

    /** References of the requests linked to this one, oldest link first. */
    public List<String> linked(long requestId) {
        return jdbc.queryForList("""
                SELECT r.reference FROM desk.request_link l JOIN desk.request r ON r.id = l.linked_request_id
                WHERE l.request_id = ? ORDER BY l.linked_at, r.reference""", String.class, requestId);
    }
}
