package uk.lucidservices.privacydesk.mail;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Mails an identity check's one-time code ({@code identity-code}) to the email address on record for
 * the matched account, at once, from the officer's decision: the code is a value of this one letter
 * only, never logged, stored in clear or put in a process variable.
 */
@Component
public class IdentityCodeLetter {

    private final LetterService letters;

    public IdentityCodeLetter(LetterService letters) {
        this.letters = letters;
    }

    public void send(String reference, VerifiedIdentifiers.AddressCode code) {
        letters.send(
                Recipient.requesterAt(Optional.of(code.address())),
                reference,
                "identity-code",
                Map.of("code", code.code(), "codeExpires", new LetterTime(code.expiresAt())),
                null);
    }
}
