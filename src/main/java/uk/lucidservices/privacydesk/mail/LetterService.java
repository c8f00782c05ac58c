package uk.lucidservices.privacydesk.mail;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * The one way the desk writes to anyone: every letter, staff notice and document is rendered from
 * its template ({@link LetterTemplates}) and recorded once in the table of sent letters
 * ({@link SentLetters}), in the caller's transaction, with the recipient the caller names
 * ({@link Recipient}). Letters to the requester are also recorded on the request; one the requester
 * cannot get by email goes to staff to post ({@link LettersByPost}). An SMTP failure throws, so a
 * process step that sends is retried by the job executor and ends as a visible incident rather
 * than a lost letter.
 */
@Service
public class LetterService {

    private static final Logger log = LoggerFactory.getLogger(LetterService.class);

    /** Letters that answer a mail: marked as automatic replies (RFC 3834) so robots do not answer them. */
    private static final Set<String> AUTOMATIC_REPLIES = Set.of("acknowledgement", "complaint-acknowledgement");

    public static final String RECIPIENT_REQUESTER = Recipient.REQUESTER;

    /** Model value: true in a letter that goes by post (its signature says how to reply by post). */
    public static final String BY_POST = "byPost";

    private final RequestRegister register;
    private final LetterTemplates templates;
    private final LetterModel model;
    private final SentLetters sentLetters;
    private final JavaMailSender mailSender;
    private final SmtpConnections smtp;
    private final DeskMailProperties properties;
    private final Clock clock;
    private final LettersByPost postByHand;

