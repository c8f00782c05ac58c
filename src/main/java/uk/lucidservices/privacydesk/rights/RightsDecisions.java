package uk.lucidservices.privacydesk.rights;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RetainedData;
import uk.lucidservices.privacydesk.request.StoreSweep;

/**
 * {@code desk.rights_decision}: what an officer decided on a rectification, restriction or
 * objection request, with the words the decision letter quotes (what was corrected where, the
 * reasons for refusing, the grounds weighed). The process keeps only the outcome.
 */
@Repository
public class RightsDecisions implements RetainedData {

    public static final int MAX_LENGTH = 4000;

    /** Which decision: one per type-specific step of the rights process. */
    public enum Kind {
        RECTIFICATION,
        RESTRICTION,
        RESTRICTION_LIFTED,
        PROCESSING_OBJECTION
    }

    public record Decision(Kind kind, String outcome, String detail, String decidedBy, OffsetDateTime decidedAt) {}

    private static final RowMapper<Decision> ROW = (rs, n) -> new Decision(
            Kind.valueOf(rs.getString("kind")),
            rs.getString("outcome"),
            rs.getString("detail"),
            rs.getString("decided_by"),
            rs.getObject("decided_at", OffsetDateTime.class));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RightsDecisions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long requestId, Kind kind, String outcome, String detail, String userId) {
        String text = detail == null || detail.isBlank() ? null : detail.strip();
        if (text != null && text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The text is longer than " + MAX_LENGTH + " characters");
        }
        jdbc.update(
                "INSERT INTO desk.rights_decision (request_id, kind, outcome, detail, decided_by, decided_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                requestId,
                kind.name(),
                outcome,
                text,
                userId,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The latest decision of a kind: the one its letter tells. */
    public Optional<Decision> latest(long requestId, Kind kind) {
        return jdbc
                .query(
                        "SELECT * FROM desk.rights_decision WHERE request_id = ? AND kind = ? ORDER BY id DESC",
                        ROW,
                        requestId,
                        kind.name())
                .stream()
                .findFirst();
    }

    public List<Decision> all(long requestId) {
        return jdbc.query("SELECT * FROM desk.rights_decision WHERE request_id = ? ORDER BY id", ROW, requestId);
    }

    @Override
    public List<StoreSweep> retentionSweeps() {
        return List.of(new StoreSweep(
                "rights-decisions",
                """
                SELECT d.id FROM desk.rights_decision d
                WHERE d.request_id IN (""" + RequestRegister.DUE_REQUEST_IDS + ") ORDER BY d.id",
                null,
                "DELETE FROM desk.rights_decision WHERE id IN (:ids)"));
    }
}
