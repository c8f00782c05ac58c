package uk.lucidservices.privacydesk.access;

import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.mail.LetterService;
import uk.lucidservices.privacydesk.mail.LetterTime;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestNotFoundException;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Proves that a requester controls an email address that is not on record for their account, so
 * the download link may go to it: {@code POST .../code} mails a one-time code to the address, and
 * {@code POST .../code/check} records the code the requester gave back to the officer
 * ({@code {"code": "123456"}}). Privacy officers only. The code is never logged or kept in clear; the
 * letter ({@code address-code}) is sent and recorded by the letter service like every other.
 */
@RestController
@RequestMapping("/api/requests/{reference}/identifiers/{id}/code")
class AddressProofController {

    private final VerifiedIdentifiers identifiers;
    private final RequestRegister register;
    private final CurrentStaff staff;
    private final LetterService letters;

    AddressProofController(
            VerifiedIdentifiers identifiers, RequestRegister register, CurrentStaff staff, LetterService letters) {
        this.identifiers = identifiers;
        this.register = register;
        this.staff = staff;
        this.letters = letters;
    }

    @PostMapping
    Map<String, Object> send(@PathVariable String reference, @PathVariable long id) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS);
        accessRequest(reference);
        VerifiedIdentifiers.AddressCode code = identifiers.newAddressCode(reference, id, staff.userId());
        // The code is a value of this one letter only: never logged, stored or put in a variable.
        letters.send(
                Recipient.addressToProve(code.address()),
                reference,
                "address-code",
                Map.of("code", code.code(), "codeExpires", new LetterTime(code.expiresAt())),
                null);
        return Map.of("identifier", id, "expiresAt", code.expiresAt());
    }

    record CodeCheck(String code) {}

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