    public LetterService(
            RequestRegister register,
            LetterTemplates templates,
            LetterModel model,
            SentLetters sentLetters,
            JavaMailSender mailSender,
            SmtpConnections smtp,
            DeskMailProperties properties,
            Clock clock,
            LettersByPost postByHand) {
        this.postByHand = postByHand;
        this.register = register;
        this.templates = templates;
        this.model = model;
        this.sentLetters = sentLetters;
        this.mailSender = mailSender;
        this.smtp = smtp;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * To the requester at the register's address: {@code send(Recipient.requester(), ...)}.
     * @deprecated name the recipient: {@link #send(Recipient, String, String, Map, String)}
     */
    @Deprecated
    @Transactional
    public SentLetters.SentLetter send(String reference, String template, Map<String, Object> extraModel) {
        return send(Recipient.requester(), reference, template, extraModel, null);
    }

    /**
     * To the requester at the register's address: {@code send(Recipient.requester(), ...)}.
     * @deprecated name the recipient: {@link #send(Recipient, String, String, Map, String)}
     */
    @Deprecated
    @Transactional
    public SentLetters.SentLetter send(
            String reference, String template, Map<String, Object> values, String processInstanceId) {
        return send(Recipient.requester(), reference, template, values, processInstanceId);
    }

    /**
     * Sends a letter about a request to the named recipient and records it once. The values are the
     * caller's (a process step's variables, or what the caller computed); the register's fields win
     * on a clash, and a letter to staff never sees the requester's details. Answers the recorded
     * letter: channel {@code EMAIL}, or {@code POST} when the requester has no usable address; null
     * when staff have no address (nothing is sent or recorded, as nobody could read it).
     */
    @Transactional
    public SentLetters.SentLetter send(
            Recipient to, String reference, String template, Map<String, Object> values, String processInstanceId) {
        if (to.channel() == Recipient.Channel.PACK || to.channel() == Recipient.Channel.FILE) {
            throw new IllegalArgumentException("A " + to + " is a document: use document(...)");
        }
        Request request = register.get(reference);
        if (to.isStaff()) {
            if (to.addresses().isEmpty()) {
                return null;
            }
            RenderedLetter letter = templates.render(template, reference, model.withoutPerson(request, values));
            return email(
                    request,
                    to,
                    letter,
                    to.addresses(),
                    null,
                    properties.staffFrom(),
                    "NOTICE_SENT",
                    processInstanceId);
        }
        String address = to.source() == Recipient.Source.REGISTER
                ? request.requesterEmail()
                : to.addresses().stream().findFirst().orElse(null);
        boolean byPost = address == null || address.isBlank();
        // A letter that goes by post tells the requester how to answer by post ({{#byPost}} in the
        // signature): they have no email address the desk may use.
        Map<String, Object> withChannel = new HashMap<>(values == null ? Map.of() : values);
        withChannel.put(BY_POST, byPost);
        // Rendered before anything is recorded, by email or by post: a broken template stops the step.
        // In the requester's language (Welsh for one who wrote in Welsh); staff notices stay in English.
        RenderedLetter letter = templates.render(
                template,
                reference,
                to.source() == Recipient.Source.UNPROVEN
                        ? model.withoutPerson(request, withChannel)
                        : model.build(request, withChannel),
                request.language());
        if (byPost) {
            // No address the letter may go to (a request by phone or letter, or an address the officer
            // did not confirm): it goes by post, as a task for staff, and the process carries on
            // rather than sticking at an incident.
            SentLetters.SentLetter posted = new SentLetters.SentLetter(
                    request.id(),
                    reference,
                    template,
                    to.role(),
                    OffsetDateTime.now(clock),
                    null,
                    processInstanceId,
                    Recipient.Channel.POST);
            long id = sentLetters.record(posted);
            sentLetters.keepTextToPost(id, letter.text());
            postByHand.ask(request, template, id);
            return posted;
        }
        String name = to.source() == Recipient.Source.UNPROVEN ? null : request.requesterName();
        return email(
                request,
                to,
                letter,
                List.of(address.trim()),
                name,
                properties.from(),
                "LETTER_SENT",
                processInstanceId);
    }

    /**
     * Renders a document (XHTML, for a PDF) about a request from its template and records it once:
     * the cover letter in the requester's pack, the certificate in the desk's file. The desk's file
     * never sees the requester's details.
     */
    @Transactional
    public String document(Recipient to, String reference, String template, Map<String, Object> values) {
        if (to.channel() != Recipient.Channel.PACK && to.channel() != Recipient.Channel.FILE) {
            throw new IllegalArgumentException("A document goes in a pack or a file, not to " + to);
        }
        Request request = register.get(reference);
        // The requester's pack in their language; the desk's own file in English, as staff read it.
        String xhtml = to.channel() == Recipient.Channel.FILE
                ? templates.document(template, model.withoutPerson(request, values))
                : templates.document(template, model.build(request, values), request.language());
        sentLetters.record(new SentLetters.SentLetter(
                request.id(), reference, template, to.role(), OffsetDateTime.now(clock), null, null, to.channel()));
        return xhtml;
    }

    private SentLetters.SentLetter email(
            Request request,
            Recipient to,
            RenderedLetter letter,
            List<String> addresses,
            String name,
            String from,
            String event,
            String processInstanceId) {
        String reference = request.reference();
        String template = letter.template();
        String messageId = "<" + reference + "." + template + "." + UUID.randomUUID() + "@" + properties.domain() + ">";
        SentLetters.SentLetter sent = new SentLetters.SentLetter(
                request.id(),
                reference,
                template,
                to.role(),
                OffsetDateTime.now(clock),
                messageId,
                processInstanceId,
                Recipient.Channel.EMAIL);
        // Recorded first and sent last: if recording fails nothing goes out, if sending fails the
        // records roll back with it and the retry starts clean.
        sentLetters.record(sent);
        register.record(request.id(), event, "desk", "template=" + template + "; to=" + to.role());
        try {
            smtp.send(message(letter, addresses, name, from, messageId, reference));
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            String cause = safeCause(e);
            log.warn("Letter {} for {} not sent: {}", template, reference, cause);
            throw new LetterNotSentException("Letter '" + template + "' for " + reference + " not sent: " + cause);
        }
        log.info("Letter {} sent for {} to the {}", template, reference, to.role());
        return sent;
    }

    private MimeMessage message(
            RenderedLetter letter, List<String> to, String name, String from, String messageId, String reference)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new OwnIdMimeMessage(session(), messageId);
        MimeMessageHelper helper = new LetterMessageHelper(message);
        helper.setFrom(from, properties.fromName());
        helper.setReplyTo(from);
        if (to.size() == 1 && name != null && !name.isBlank()) {
            helper.setTo(new InternetAddress(to.get(0), name, "UTF-8"));
        } else {
            helper.setTo(to.toArray(String[]::new));
        }
        helper.setSubject(letter.subject());
        helper.setText(letter.text(), letter.html());
        helper.setSentDate(Date.from(clock.instant()));
        message.setHeader(
                "Auto-Submitted", AUTOMATIC_REPLIES.contains(letter.template()) ? "auto-replied" : "auto-generated");
        message.setHeader("X-Privacy-Desk-Reference", reference);
        return message;
    }

    private Session session() {
        return mailSender instanceof JavaMailSenderImpl impl
                ? impl.getSession()
                : Session.getInstance(new Properties());
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
            } else if (root instanceof MailSendException send
                    && send.getMessageExceptions().length > 0
                    && send.getMessageExceptions()[0] != root) {
                // Spring keeps a refused message's failure beside the exception, not as its cause.
                root = send.getMessageExceptions()[0];
            } else if (root instanceof MessagingException m
                    && m.getNextException() != null
                    && m.getNextException() != root) {
                // "Invalid Addresses" carries the server's refusal as its next exception.
                root = m.getNextException();
            } else {
                break;
            }
        }
        if (root instanceof SocketException
                || root instanceof UnknownHostException
                || root instanceof SocketTimeoutException) {
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        return root.getClass().getSimpleName();
    }

    /**
     * Spring's helper, with one map of file types for every letter: the default map is built anew for
     * each helper by parsing the whole mime.types file, most of the CPU time of building a letter.
     */
    private static final class LetterMessageHelper extends MimeMessageHelper {
        private static final FileTypeMap FILE_TYPES = fileTypes();

        LetterMessageHelper(MimeMessage message) throws MessagingException {
            super(message, true, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return FILE_TYPES;
        }

        private static FileTypeMap fileTypes() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
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
