package uk.lucidservices.privacydesk.erasure;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import uk.lucidservices.privacydesk.mail.LetterNotSentException;
import uk.lucidservices.privacydesk.request.ClockConfiguration;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The letter that tells the person their erasure is done: what was erased, what was kept and why,
 * that backups are put beyond use and overwritten on rotation, and that they will not be marketed to.
 * Sent by email to the address confirmed at the identity check; otherwise recorded for staff to post
 * (a sender whose address the officer rejected learns nothing of what was held).
 */
@Service
class ErasureConfirmationLetter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ErasureCertificate certificate;
    private final ErasureSubjects subjects;
    private final RequestRegister register;
    private final JavaMailSender mail;
    private final ErasureProperties properties;
    private final VerifiedIdentifiers identifiers;

    public ErasureConfirmationLetter(ErasureCertificate certificate, ErasureSubjects subjects, RequestRegister register,
                                     JavaMailSender mail, ErasureProperties properties, VerifiedIdentifiers identifiers) {
        this.identifiers = identifiers;
        this.certificate = certificate;
        this.subjects = subjects;
        this.register = register;
        this.mail = mail;
        this.properties = properties;
    }

    public record Letter(String to, String subject, String body) {
    }

    public enum Sent { EMAIL, TO_POST }

    public Letter compose(String reference) {
        Request request = subjects.request(reference);
        CertificateDocument d = certificate.document(reference);
        StringBuilder b = new StringBuilder();
        b.append("Dear ").append(request.requesterName() == null || request.requesterName().isBlank()
                ? "customer" : request.requesterName()).append(",\n\n");
        b.append("Your request to erase your personal data (reference ").append(reference).append(") has been carried out.")
                .append(" It was authorised on ").append(d.dates().authorised().atZoneSameInstant(ClockConfiguration.UK).format(DAY))
                .append(" and completed on ").append(d.dates().verified().atZoneSameInstant(ClockConfiguration.UK).format(DAY))
                .append(", when we searched our systems again and found nothing left to erase.\n\n");
        b.append("What we erased:\n");
        boolean any = false;
        for (CertificateDocument.SystemSummary s : d.systems()) {
            for (CertificateDocument.CategoryLine l : s.categories()) {
                if (l.deleted() + l.anonymised() > 0) {
                    any = true;
                    b.append(" - ").append(l.name()).append(" (").append(s.system()).append("): ");
                    if (l.deleted() > 0) {
                        b.append(l.deleted()).append(" deleted");
                    }
                    if (l.anonymised() > 0) {
                        b.append(l.deleted() > 0 ? ", " : "").append(l.anonymised()).append(" anonymised");
                    }
                    if (l.filesDeleted() > 0) {
                        b.append(", including ").append(l.filesDeleted()).append(" audio recording(s)");
                    }
                    b.append('\n');
                }
            }
        }
        if (!any) {
            b.append(" - We found no records that could be erased.\n");
        }
        b.append("\nWhat we have kept, and why:\n");
        boolean kept = false;
        for (CertificateDocument.SystemSummary s : d.systems()) {
            for (CertificateDocument.CategoryLine l : s.categories()) {
                if ("KEEP".equals(l.action()) && l.kept() != null && l.kept() > 0) {
                    kept = true;
                    b.append(" - ").append(l.name()).append(" (").append(s.system()).append("): ").append(l.keptReason()).append('\n');
                }
            }
        }
        if (!kept) {
            b.append(" - Nothing.\n");
        }
        b.append("\nBackups: ").append(ErasureCertificate.BACKUPS).append("\n\n");
        b.append("Marketing: we have put your phone number(s) and email address(es) on our suppression list in a form that"
                + " cannot be read back (a keyed hash), so that we do not call or email you for marketing again, even if"
                + " a list we buy from a third party includes you.\n\n");
        if (!d.recipients().isEmpty()) {
            b.append("We have told those we shared the erased data with, where this was possible.\n\n");
        }
        b.append("If you are unhappy with how we handled your request, please reply to this message. You can also"
                + " complain to the Information Commissioner's Office (ico.org.uk, 0303 123 1113).\n\n");
        b.append("Yours sincerely,\n").append(d.controller()).append(" Privacy Team\n");
        return new Letter(identifiers.confirmedEmail(reference).orElse(null), "Your erasure request " + reference + " is complete", b.toString());
    }

    public Sent send(String reference) {
        Request request = subjects.request(reference);
        Letter letter = compose(reference);
        if (letter.to() == null || letter.to().isBlank()) {
            register.record(request.id(), "CONFIRMATION_TO_POST", null, "No confirmed email address: erasure confirmation to be posted");
            return Sent.TO_POST;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.lettersFrom());
        message.setTo(letter.to().trim());
        message.setSubject(letter.subject());
        message.setText(letter.body());
        try {
            mail.send(message);
        } catch (MailException e) {
            throw LetterNotSentException.of("erasure-confirmation", reference, e);
        }
        register.record(request.id(), "CONFIRMATION_SENT", null, "Erasure confirmation sent by email");
        return Sent.EMAIL;
    }
}
