package uk.lucidservices.privacydesk.rights;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code desk.processing_restriction}: the Art. 18 flag a restriction request places on the records
 * of the person whose identifiers it verified, until a later decision lifts it. Other processes
 * see it through the data map (category {@code desk-processing-restrictions}, reached through the
 * request), as every search of the person does.
 */
@Repository
public class ProcessingRestrictions {

    /** Art. 18(1)(a) to (d). */
    public enum Grounds {
        ACCURACY_CONTESTED,
        UNLAWFUL_PROCESSING,
        NEEDED_FOR_LEGAL_CLAIMS,
        OBJECTION_PENDING
    }

    public record Restriction(
            Grounds grounds, String placedBy, OffsetDateTime placedAt, String liftedBy, OffsetDateTime liftedAt) {

        public boolean active() {
            return liftedAt == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProcessingRestrictions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Places the restriction; placing it again (a retried step) changes nothing. */
    public void place(long requestId, Grounds grounds, String userId) {
        if (find(requestId).isPresent()) {
            return;
        }
        jdbc.update(
                "INSERT INTO desk.processing_restriction (request_id, grounds, placed_by, placed_at) VALUES (?, ?, ?, ?)",
                requestId,
                grounds.name(),
                userId,
                now());
    }

    /** Lifts the restriction the request placed; lifting it again keeps the first lifting. */
    public void lift(long requestId, String userId) {
        int lifted = jdbc.update(
                "UPDATE desk.processing_restriction SET lifted_by = ?, lifted_at = ? WHERE request_id = ? AND lifted_at IS NULL",
                userId,
                now(),
                requestId);
        if (lifted == 0 && find(requestId).isEmpty()) {
            throw new IllegalStateException("Request " + requestId + " placed no restriction to lift");
        }
    }

    public Optional<Restriction> find(long requestId) {
        return jdbc
                .query(
                        "SELECT grounds, placed_by, placed_at, lifted_by, lifted_at FROM desk.processing_restriction WHERE request_id = ?",
                        (rs, n) -> new Restriction(
                                Grounds.valueOf(rs.getString(1)),
                                rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class),
                                rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class)),
                        requestId)
                .stream()
                .findFirst();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
