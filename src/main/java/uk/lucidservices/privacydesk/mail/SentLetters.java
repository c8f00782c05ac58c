package uk.lucidservices.privacydesk.mail;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RetainedData;
import uk.lucidservices.privacydesk.request.StoreSweep;

/**
 * The table of letters sent: the desk's proof of when a person was told what. Every letter, staff
 * notice and document has one row, with how it left the desk ({@link Recipient.Channel}); only an
 * email carries a Message-ID.
 */
@Repository
public class SentLetters implements RetainedData {

    public record SentLetter(
            long requestId,
            String reference,
            String template,
            String recipient,
            OffsetDateTime sentAt,
            String messageId,
            String processInstanceId,
            Recipient.Channel channel) {}

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public SentLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Records the letter; answers its id. */
    long record(SentLetter letter) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement insert = connection.prepareStatement("""
                                    INSERT INTO desk.sent_letter (request_id, reference, template, recipient, sent_at,
                                        message_id, process_instance_id, channel)
                                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    insert.setLong(1, letter.requestId());
                    insert.setString(2, letter.reference());
                    insert.setString(3, letter.template());
                    insert.setString(4, letter.recipient());
                    insert.setObject(5, letter.sentAt().withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setString(6, letter.messageId());
                    insert.setString(7, letter.processInstanceId());
                    insert.setString(8, letter.channel().name());
                    return insert;
                },
                key);
        return key.getKey().longValue();
    }

    /** The text staff print for a letter that goes by post (the desk's own record; it goes with the letter's row). */
    void keepTextToPost(long id, String text) {
        jdbc.update("UPDATE desk.sent_letter SET text_to_post = ? WHERE id = ?", text, id);
    }

    /** A letter handed to staff to post, as they print it. */
    public record LetterToPost(
            long id,
            String reference,
            String template,
            OffsetDateTime handedOverAt,
            String text,
            OffsetDateTime postedAt) {}

    /** The letters of the request that went, or are to go, by post, oldest first. */
    public List<LetterToPost> toPost(String reference) {
        return jdbc.query(
                """
                        SELECT id, reference, template, sent_at, text_to_post, posted_at FROM desk.sent_letter
                        WHERE reference = ? AND channel = 'POST' ORDER BY sent_at, id""",
                (rs, i) -> new LetterToPost(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("template"),
                        rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getString("text_to_post"),
                        rs.getObject("posted_at", OffsetDateTime.class)),
                reference);
    }

    /** Marks the letter posted; answers false when it was not waiting to be posted. */
    boolean markPosted(long id, String postedBy, OffsetDateTime at) {
        return jdbc.update(
                        "UPDATE desk.sent_letter SET posted_at = ?, posted_by = ? WHERE id = ? AND channel = 'POST'"
                                + " AND posted_at IS NULL",
                        at.withOffsetSameInstant(ZoneOffset.UTC),
                        postedBy,
                        id)
                == 1;
    }

    /** Whether the latest letter {@code template} of the request went to post and has not been posted yet. */
    public boolean waitingToBePosted(String reference, String template) {
        return toPost(reference).stream()
                .filter(l -> l.template().equals(template))
                .reduce((first, second) -> second)
                .map(l -> l.postedAt() == null)
                .orElse(false);
    }

    public List<SentLetter> forReference(String reference) {
        return jdbc.query(
                "SELECT * FROM desk.sent_letter WHERE reference = ? ORDER BY sent_at, id",
                (rs, i) -> new SentLetter(
                        rs.getLong("request_id"),
                        rs.getString("reference"),
                        rs.getString("template"),
                        rs.getString("recipient"),
                        rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getString("message_id"),
                        rs.getString("process_instance_id"),
                        Recipient.Channel.valueOf(rs.getString("channel"))),
                reference);
    }

    /**
     * The request a mail answers, found from the Message-IDs it names in In-Reply-To or References.
     * Only letters to the requester count: a colleague answering a staff notice is not the requester.
     */
    public Optional<String> referenceForMessageIds(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return named
                .queryForList(
                        "SELECT reference FROM desk.sent_letter WHERE message_id IN (:ids)"
                                + " AND recipient = :requester ORDER BY sent_at DESC",
                        new MapSqlParameterSource("ids", messageIds).addValue("requester", Recipient.REQUESTER),
                        String.class)
                .stream()
                .findFirst();
    }

    /** The letters sent for a closed request go when its period is over. */
    @Override
    public List<StoreSweep> retentionSweeps() {
        return List.of(new StoreSweep(
                "sent-letters",
                """
                SELECT s.id FROM desk.sent_letter s
                WHERE s.request_id IN (""" + RequestRegister.DUE_REQUEST_IDS + ") ORDER BY s.id",
                null,
                "DELETE FROM desk.sent_letter WHERE id IN (:ids)"));
    }
}
