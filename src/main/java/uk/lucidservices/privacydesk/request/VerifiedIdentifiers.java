package uk.lucidservices.privacydesk.request;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SubjectResolver;

import java.util.List;
import java.util.Optional;

/**
 * The identifiers of a request that its identity check confirmed. Only these are searched, and
 * the pack link goes only to a verified email address, so a request made in someone else's name
 * reaches nothing until an officer has checked it.
 */
@Component
public class VerifiedIdentifiers {

    private final JdbcTemplate jdbc;
    private final RequestRegister register;
    private final SubjectResolver resolver;

    public VerifiedIdentifiers(JdbcTemplate jdbc, RequestRegister register, SubjectResolver resolver) {
        this.jdbc = jdbc;
        this.register = register;
        this.resolver = resolver;
    }

    /** Marks every identifier of the request verified; called when the identity check passes. */
    public int markVerified(String reference, String userId) {
        Request request = register.get(reference);
        int n = jdbc.update("UPDATE desk.request_identifier SET verified = TRUE WHERE request_id = ? AND kind IN ('EMAIL', 'PHONE', 'ACCOUNT')",
                request.id());
        register.record(request.id(), "IDENTITY_VERIFIED", userId, n + " identifiers verified");
        return n;
    }

    /** The subject as matching keys, built from the verified identifiers only. */
    public Subject subject(String reference) {
        Request request = register.get(reference);
        List<String> emails = values(request.id(), "EMAIL");
        List<String> phones = values(request.id(), "PHONE");
        List<String> accounts = values(request.id(), "ACCOUNT");
        if (emails.isEmpty() && phones.isEmpty() && accounts.isEmpty()) {
            throw new IdentityNotVerifiedException(reference);
        }
        return resolver.resolve(emails, phones, accounts);
    }

    /** The address the pack link may be sent to: the request's first verified email. */
    public Optional<String> email(String reference) {
        return values(register.get(reference).id(), "EMAIL").stream().findFirst();
    }

    private List<String> values(long requestId, String kind) {
        return jdbc.queryForList("SELECT id_value FROM desk.request_identifier WHERE request_id = ? AND kind = ? AND verified = TRUE ORDER BY id",
                String.class, requestId, kind);
    }

    /** The request reached a step that needs a confirmed identity before its identity check marked any identifier verified. */
    public static class IdentityNotVerifiedException extends IllegalStateException {
        public IdentityNotVerifiedException(String reference) {
            super("Request " + reference + " has no verified identifiers: the identity check must pass "
                    + "(delegate markIdentifiersVerified) before records are searched or a pack is sent");
        }
    }
}
