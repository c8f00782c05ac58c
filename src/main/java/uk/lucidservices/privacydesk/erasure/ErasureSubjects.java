package uk.lucidservices.privacydesk.erasure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SubjectResolver;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

import java.util.ArrayList;
import java.util.List;

/**
 * The person an erasure request is about, as matching keys built from the request's verified
 * identifiers only: erasing on an unverified identifier could erase somebody else.
 */
@Component
public class ErasureSubjects {

    private final RequestRegister register;
    private final SubjectResolver resolver;
    private final JdbcTemplate jdbc;

    public ErasureSubjects(RequestRegister register, SubjectResolver resolver, JdbcTemplate jdbc) {
        this.register = register;
        this.resolver = resolver;
        this.jdbc = jdbc;
    }

    /** The register's row, checked to be an erasure request. */
    public Request request(String reference) {
        Request request = register.get(reference);
        if (request.type() != RequestType.ERASURE) {
            throw new IllegalArgumentException("Request " + reference + " is not an erasure request");
        }
        return request;
    }

    public Subject subject(String reference) {
        Request request = request(reference);
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        jdbc.query("SELECT kind, value FROM desk.request_identifier WHERE request_id = ? AND verified = TRUE ORDER BY id",
                rs -> {
                    switch (rs.getString("kind")) {
                        case "EMAIL" -> emails.add(rs.getString("value"));
                        case "PHONE" -> phones.add(rs.getString("value"));
                        case "ACCOUNT" -> accounts.add(rs.getString("value"));
                        default -> {
                            // Names are not matching keys: too many people share one.
                        }
                    }
                }, request.id());
        Subject subject = resolver.resolve(emails, phones, accounts);
        if (subject.isEmpty()) {
            throw new IllegalStateException("Request " + reference + " has no verified email, phone or account number:"
                    + " finish the identity check before the erasure preview");
        }
        return subject;
    }
}
