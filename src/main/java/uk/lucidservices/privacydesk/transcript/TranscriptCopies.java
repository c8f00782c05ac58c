package uk.lucidservices.privacydesk.transcript;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.mail.LetterTime;
import uk.lucidservices.privacydesk.records.ChatTranscripts;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Requests for a copy of one live-chat transcript, and the transcript they name. The copy may go
 * only to the email address recorded in that chat session: the chat proved that address, so no ID
 * is asked for; any other address makes it a subject access request with its identity check.
 */
@Repository
class TranscriptCopies {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** When a message was sent, in the letter's language: "15 Jun 2026 09:30", "15 Mehefin 2026 09:30". */
    static String sent(ZonedDateTime at, Language language) {
        return language == Language.WELSH
                ? LetterTime.day(at.toLocalDate(), language) + " " + CLOCK.format(at)
                : TIME.format(at);
    }

    private final JdbcTemplate jdbc;
    private final ChatTranscripts transcripts;
    private final RequestStarter starter;
    private final RequestRegister register;
    private final ZoneId zone;

    TranscriptCopies(
            JdbcTemplate jdbc,
            ChatTranscripts transcripts,
            RequestStarter starter,
            RequestRegister register,
            Clock clock) {
        this.jdbc = jdbc;
        this.transcripts = transcripts;
        this.starter = starter;
        this.register = register;
        this.zone = clock.getZone();
    }

    boolean transcriptExists(long transcriptId) {
        return transcripts.exists(transcriptId);
    }

    /** Logs the request and starts its process, with the transcript it names, in one transaction. */
    @Transactional
    Request open(long transcriptId, NewRequest asked) {
        Request request = starter.start(asked);
        jdbc.update(
                "INSERT INTO desk.transcript_copy (request_id, transcript_id) VALUES (?, ?)",
                request.id(),
                transcriptId);
        register.record(request.id(), "TRANSCRIPT_NAMED", asked.loggedBy(), "chat transcript #" + transcriptId);
        return request;
    }

    /** Whether the request's email is the one recorded in the chat session it names. */
    boolean addressMatchesChat(String reference) {
        Request request = register.get(reference);
        String asked = Emails.key(request.requesterEmail());
        Optional<String> recorded = transcriptOf(request.id()).flatMap(transcripts::emailKey);
        return asked != null && recorded.filter(asked::equals).isPresent();
    }

    /** The transcript as the person would read it: time, who wrote, what they wrote. */
    String transcriptText(String reference) {
        Request request = register.get(reference);
        List<String> lines = transcriptOf(request.id()).map(transcripts::messages).orElse(List.of()).stream()
                .map(m -> sent(m.sentAt().atZoneSameInstant(zone), request.language()) + "  " + m.sender() + ": "
                        + m.body())
                .toList();
        return String.join("\n", lines);
    }

    /** The transcript the request names. */
    private Optional<Long> transcriptOf(long requestId) {
        return jdbc
                .queryForList(
                        "SELECT transcript_id FROM desk.transcript_copy WHERE request_id = ?", Long.class, requestId)
                .stream()
                .findFirst();
    }

    /** Opens the subject access request this one became, with the same details, and records it. */
    @Transactional
    Request becomeSubjectAccessRequest(String reference) {
        Request copy = register.get(reference);
        Request sar = starter.start(NewRequest.builder(RequestType.SUBJECT_ACCESS, copy.channel())
                .name(copy.requesterName())
                .email(copy.requesterEmail())
                .phone(copy.requesterPhone())
                .accountNumber(copy.accountNumber())
                .summary(copy.summary())
                .receivedAt(copy.receivedAt())
                .loggedBy(copy.loggedBy())
                .build());
        jdbc.update(
                "UPDATE desk.transcript_copy SET outcome = 'BECAME_SAR', sar_reference = ? WHERE request_id = ?",
                sar.reference(),
                copy.id());
        return sar;
    }

    void sent(String reference) {
        jdbc.update(
                "UPDATE desk.transcript_copy SET outcome = 'SENT' WHERE request_id = ?",
                register.get(reference).id());
    }

    static NewRequest asked(String name, String email, Channel channel, String summary, String loggedBy) {
        return NewRequest.builder(RequestType.TRANSCRIPT_COPY, channel)
                .name(name)
                .email(email)
                .summary(summary)
                .loggedBy(loggedBy)
                .build();
    }
}
