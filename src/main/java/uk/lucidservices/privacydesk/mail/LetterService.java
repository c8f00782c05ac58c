package uk.lucidservices.privacydesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

import java.io.UnsupportedEncodingException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The one mailer every process uses. Sends a letter to the requester of a request: the address
 * comes from the request register (never from process variables), the wording from
 * {@link LetterTemplates}, and every letter sent is recorded on the request and in the table of
 * sent letters in the caller's transaction. An SMTP failure throws, so a process step that sends
 * is retried by the job executor and ends as a visible incident rather than a lost letter.
 */
@Service
public class LetterService {

    private static final Logger log = LoggerFactory.getLogger(LetterService.class);

    /** Letters that answer a mail: marked as automatic replies (RFC 3834) so robots do not answer them. */
    private static final Set<String> AUTOMATIC_REPLIES = Set.of("acknowledgement", "complaint-acknowledgement");

    public static final String RECIPIENT_REQUESTER = "requester";

    private final RequestRegister register;
    private final LetterTemplates templates;
    private final LetterModel model;
    private final SentLetters sentLetters;
    private final JavaMailSender mailSender;
    private final DeskMailProperties properties;
    private final Clock clock;
    private final LettersByPost postByHand;

    public LetterService(RequestRegister register, LetterTemplates templates, LetterModel model, SentLetters sentLetters,
                         JavaMailSender mailSender, DeskMailProperties properties, Clock clock, LettersByPost postByHand) {
        this.postByHand = postByHand;
        this.register = register;
        this.templates = templates;
        this.model = model;
        this.sentLetters = sentLetters;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends a letter outside a process (any non-BPMN caller); null when it has to go by post. */
    @Transactional
    public SentLetters.SentLetter send(String reference, String template, Map<String, Object> extraModel) {
        return send(reference, template, extraModel, null);
    }

    /** Sends a letter from a process step; the values are the process variables. */
    @Transactional
    public SentLetters.SentLetter send(String reference, String template, Map<String, Object> values,
                                       String processInstanceId) {
        Request request = register.get(reference);
        String to = request.requesterEmail();
        if (to == null || to.isBlank()) {
            // A request made by phone or letter may have no email: the letter goes by post, as a
            // task for staff, and the process carries on rather than sticking at an incident.
            postByHand.ask(request, template);
            return null;
        }
        RenderedLetter letter = templates.render(template, reference, model.build(request, values));
        String messageId = "<" + reference + "." + template + "." + UUID.randomUUID() + "@" + properties.domain() + ">";
        SentLetters.SentLetter sent = new SentLetters.SentLetter(request.id(), reference, template, RECIPIENT_REQUESTER,
                OffsetDateTime.now(clock), messageId, processInstanceId);
        // Recorded first and sent last: if recording fails nothing goes out, if sending fails the
        // records roll back with it and the retry starts clean.
        sentLetters.record(sent);
        register.record(request.id(), "LETTER_SENT", "desk", "template=" + template + "; to=" + RECIPIENT_REQUESTER);
        try {
            mailSender.send(message(letter, to, request.requesterName(), messageId, reference));
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            String cause = safeCause(e);
            log.warn("Letter {} for {} not sent: {}", template, reference, cause);
            throw new LetterNotSentException("Letter '" + template + "' for " + reference + " not sent: " + cause);
        }
        log.info("Letter {} sent for {}", template, reference);
        return sent;
    }

    private MimeMessage message(RenderedLetter letter, String to, String name, String messageId, String reference)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new OwnIdMimeMessage(session(), messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from(), properties.fromName());
        helper.setReplyTo(properties.from());
        if (name != null && !name.isBlank()) {
            helper.setTo(new InternetAddress(to, name, "UTF-8"));
        } else {
            helper.setTo(to);
        }
        helper.setSubject(letter.subject());
        helper.setText(letter.text(), letter.html());
        helper.setSentDate(Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", AUTOMATIC_REPLIES.contains(letter.template()) ? "auto-replied" : "auto-generated");
        message.setHeader("X-Privacy-Desk-Reference", reference);
        return message;
    }

    private Session session() {
        return mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    }

    /**
     * Why a send failed, without the addresses an SMTP error may quote: network errors keep their
     * message ("Connection refused"), anything else is named by its type.
     */
    static String safeCause(Throwable e) {
        Throwable root = e;
        for (int depth = 0; depth < 20; depth++) {
            if (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            } else if (root instanceof MailSendException send && send.getMessageExceptions().length > 0
                    && send.getMessageExceptions()[0] != root) {
                // Spring keeps a refused message's failure beside the exception, not as its cause.
                root = send.getMessageExceptions()[0];
            } else if (root instanceof MessagingException m && m.getNextException() != null && m.getNextException() != root) {
                // "Invalid Addresses" carries the server's refusal as its next exception.
                root = m.getNextException();
            } else {
                break;
            }
        }
        if (root instanceof SocketException || root instanceof UnknownHostException
                || root instanceof SocketTimeoutException) {
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        return root.getClass().getSimpleName();
    }

    /** Keeps the Message-ID we chose, which replies quote back in In-Reply-To. */
    private static final class OwnIdMimeMessage extends MimeMessage {
        private final String messageId;

        OwnIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
