package uk.lucidservices.privacydesk.access;

import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.mail.LetterNotSentException;
import uk.lucidservices.privacydesk.request.RequestRegister;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Issues the download link and emails it (letter {@code pack-ready}) to a verified email address
 * that is on record for the matched customer account or proven by a one-time code
 * ({@link VerifiedIdentifiers#email}), in one step, so the token never passes through a process
 * variable or the database in clear. Throws BPMN error {@code NO_VERIFIED_EMAIL} when there is no
 * such address, so the model delivers by post to the address on record instead.
 */
@Component("sendPackLink")
class SendPackLinkDelegate implements JavaDelegate {

    public static final String NO_VERIFIED_EMAIL = "NO_VERIFIED_EMAIL";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final PackDelivery delivery;
    private final VerifiedIdentifiers identifiers;
    private final RequestRegister register;
    private final JavaMailSender mail;
    private final AccessProperties properties;

    public SendPackLinkDelegate(PackDelivery delivery, VerifiedIdentifiers identifiers, RequestRegister register,
                                JavaMailSender mail, AccessProperties properties) {
        this.delivery = delivery;
        this.identifiers = identifiers;
        this.register = register;
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        send(execution.getProcessBusinessKey());
    }

    public void send(String reference) {
        String to = identifiers.email(reference)
                .orElseThrow(() -> new BpmnError(NO_VERIFIED_EMAIL, "Request " + reference
                        + " has no verified email address on record for the matched account or proven by a code"));
        PackDelivery.IssuedLink link = delivery.issueLink(reference);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject("Your personal data is ready to download (" + reference + ")");
        message.setText(body(reference, link));
        try {
            mail.send(message);
        } catch (MailException e) {
            throw LetterNotSentException.of("pack-ready", reference, e);
        }
        register.record(register.get(reference).id(), "LETTER_SENT", "desk",
                "template=pack-ready; pack=" + link.packId() + "; expires=" + link.expiresAt().toLocalDate());
    }

    private String body(String reference, PackDelivery.IssuedLink link) {
        return """
                Our reference: %s

                The copy of your personal data you asked for is ready. Download it here:

                %s

                The link works until %s. After that the file is deleted; if you still need it, email %s \
                quoting your reference %s and we will send a new link.

                The download is a ZIP file with a cover letter (HTML and PDF) that explains what we hold, \
                why, who receives it, how long we keep it, and your rights, including your right to complain \
                to the Information Commissioner's Office.

                Please do not forward this email: anyone with the link can download your data.

                Privacy team
                """.formatted(reference, link.url(), link.expiresAt().format(DATE), properties.privacyMailbox(), reference);
    }
}
