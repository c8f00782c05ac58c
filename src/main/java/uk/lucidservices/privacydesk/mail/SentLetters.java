package uk.lucidservices.privacydesk.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    void record(SentLetter letter) {
        jdbc.update(
                """
                        INSERT INTO desk.sent_letter (request_id, reference, template, recipient, sent_at, message_id,
                            process_instance_id, channel)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                letter.requestId(),
                letter.reference(),
                letter.template(),
                letter.recipient(),
                letter.sentAt().withOffsetSameInstant(ZoneOffset.UTC),
                letter.messageId(),
                letter.processInstanceId(),
                letter.channel().name());
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
