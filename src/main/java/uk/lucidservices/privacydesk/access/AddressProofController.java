package uk.lucidservices.privacydesk.access;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.mail.LetterNotSentException;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestNotFoundException;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Proves that a requester controls an email address that is not on record for their account, so
 * the download link may go to it: {@code POST .../code} mails a one-time code to the address, and
 * {@code POST .../code/check} records the code the requester gave back to the officer
 * ({@code {"code": "123456"}}). Privacy officers only. The code is never logged or kept in clear.
 */
@RestController
@RequestMapping("/api/requests/{reference}/identifiers/{id}/code")
class AddressProofController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'UTC'", Locale.UK);

    private final VerifiedIdentifiers identifiers;
    private final RequestRegister register;
    private final CurrentStaff staff;
    private final JavaMailSender mail;
    private final AccessProperties properties;

    AddressProofController(VerifiedIdentifiers identifiers, RequestRegister register, CurrentStaff staff,
                           JavaMailSender mail, AccessProperties properties) {
        this.identifiers = identifiers;
        this.register = register;
        this.staff = staff;
        this.mail = mail;
        this.properties = properties;
    }

    @PostMapping
    Map<String, Object> send(@PathVariable String reference, @PathVariable long id) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS);
        accessRequest(reference);
        VerifiedIdentifiers.AddressCode code = identifiers.newAddressCode(reference, id, staff.userId());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(code.address());
        message.setSubject("Your code to confirm this email address (" + reference + ")");
        message.setText("""
                Our reference: %s

                To confirm that this email address is yours, give this code to our privacy team \
                (reply to this email or tell us when we call):

                %s

                The code works until %s. If you did not ask us for a copy of your data, ignore this \
                email and tell us at %s.

                Privacy team
                """.formatted(reference, code.code(), code.expiresAt().format(WHEN), properties.privacyMailbox()));
        try {
            mail.send(message);
        } catch (MailException e) {
            // The server's answer may quote the address: it names the cause's type only.
            throw LetterNotSentException.of("address-code", reference, e);
        }
        return Map.of("identifier", id, "expiresAt", code.expiresAt());
    }

    record CodeCheck(String code) {
    }

    @PostMapping("/check")
    Map<String, Object> check(@PathVariable String reference, @PathVariable long id, @RequestBody CodeCheck body) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS);
        accessRequest(reference);
        identifiers.proveAddress(reference, id, body == null ? null : body.code(), staff.userId());
        return Map.of("identifier", id, "proven", true);
    }

    /** Only an access request's pack link goes to an email address. */
    private void accessRequest(String reference) {
        Request request = register.get(reference);
        if (request.type() != RequestType.SUBJECT_ACCESS) {
            throw new RequestNotFoundException(reference);
        }
    }
}
