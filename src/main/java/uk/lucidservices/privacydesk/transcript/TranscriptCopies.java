package uk.lucidservices.privacydesk.transcript;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Requests for a copy of one live-chat transcript, and the transcript they name. The copy may go
 * only to the email address recorded in that chat session: the chat proved that address, so no ID
 * is asked for; any other address makes it a subject access request with its identity check.
 */
@Repository
class TranscriptCopies {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final JdbcTemplate jdbc;
    private final RequestStarter starter;
    private final RequestRegister register;
    private final ZoneId zone;

    TranscriptCopies(JdbcTemplate jdbc, RequestStarter starter, RequestRegister register, Clock clock) {
        this.jdbc = jdbc;
        this.starter = starter;
        this.register = register;
        this.zone = clock.getZone();
    }

    boolean transcriptExists(long transcriptId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM records.chat_transcript WHERE id = ?", Integer.class, transcriptId);
        return n != null && n > 0;
    }

    /** Logs the request and starts its process, with the transcript it names, in one transaction. */
    @Transactional
    Request open(long transcriptId, NewRequest asked) {
        Request request = starter.start(asked);
        jdbc.update("INSERT INTO desk.transcript_copy (request_id, transcript_id) VALUES (?, ?)", request.id(), transcriptId);
        register.record(request.id(), "TRANSCRIPT_NAMED", asked.loggedBy(), "chat transcript #" + transcriptId);
        return request;
    }

    /** Whether the request's email is the one recorded in the chat session it names. */
    boolean addressMatchesChat(String reference) {
        Request request = register.get(reference);
        String asked = Emails.key(request.requesterEmail());
        Optional<String> recorded = jdbc.queryForList("""
                SELECT t.email_key FROM records.chat_transcript t JOIN desk.transcript_copy c ON c.transcript_id = t.id
                WHERE c.request_id = ?""", String.class, request.id()).stream().findFirst();
        return asked != null && recorded.filter(asked::equals).isPresent();
    }

    /** The transcript as the person would read it: time, who wrote, what they wrote. */
    String transcriptText(String reference) {
        long requestId = register.get(reference).id();
        List<String> lines = jdbc.query("""
                SELECT m.sent_at, m.sender, m.body FROM records.chat_message m
                JOIN desk.transcript_copy c ON c.transcript_id = m.transcript_id
                WHERE c.request_id = ? ORDER BY m.sent_at, m.id""", (rs, i) ->
                TIME.format(rs.getObject("sent_at", OffsetDateTime.class).atZoneSameInstant(zone))
                        + "  " + rs.getString("sender") + ": " + rs.getString("body"), requestId);
        return String.join("\n", lines);
    }

    /** Opens the subject access request this one became, with the same details, and records it. */
    @Transactional
    Request becomeSubjectAccessRequest(String reference) {
        Request copy = register.get(reference);
        Request sar = starter.start(NewRequest.builder(RequestType.SUBJECT_ACCESS, copy.channel())
                .name(copy.requesterName()).email(copy.requesterEmail()).phone(copy.requesterPhone())
                .accountNumber(copy.accountNumber()).summary(copy.summary()).receivedAt(copy.receivedAt())
                .loggedBy(copy.loggedBy()).build());
        jdbc.update("UPDATE desk.transcript_copy SET outcome = 'BECAME_SAR', sar_reference = ? WHERE request_id = ?",
                sar.reference(), copy.id());
        return sar;
    }

    void sent(String reference) {
        jdbc.update("UPDATE desk.transcript_copy SET outcome = 'SENT' WHERE request_id = ?", register.get(reference).id());
    }

    static NewRequest asked(String name, String email, Channel channel, String summary, String loggedBy) {
        return NewRequest.builder(RequestType.TRANSCRIPT_COPY, channel).name(name).email(email).summary(summary)
                .loggedBy(loggedBy).build();
    }
}
