package uk.lucidservices.privacydesk.records;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The live-chat system's transcripts (a company system, modelled in the {@code records} schema):
 * the desk reads one transcript a person asks a copy of, and the address the chat recorded.
 */
@Repository
public class ChatTranscripts {

    /** One line of a chat, as the chat system stored it. */
    public record ChatMessage(OffsetDateTime sentAt, String sender, String body) {}

    private final JdbcTemplate jdbc;

    public ChatTranscripts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(long transcriptId) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM records.chat_transcript WHERE id = ?", Integer.class, transcriptId);
        return n != null && n > 0;
    }

    /** The email key the chat session recorded (see {@link Emails#key}), if it recorded one. */
    public Optional<String> emailKey(long transcriptId) {
        return jdbc
                .queryForList("SELECT email_key FROM records.chat_transcript WHERE id = ?", String.class, transcriptId)
                .stream()
                .filter(key -> key != null)
                .findFirst();
    }

    /** The transcript's messages in the order they were sent. */
    public List<ChatMessage> messages(long transcriptId) {
        return jdbc.query(
                "SELECT sent_at, sender, body FROM records.chat_message WHERE transcript_id = ? ORDER BY sent_at, id",
                (rs, i) -> new ChatMessage(
                        rs.getObject("sent_at", OffsetDateTime.class), rs.getString("sender"), rs.getString("body")),
                transcriptId);
    }
}
