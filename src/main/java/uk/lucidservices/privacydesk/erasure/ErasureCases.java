package uk.lucidservices.privacydesk.erasure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code desk.erasure_request}. */
@Repository
class ErasureCases {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ErasureCases(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    public Optional<ErasureCase> find(String reference) {
        return jdbc.query("SELECT * FROM desk.erasure_request WHERE reference = ?", ROW, reference).stream()
                .findFirst();
    }

    public ErasureCase get(String reference) {
        return find(reference)
                .orElseThrow(() -> new IllegalStateException(
                        "Request " + reference + " has no erasure preview yet: prepare the preview first"));
    }

    /** A new preview starts the case afresh: an earlier review or decision was about a different plan. */
    void prepared(String reference, String scope, String preparedBy) {
        OffsetDateTime now = now();
        int updated = jdbc.update("""
                UPDATE desk.erasure_request SET scope = ?, prepared_by = ?, prepared_at = ?, reviewed_by = NULL,
                    reviewed_at = NULL, decision = NULL, decided_by = NULL, decided_at = NULL, decision_reason = NULL
                WHERE reference = ?""", scope, preparedBy, now, reference);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO desk.erasure_request (reference, scope, prepared_by, prepared_at) VALUES (?, ?, ?, ?)",
                    reference,
                    scope,
                    preparedBy,
                    now);
        }
    }

    void reviewed(String reference, String reviewer) {
        jdbc.update(
                "UPDATE desk.erasure_request SET reviewed_by = ?, reviewed_at = ? WHERE reference = ?",
                reviewer,
                now(),
                reference);
    }

    void decided(String reference, String decision, String decidedBy, String reason) {
        jdbc.update("""
                UPDATE desk.erasure_request SET decision = ?, decided_by = ?, decided_at = ?, decision_reason = ?
                WHERE reference = ?""", decision, decidedBy, now(), reason, reference);
    }

    void erased(String reference) {
        jdbc.update("UPDATE desk.erasure_request SET erased_at = ? WHERE reference = ?", now(), reference);
    }

    void suppressed(String reference) {
        jdbc.update("UPDATE desk.erasure_request SET suppressed_at = ? WHERE reference = ?", now(), reference);
    }

    void verified(String reference, boolean clean) {
        jdbc.update(
                "UPDATE desk.erasure_request SET verified_at = ? WHERE reference = ?", clean ? now() : null, reference);
    }

    private static final RowMapper<ErasureCase> ROW = (rs, i) -> new ErasureCase(
            rs.getString("reference"),
            rs.getString("scope"),
            rs.getString("prepared_by"),
            rs.getObject("prepared_at", OffsetDateTime.class),
            rs.getString("reviewed_by"),
            rs.getObject("reviewed_at", OffsetDateTime.class),
            rs.getString("decision"),
            rs.getString("decided_by"),
            rs.getObject("decided_at", OffsetDateTime.class),
            rs.getString("decision_reason"),
            rs.getObject("erased_at", OffsetDateTime.class),
            rs.getObject("suppressed_at", OffsetDateTime.class),
            rs.getObject("verified_at", OffsetDateTime.class));
}
