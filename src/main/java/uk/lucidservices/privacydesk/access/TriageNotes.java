package uk.lucidservices.privacydesk.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RetainedData;
import uk.lucidservices.privacydesk.request.StoreSweep;

/**
 * What an officer wrote when triaging a request (a refusal's reason, a clarification question),
 * kept on the request in {@code desk.triage_note} rather than in the engine. Letters quote the
 * latest note of their kind.
 */
@Repository
class TriageNotes implements RetainedData {

    public static final int MAX_LENGTH = 2000;

    public enum Kind {
        REFUSAL_REASON,
        CLARIFICATION_QUESTION,
        /** Why a fee is charged (manifestly unfounded or excessive, or further copies): the fee letter quotes it. */
        FEE_REASON,
        /** The fee in pounds, as the fee letter states it (e.g. "25.00"). */
        FEE_AMOUNT
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public TriageNotes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void write(long requestId, Kind kind, String note, String userId) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("The " + label(kind) + " is empty");
        }
        if (note.strip().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The " + label(kind) + " is longer than " + MAX_LENGTH + " characters");
        }
        jdbc.update(
                "INSERT INTO desk.triage_note (request_id, kind, note, written_by, written_at) VALUES (?, ?, ?, ?, ?)",
                requestId,
                kind.name(),
                note.strip(),
                userId,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    public Optional<String> latest(long requestId, Kind kind) {
        return jdbc
                .queryForList(
                        "SELECT note FROM desk.triage_note WHERE request_id = ? AND kind = ? ORDER BY id DESC",
                        String.class,
                        requestId,
                        kind.name())
                .stream()
                .findFirst();
    }

    /** Who wrote the latest note of its kind (the officer who proposed a refusal, say). */
    public Optional<String> latestWriter(long requestId, Kind kind) {
        return jdbc
                .queryForList(
                        "SELECT written_by FROM desk.triage_note WHERE request_id = ? AND kind = ? ORDER BY id DESC",
                        String.class,
                        requestId,
                        kind.name())
                .stream()
                .findFirst();
    }

    /** Every note on the request, oldest first, as the case file shows them. */
    public List<Note> all(long requestId) {
        return jdbc.query(
                "SELECT kind, note, written_by, written_at FROM desk.triage_note WHERE request_id = ? ORDER BY id",
                (rs, i) -> new Note(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)),
                requestId);
    }

    public record Note(String kind, String note, String writtenBy, OffsetDateTime writtenAt) {}

    private static String label(Kind kind) {
        return kind == Kind.REFUSAL_REASON ? "reason for refusing" : "clarification question";
    }

    /** A closed request's triage notes go when its period is over. */
    @Override
    public List<StoreSweep> retentionSweeps() {
        return List.of(new StoreSweep(
                "triage-notes",
                """
                SELECT t.id FROM desk.triage_note t
                WHERE t.request_id IN (""" + RequestRegister.DUE_REQUEST_IDS + ") ORDER BY t.id",
                null,
                "DELETE FROM desk.triage_note WHERE id IN (:ids)"));
    }
}
