package uk.lucidservices.privacydesk.erasure;

import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * The person an erasure request is about, as matching keys built from the request's verified
 * identifiers only: erasing on an unverified identifier could erase somebody else.
 */
@Component
class ErasureSubjects {

    private final RequestRegister register;
    private final VerifiedIdentifiers verified;

    public ErasureSubjects(RequestRegister register, VerifiedIdentifiers verified) {
        this.register = register;
        this.verified = verified;
    }

    /** The register's row, checked to be an erasure request. */
    public Request request(String reference) {
        Request request = register.get(reference);
        if (request.type() != RequestType.ERASURE) {
            throw new IllegalArgumentException("Request " + reference + " is not an erasure request");
        }
        return request;
    }

    /** Built from verified identifiers only: erasing on an unverified identifier could erase somebody else. */
    public Subject subject(String reference) {
        request(reference);
        try {
            return verified.subject(reference);
        } catch (VerifiedIdentifiers.IdentityNotVerifiedException e) {
            throw new IllegalStateException("Request " + reference + " has no verified email, phone or account number:"
                    + " finish the identity check before the erasure preview");
        }
    }
}
